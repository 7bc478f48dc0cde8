import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { createUser, listUsers } from "@/lib/users/service";

export const GET = apiRoute(async ({ db, actor }) => ({ users: await listUsers(db, actor) }));

export const POST = apiRoute(async ({ db, actor, request }) => ({ user: await createUser(db, actor, await readJsonBody(request)) }), {
  status: 201,
});
