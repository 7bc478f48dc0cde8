import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Conflict, Forbidden, Unauthenticated } from "@/lib/errors";
import { smtpSender } from "@/lib/notifications/smtp";
import { sendTestEmail } from "@/lib/notifications/test-email";
import { startMailServer, type MailServer } from "../../mail-server";

const ADMIN = { id: "a", email: "ada@example.org", name: "Ada Admin", role: "admin" as const, disabled: false };
const desk = (smtpUrl: string) => ({ send: smtpSender(smtpUrl, "desk@example.org"), settings: { smtpUrl, from: "desk@example.org", delaySeconds: 120, dailyAt: "08:00" }, appUrl: "https://desk.example.org", newsroom: "The Courier", timeZone: "UTC" });

/** A port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

describe("the admin's test email", () => {
  let smtp: MailServer;

  beforeAll(async () => {
    smtp = await startMailServer();
  });

  afterAll(() => smtp.close());

  it("reaches the admin through the mail server, and says so", async () => {
    const result = await sendTestEmail(ADMIN, desk(smtp.url));
    expect(result).toEqual({ sent: true, message: "The mail server took it, for ada@example.org. If it does not arrive within a few minutes, look in the spam folder, then in the mail server's logs." });
    expect(smtp.received.map((each) => each.to)).toEqual([["ada@example.org"]]);
    expect(smtp.received[0]!.mail.subject).toBe("A test email from The Courier");
  });

  it("says what the mail server answered when it cannot be reached, and what to check", async () => {
    const result = await sendTestEmail(ADMIN, desk(`smtp://127.0.0.1:${await closedPort()}`));
    expect(result.sent).toBe(false);
    expect(result.message).toMatch(/^The mail server did not take it: .*ECONNREFUSED.*\. Check SMTP_URL and MAIL_FROM on the server, then try again\.$/);
  });

  it("is for admins only, and refused when the desk sends no email", async () => {
    await expect(sendTestEmail({ ...ADMIN, role: "editor" }, desk(smtp.url))).rejects.toBeInstanceOf(Forbidden);
    await expect(sendTestEmail(null, null)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(sendTestEmail(ADMIN, null)).rejects.toBeInstanceOf(Conflict);
  });
});
