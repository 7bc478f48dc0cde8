import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { resetPassword } from "@/lib/users/password-reset";

/** Sets a new password through an emailed link: `{token, newPassword}` (204); 400 names `token` for a link used or expired. */
export const POST = apiRoute(async ({ db, request }) => {
  await resetPassword(db, await readJsonBody(request));
  return new Response(null, { status: 204 });
});
