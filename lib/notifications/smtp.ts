import { createTransport } from "nodemailer";
import type { Email } from "./inbox-email";
import type { SendEmail } from "./notify";

/** How long the mail server has to answer each step (connecting, greeting, each reply). */
const SMTP_TIMEOUT_MS = 15_000;

/** The port of an SMTP address: the one it names, else 465 for smtps:// and 587 (submission) for smtp://. */
export const smtpPortOf = (url: URL): number => (url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587);

/**
 * Sends emails through the SMTP server at `smtpUrl` (STARTTLS when the server offers it; `smtps://`
 * for TLS from the start), from `from`, as plain text, marked as sent by a machine so that
 * out-of-office replies stay away.
 */
export function smtpSender(smtpUrl: string, from: string): SendEmail {
  const url = new URL(smtpUrl);
  const transport = createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: smtpPortOf(url),
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return async (email: Email) => {
    await transport.sendMail({
      from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      headers: { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" },
    });
  };
}
