import { readJsonBody } from "@/lib/http/body";
import { apiRoute, OWN_ACCOUNT } from "@/lib/http/route";
import { changeOwnPassword } from "@/lib/users/account";

/** Changes the signed-in person's password, `{currentPassword, newPassword}`, and ends every session of the account, this one included. */
export const POST = apiRoute(async ({ db, actor, request }) => {
  await changeOwnPassword(db, actor, await readJsonBody(request));
  return new Response(null, { status: 204 });
}, OWN_ACCOUNT);
