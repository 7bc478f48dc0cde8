import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { APP_PORT } from "./sso-provider";

/**
 * The mail server of the browser tests: `990-email-notifications.spec.ts` runs it on a port of its own,
 * 91 above the app's, and the app is configured to send through it with no delay (playwright.config.ts).
 * Emails the app tries to send while it is not running are refused and tried again later, as with any
 * mail server that is down.
 */
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? APP_PORT + 91);

export const MAIL_ENVIRONMENT = { SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, MAIL_FROM: '"Fact-check desk" <desk@example.com>', EMAIL_DELAY_SECONDS: "0" };

/** A running mail server and the emails it took, parsed, with their recipients. */
export type MailServer = { received: { to: string[]; mail: ParsedMail }[]; close(): Promise<void> };

export async function startMailServer(): Promise<MailServer> {
  const received: MailServer["received"] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
          done();
        },
        (error: Error) => done(error),
      );
    },
  });
  await new Promise<void>((listening) => server.listen(SMTP_PORT, "127.0.0.1", listening));
  return { received, close: () => new Promise<void>((closed) => server.close(closed)) };
}
