import { Conflict } from "@/lib/errors";
import { enforce } from "@/lib/policies/enforce";
import { mayManageUsers } from "@/lib/policies/user";
import type { Actor } from "@/lib/users/actor";
import type { DeskMail } from "./desk-mail";

/** What came of a test email: sent (the mail server took it), or why not, and what to do next. */
export type TestEmailResult = { sent: boolean; message: string };

/**
 * Sends the admin a test email through the desk's mail server, to check SMTP_URL and MAIL_FROM before
 * anyone depends on them; answers what the mail server said. Admins only; 409 without `mail` (the desk
 * sends no email).
 */
export async function sendTestEmail(actor: Actor | null, mail: DeskMail | null): Promise<TestEmailResult> {
  enforce(mayManageUsers(actor), actor);
  if (!mail) throw new Conflict("This desk sends no email: set SMTP_URL on the server first.");
  const { email, name } = actor!;
  try {
    await mail.send({
      to: { name, address: email },
      subject: `A test email from ${mail.newsroom}`,
      text: `Hello ${name},\n\nThe desk's email works: inbox notifications and links to set a forgotten password will reach people.\n\nSent from ${mail.appUrl}/admin/users\n`,
    });
    return { sent: true, message: `The mail server took it, for ${email}. If it does not arrive within a few minutes, look in the spam folder, then in the mail server's logs.` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { sent: false, message: `The mail server did not take it: ${reason}. Check SMTP_URL and MAIL_FROM on the server, then try again.` };
  }
}
