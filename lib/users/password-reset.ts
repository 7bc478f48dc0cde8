import { createHash, randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "@/db/database";
import { passwordResetRequests, passwordResets, signInFailures, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { Invalid, TooManyRequests } from "@/lib/errors";
import type { Email } from "@/lib/notifications/inbox-email";
import type { SendEmail } from "@/lib/notifications/notify";
import { parseInput } from "@/lib/validation";
import { emailSchema, passwordSchema } from "./input";
import { hashPassword } from "./passwords";
import { ENDED_SESSIONS } from "./sessions";

/**
 * "Forgot your password?": a link to set a new one, emailed to the account's address. Only a hash of
 * the link's token is kept; a link works once, within the hour; setting the password ends every
 * session of the account and is audited. Two-step sign-in stays on: the link replaces the password,
 * not the second step. Whether an address has an account is never told: the request is answered the
 * same way for any address, and a link is sent only to an active account that signs in with a password.
 */

/** How long a link works. */
export const LINK_LIFETIME_MINUTES = 60;

/** The most links one account is sent an hour: enough for a lost email, too few to flood a mailbox. */
export const MAX_LINKS_PER_HOUR = 3;

/**
 * The most links one sender (a network address) may ask for an hour, for whatever addresses: enough for
 * a newsroom behind one address, too few to make the desk email every account.
 */
export const MAX_REQUESTS_PER_SENDER_HOUR = 10;

const HOUR_MS = 3_600_000;

/** The page a link opens; the token is in its fragment, which browsers send to no server and no Referer carries. */
export const RESET_PATH = "/reset-password";

const requestSchema = z.strictObject({ email: emailSchema });

const resetSchema = z.strictObject({
  token: z.string({ error: "is required" }).regex(/^[\w-]{43}$/, "is not a link this desk sent: copy the whole link from the email, or ask for a new one"),
  newPassword: passwordSchema,
});

/** The link has been used, has expired, or its account can no longer sign in with a password. */
const spent = () => new Invalid("This link has expired or has been used: ask for a new one.", { token: "has expired or has been used: ask for a new link" });

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** How the desk emails the link: the sender, the app's address and the newsroom's name. */
export type ResetMail = { send: SendEmail; appUrl: string; newsroom: string };

/**
 * Emails a link to set a new password to the account of `{email}`, if an active one signs in with a
 * password there and it has had fewer than MAX_LINKS_PER_HOUR this hour; otherwise nothing, and the
 * same answer. Refuses (429) a sender (`senderDigest`, lib/http/sender.ts) who has asked
 * MAX_REQUESTS_PER_SENDER_HOUR times this hour, whatever for. Resolves once the link is recorded, with
 * the email's sending, which a request does not wait for (how long it takes would tell that the account
 * exists); it logs its own failure.
 */
export async function requestPasswordReset(
  db: Database,
  input: unknown,
  mail: ResetMail,
  senderDigest: string,
  now = new Date(),
): Promise<{ sending: Promise<void> | null }> {
  const { email } = parseInput(requestSchema, input);
  const token = randomBytes(32).toString("base64url");
  const account = await db.transaction(async (tx) => {
    await countRequest(tx, senderDigest, now);
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email, passwordHash: users.passwordHash, disabled: users.disabled, totpEnabledAt: users.totpEnabledAt })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .for("update");
    if (!user || user.disabled || user.passwordHash === null) return null;
    const [recent] = await tx
      .select({ n: count() })
      .from(passwordResets)
      .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, new Date(now.getTime() - HOUR_MS))));
    if ((recent?.n ?? 0) >= MAX_LINKS_PER_HOUR) return null;
    await tx.insert(passwordResets).values({ tokenHash: hashOf(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + LINK_LIFETIME_MINUTES * 60_000) });
    // Links a day past their time are of no more use, not even to say why they fail.
    await tx.delete(passwordResets).where(lt(passwordResets.expiresAt, new Date(now.getTime() - 86_400_000)));
    return user;
  });
  if (!account) return { sending: null };
  const sending = mail.send(resetEmail(account, `${mail.appUrl}${RESET_PATH}#token=${token}`, mail.newsroom, account.totpEnabledAt !== null)).catch((error: unknown) => {
    console.error(`Email: could not send a password link to ${account.email} (${error instanceof Error ? error.message : String(error)}); they may ask again.`);
  });
  return { sending };
}

/**
 * Counts a request of `senderDigest`, refusing it past MAX_REQUESTS_PER_SENDER_HOUR this hour. One at a
 * time per sender across instances (an advisory lock held to the end of the transaction); requests over
 * an hour old are forgotten.
 */
async function countRequest(tx: Transaction, senderDigest: string, now: Date): Promise<void> {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`password-reset:${senderDigest}`}))`);
  const [recent] = await tx
    .select({ n: count() })
    .from(passwordResetRequests)
    .where(and(eq(passwordResetRequests.senderDigest, senderDigest), gt(passwordResetRequests.createdAt, hourAgo)));
  if ((recent?.n ?? 0) >= MAX_REQUESTS_PER_SENDER_HOUR) {
    throw new TooManyRequests(
      `There have been ${MAX_REQUESTS_PER_SENDER_HOUR} requests for a password link from your network in the last hour: ask again in an hour, or ask an admin to set you a new password.`,
    );
  }
  await tx.insert(passwordResetRequests).values({ senderDigest, createdAt: now });
  await tx.delete(passwordResetRequests).where(lt(passwordResetRequests.createdAt, hourAgo));
}

function resetEmail(person: { name: string; email: string }, link: string, newsroom: string, twoStep: boolean): Email {
  const paragraphs = [
    `Hello ${person.name},`,
    `Someone, we hope you, asked to set a new password for your account at ${newsroom} (${person.email}). To choose one, open this link within the hour:`,
    link,
    `It works once. Setting a new password signs your account out everywhere.${twoStep ? " Two-step sign-in stays on: you will still need a code from your authenticator app." : ""}`,
    "If you did not ask, ignore this email: your password stays as it is.",
  ];
  return { to: { name: person.name.replace(/\s+/g, " "), address: person.email }, subject: `Set a new password for ${newsroom}`, text: `${paragraphs.join("\n\n")}\n` };
}

/**
 * Sets the password of the account a link was sent to (`{token, newPassword}`), once: every link of
 * the account stops working, its sessions end, its wrong passwords are forgotten (a lock-out by them
 * ends), and the audit trail says the password was reset through an emailed link.
 */
export async function resetPassword(db: Database, input: unknown, now = new Date()): Promise<void> {
  const { token, newPassword } = parseInput(resetSchema, input);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const [link] = await tx.select().from(passwordResets).where(eq(passwordResets.tokenHash, hashOf(token))).for("update");
    if (!link || link.usedAt !== null || link.expiresAt <= now) throw spent();
    const [user] = await tx.select({ email: users.email, disabled: users.disabled, passwordHash: users.passwordHash }).from(users).where(eq(users.id, link.userId)).for("update");
    if (!user || user.disabled || user.passwordHash === null) throw spent();
    await tx
      .update(users)
      .set({ passwordHash, ...ENDED_SESSIONS, updatedAt: now })
      .where(eq(users.id, link.userId));
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, link.userId), isNull(passwordResets.usedAt)));
    await tx.delete(signInFailures).where(eq(signInFailures.email, user.email));
    await recordAudit(tx, {
      actorId: link.userId,
      subject: "user",
      subjectId: link.userId,
      action: "updated",
      before: { password: "(previous)" },
      after: { password: "(changed)", passwordReset: "through an emailed link" },
    });
  });
}
