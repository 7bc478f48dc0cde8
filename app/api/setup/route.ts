import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { createFirstAdmin } from "@/lib/users/service";

/** Creates the first admin of a new installation; refused once any user exists. */
export const POST = apiRoute(async ({ db, request }) => ({ user: await createFirstAdmin(db, await readJsonBody(request)) }), {
  status: 201,
});
