import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { updateUser } from "@/lib/users/service";

/** Changes a user's name, role, password or disabled flag (admins only). */
export const PATCH = apiRoute<{ id: string }>(
  async ({ db, actor, params, request }) => ({ user: await updateUser(db, actor, params.id, await readJsonBody(request)) }),
  { noun: "user" },
);
