import { apiRoute } from "@/lib/http/route";
import { deskMail } from "@/lib/notifications/desk-mail";
import { sendTestEmail } from "@/lib/notifications/test-email";

/** Admins: sends them a test email through the desk's mail server: `{result: {sent, message}}`; 409 when the desk sends no email. */
export const POST = apiRoute(async ({ actor }) => ({ result: await sendTestEmail(actor, deskMail()) }));
