import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A mail server on this machine for the tests that send email (database, unit and browser tests): it
 * takes every message, parsed, with its recipients, or refuses them (550) while `refusing` is set.
 */
export type MailServer = { url: string; received: { to: string[]; mail: ParsedMail }[]; refusing: boolean; close(): Promise<void> };

/** Starts a mail server on `port` (any free one by default) of 127.0.0.1, without TLS or authentication. */
export async function startMailServer(port = 0): Promise<MailServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      simpleParser(stream).then(
        (mail) => {
          if (mailServer.refusing) return done(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
          mailServer.received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
          done();
        },
        (error: Error) => done(error),
      );
    },
  });
  await new Promise<void>((listening) => server.listen(port, "127.0.0.1", listening));
  const mailServer: MailServer = {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received: [],
    refusing: false,
    close: () => new Promise<void>((closed) => server.close(closed)),
  };
  return mailServer;
}
