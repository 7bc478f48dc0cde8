import { createServer, type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Conflict, Forbidden, Unauthenticated } from "@/lib/errors";
import { smtpSender } from "@/lib/notifications/smtp";
import { sendTestEmail } from "@/lib/notifications/test-email";

const ADMIN = { id: "a", email: "ada@example.org", name: "Ada Admin", role: "admin" as const, disabled: false };
const desk = (smtpUrl: string) => ({ send: smtpSender(smtpUrl, "desk@example.org"), settings: { smtpUrl, from: "desk@example.org", delaySeconds: 120 }, appUrl: "https://desk.example.org", newsroom: "The Courier" });

/** A port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

describe("the admin's test email", () => {
  let smtp: SMTPServer;
  let port = 0;
  const received: { to: string[]; raw: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, session, done) {
        let raw = "";
        stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
          done();
        });
      },
    });
    await new Promise<void>((listening) => smtp.listen(0, "127.0.0.1", listening));
    port = (smtp.server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((closed) => smtp.close(closed)));

  it("reaches the admin through the mail server, and says so", async () => {
    const result = await sendTestEmail(ADMIN, desk(`smtp://127.0.0.1:${port}`));
    expect(result).toEqual({ sent: true, message: "The mail server took it, for ada@example.org. If it does not arrive within a few minutes, look in the spam folder, then in the mail server's logs." });
    expect(received.map((each) => each.to)).toEqual([["ada@example.org"]]);
    expect(received[0]!.raw).toContain("Subject: A test email from The Courier");
  });

  it("says what the mail server answered when it cannot be reached, and what to check", async () => {
    const result = await sendTestEmail(ADMIN, desk(`smtp://127.0.0.1:${await closedPort()}`));
    expect(result.sent).toBe(false);
    expect(result.message).toMatch(/^The mail server did not take it: .*ECONNREFUSED.*\. Check SMTP_URL and MAIL_FROM on the server, then try again\.$/);
  });

  it("is for admins only, and refused when the desk sends no email", async () => {
    await expect(sendTestEmail({ ...ADMIN, role: "editor" }, desk(`smtp://127.0.0.1:${port}`))).rejects.toBeInstanceOf(Forbidden);
    await expect(sendTestEmail(null, null)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(sendTestEmail(ADMIN, null)).rejects.toBeInstanceOf(Conflict);
  });
});
