import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { passwordResetRequests, passwordResets, signInFailures, users } from "@/db/schema";
import { describeEntry } from "@/lib/audit/describe";
import { listAuditEntries } from "@/lib/audit/queries";
import { Invalid, TooManyRequests } from "@/lib/errors";
import type { Email } from "@/lib/notifications/inbox-email";
import type { Actor } from "@/lib/users/actor";
import { hashPassword } from "@/lib/users/passwords";
import { MAX_LINKS_PER_HOUR, MAX_REQUESTS_PER_SENDER_HOUR, requestPasswordReset, resetPassword } from "@/lib/users/password-reset";
import { verifyCredentials } from "@/lib/users/service";
import { describeOnEveryEngine } from "./engines";
import { addUser, rowCount } from "./fixtures";

const OLD_PASSWORD = "the old long password";
const NEW_PASSWORD = "a brand new long password";

describeOnEveryEngine("forgot your password: a link by email", (db) => {
  let rita: Actor;
  let outbox: Email[];
  /** Who asks (a digest of their address): each test's own, as the tables are kept from test to test. */
  let sender: string;
  const mail = { send: async (email: Email) => void outbox.push(email), appUrl: "https://desk.example.org", newsroom: "The Courier" };

  /** Asks for a link for `email` at `now` from `sender`, and waits for its email, if any is sent. */
  async function ask(email: string, now = new Date(), from = sender): Promise<string | null> {
    const { sending } = await requestPasswordReset(db(), { email }, mail, from, now);
    if (!sending) return null;
    await sending;
    return /#token=([\w-]{43})$/m.exec(outbox.at(-1)!.text)![1]!;
  }
  const generation = async () => (await db().select({ n: users.sessionGeneration }).from(users).where(eq(users.id, rita.id)))[0]!.n;

  beforeEach(async () => {
    rita = await addUser(db(), "reviewer", { name: "Rita Reviewer" });
    await db().update(users).set({ passwordHash: await hashPassword(OLD_PASSWORD) }).where(eq(users.id, rita.id));
    outbox = [];
    sender = crypto.randomUUID();
  });

  it("emails the account a link that sets a new password once, ends its sessions and is audited; only the token's hash is kept", async () => {
    const token = await ask("  Rita.Reviewer@EXAMPLE.com ");
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to: { name: "Rita Reviewer", address: rita.email }, subject: "Set a new password for The Courier" });
    expect(outbox[0]!.text).toContain(`asked to set a new password for your account at The Courier (${rita.email}). To choose one, open this link within the hour:\n\nhttps://desk.example.org/reset-password#token=${token}\n`);
    expect(outbox[0]!.text).not.toContain("Two-step");
    const [kept] = await db().select().from(passwordResets);
    expect(kept!.tokenHash).toBe(createHash("sha256").update(token!).digest("hex"));
    expect(JSON.stringify(kept)).not.toContain(token!);

    const before = await generation();
    await resetPassword(db(), { token, newPassword: NEW_PASSWORD });
    expect(await verifyCredentials(db(), rita.email, NEW_PASSWORD)).toMatchObject({ id: rita.id });
    expect(await verifyCredentials(db(), rita.email, OLD_PASSWORD)).toBeNull();
    expect(await generation()).toBe(before + 1);
    const admin = await addUser(db(), "admin");
    const [entry] = (await listAuditEntries(db(), admin, { subject: "user" })).entries;
    expect(entry).toMatchObject({ actor: { id: rita.id }, action: "updated", before: { password: "(previous)" }, after: { password: "(changed)" } });
    expect(describeEntry(entry!)).toBe("set a new password through a link emailed to them");

    await expect(resetPassword(db(), { token, newPassword: "yet another long password" })).rejects.toMatchObject({
      constructor: Invalid,
      fields: { token: "has expired or has been used: ask for a new link" },
    });
    expect(await verifyCredentials(db(), rita.email, NEW_PASSWORD)).not.toBeNull();
  });

  it("answers an unknown, disabled or single-sign-on address as any other, and sends it nothing", async () => {
    const gone = await addUser(db(), "reviewer", { name: "Gone Reviewer", disabled: true });
    const sso = await addUser(db(), "reviewer", { name: "Sso Only" });
    await db().update(users).set({ passwordHash: null }).where(eq(users.id, sso.id));
    for (const email of ["nobody@example.com", gone.email, sso.email]) expect(await ask(email)).toBeNull();
    expect(outbox).toEqual([]);
    expect(await rowCount(db(), passwordResets)).toBe(0);
    await expect(requestPasswordReset(db(), { email: "not an address" }, mail, sender)).rejects.toMatchObject({ constructor: Invalid, fields: { email: "must be an email address" } });
    await expect(requestPasswordReset(db(), {}, mail, sender)).rejects.toMatchObject({ fields: { email: "is required" } });
  });

  it("takes at most ten requests an hour from one sender, whatever they ask for, and none of another's into account", async () => {
    const now = new Date();
    for (let n = 0; n < MAX_REQUESTS_PER_SENDER_HOUR - 1; n++) expect(await ask(`someone.${n}@example.com`, now)).toBeNull();
    expect(await ask(rita.email, now)).not.toBeNull();
    // The eleventh is refused, saying what to do, even for an account that could have had a link; nothing is sent.
    await expect(ask(rita.email, now)).rejects.toMatchObject({
      constructor: TooManyRequests,
      message: expect.stringMatching(/from your network in the last hour: ask again in an hour, or ask an admin to set you a new password\.$/),
    });
    expect(outbox).toHaveLength(1);
    // Another sender is not held back; an hour later the first may ask again, and what is older is forgotten.
    expect(await ask(rita.email, now, crypto.randomUUID())).not.toBeNull();
    expect(await ask(rita.email, new Date(now.getTime() + 3_601_000))).not.toBeNull();
    expect(await db().select().from(passwordResetRequests).where(eq(passwordResetRequests.senderDigest, sender))).toHaveLength(1);
  });

  it("works within the hour only, and sends one account at most three links an hour", async () => {
    const start = new Date(Date.now() - 2 * 3_600_000);
    const stale = await ask(rita.email, start);
    await expect(resetPassword(db(), { token: stale, newPassword: NEW_PASSWORD })).rejects.toMatchObject({ fields: { token: expect.stringMatching(/^has expired/) } });

    const later = new Date(start.getTime() + 3_700_000);
    for (let n = 0; n < MAX_LINKS_PER_HOUR; n++) expect(await ask(rita.email, later)).not.toBeNull();
    expect(await ask(rita.email, later)).toBeNull();
    expect(outbox).toHaveLength(1 + MAX_LINKS_PER_HOUR);
    // Using one link spends every link of the account.
    const tokens = outbox.slice(1).map((email) => /#token=([\w-]{43})$/m.exec(email.text)![1]!);
    await resetPassword(db(), { token: tokens[0], newPassword: NEW_PASSWORD });
    await expect(resetPassword(db(), { token: tokens[1], newPassword: "yet another long password" })).rejects.toBeInstanceOf(Invalid);
  });

  it("ends a lock-out by wrong passwords and leaves two-step sign-in on, saying so", async () => {
    await db().update(users).set({ totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() }).where(eq(users.id, rita.id));
    await db().insert(signInFailures).values(Array.from({ length: 10 }, () => ({ email: rita.email })));
    const token = await ask(rita.email);
    expect(outbox[0]!.text).toContain("Two-step sign-in stays on: you will still need a code from your authenticator app.");
    await resetPassword(db(), { token, newPassword: NEW_PASSWORD });
    expect(await rowCount(db(), signInFailures)).toBe(0);
    expect((await db().select({ at: users.totpEnabledAt }).from(users).where(eq(users.id, rita.id)))[0]!.at).not.toBeNull();
  });

  it("refuses a malformed link and a short password naming the field, and a refused try leaves the link working", async () => {
    const token = await ask(rita.email);
    await expect(resetPassword(db(), { token: "abc", newPassword: NEW_PASSWORD })).rejects.toMatchObject({ fields: { token: expect.stringMatching(/^is not a link this desk sent/) } });
    await expect(resetPassword(db(), { token, newPassword: "short" })).rejects.toMatchObject({ fields: { newPassword: "must be at least 10 characters" } });
    expect(await verifyCredentials(db(), rita.email, OLD_PASSWORD)).not.toBeNull();
    await resetPassword(db(), { token, newPassword: NEW_PASSWORD });
    expect(await verifyCredentials(db(), rita.email, NEW_PASSWORD)).not.toBeNull();
  });
});
