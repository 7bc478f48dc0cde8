import { Conflict } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute } from "@/lib/http/route";
import { senderAddressOf, senderDigestOf } from "@/lib/http/sender";
import { deskMail } from "@/lib/notifications/desk-mail";
import { requestPasswordReset } from "@/lib/users/password-reset";

/** "Forgot your password?": `{email}`; answered 202 the same way whether or not the address has an account (the link goes out meanwhile). */
export const POST = apiRoute(
  async ({ db, request }) => {
    const mail = deskMail();
    if (!mail) throw new Conflict("This desk sends no email: ask an admin to set you a new password.");
    const sender = await senderDigestOf(db, senderAddressOf(request.headers), "password-reset");
    await requestPasswordReset(db, await readJsonBody(request), mail, sender);
    return { message: `If an account signs in with that email, a link to set a new password is on its way. It works for an hour.` };
  },
  { status: 202 },
);
