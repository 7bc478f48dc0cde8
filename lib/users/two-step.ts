import { randomInt } from "node:crypto";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import QRCode from "qrcode";
import { z } from "zod";
import type { Database, Transaction } from "@/db/database";
import { recoveryCodes, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { newsroomConfig } from "@/lib/newsroom/config";
import { enforce } from "@/lib/policies/enforce";
import { mayManageOwnAccount, mayManageUsers } from "@/lib/policies/user";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { confirmCurrentPassword, currentPasswordField } from "./password-confirmation";
import { recoveryDigest } from "./second-step";
import { base32Decode, matchingTotpStep, newTotpSecret, otpauthUri } from "./totp";

/**
 * Two-step sign-in: an account with a password may add a second step, a code from an authenticator app
 * (RFC 6238: Google Authenticator, 1Password, Authy, …), and recovery codes for a lost phone. Signing in
 * with the password then needs a code too (`lib/users/sign-in.ts`). Turning it on, off, and replacing the
 * recovery codes are confirmed by the current password; an admin may turn it off for a colleague who lost
 * their phone and their codes. Single sign-on accounts get their second step from their provider.
 */

export const RECOVERY_CODE_COUNT = 10;

export type TwoStepStatus = { enabled: boolean; enabledAt: string | null; recoveryCodesLeft: number };

/** What an authenticator app is given to add the account: its key, the same as an `otpauth://` address, and that address as a QR code (an SVG `data:` URL). */
export type TwoStepSetup = { secret: string; uri: string; qrCode: string };

const codeField = z
  .string({ error: "is required" })
  .transform((code) => code.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "must be the 6 digits your app shows"));

const turnOnSchema = z.strictObject({
  secret: z
    .string({ error: "is required" })
    .refine((secret) => (base32Decode(secret)?.length ?? 0) >= 16, "must be the key this page gave you"),
  code: codeField,
  currentPassword: currentPasswordField,
});

const passwordSchema = z.strictObject({ currentPassword: currentPasswordField });

/** A recovery code as shown: ten letters and digits in two groups ("7kq2m-x9fhd"), without look-alikes. */
const RECOVERY_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

async function replaceCodes(tx: Transaction, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeDigest: recoveryDigest(code) })));
  return codes;
}

async function statusOf(db: Database, userId: string): Promise<TwoStepStatus> {
  const [user] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  if (!user) throw new NotFound(`No user with id ${userId}.`);
  const [left] = await db
    .select({ value: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return { enabled: user.secret !== null, enabledAt: user.enabledAt?.toISOString() ?? null, recoveryCodesLeft: left?.value ?? 0 };
}

/** Whether the signed-in person's account has two-step sign-in, since when, and how many recovery codes are unused. */
export async function twoStepStatus(db: Database, actor: Actor | null): Promise<TwoStepStatus> {
  enforce(mayManageOwnAccount(actor), actor);
  return statusOf(db, actor!.id);
}

/**
 * A new key for the signed-in person's authenticator app, with its QR code. Nothing is stored: the key
 * comes back with the first code the app makes from it, to `turnOnTwoStep`.
 */
export async function startTwoStepSetup(db: Database, actor: Actor | null): Promise<TwoStepSetup> {
  enforce(mayManageOwnAccount(actor), actor);
  const [user] = await db.select({ email: users.email, passwordHash: users.passwordHash, secret: users.totpSecret }).from(users).where(eq(users.id, actor!.id));
  if (!user) throw new NotFound(`No user with id ${actor!.id}.`);
  if (user.passwordHash === null) throw new Conflict(`You sign in through single sign-on, without a password here: your provider's own two-step sign-in protects your account.`);
  if (user.secret !== null) throw new Conflict("Two-step sign-in is on already. To move it to another app, turn it off and on again.");
  const secret = newTotpSecret();
  const uri = otpauthUri(secret, newsroomConfig().name, user.email);
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/**
 * Turns two-step sign-in on (`{secret, code, currentPassword}`: the key `startTwoStepSetup` gave, a code
 * the app made from it, proving it was added, and the current password); audited. Other sessions stay:
 * "Sign out everywhere" ends them.
 * @returns the recovery codes, shown this once (only their digests are kept)
 */
export async function turnOnTwoStep(db: Database, actor: Actor | null, input: unknown, now = new Date()): Promise<{ recoveryCodes: string[]; status: TwoStepStatus }> {
  enforce(mayManageOwnAccount(actor), actor);
  const { secret, code, currentPassword } = parseInput(turnOnSchema, input);
  await confirmCurrentPassword(db, actor!.id, currentPassword, now);
  const key = secret.replace(/[\s=]/g, "").toUpperCase();
  const step = matchingTotpStep(key, code, now);
  if (step === null) throw new Invalid("That code does not match: check that your app shows this account, and type the code it shows now.", { code: "is not the code your app shows" });
  const codes = await db.transaction(async (tx) => {
    const [user] = await tx.select({ secret: users.totpSecret }).from(users).where(eq(users.id, actor!.id)).for("update");
    if (user?.secret !== null) throw new Conflict("Two-step sign-in is on already.");
    await tx.update(users).set({ totpSecret: key, totpEnabledAt: now, totpLastStep: step, updatedAt: now }).where(eq(users.id, actor!.id));
    await recordAudit(tx, { actorId: actor!.id, subject: "user", subjectId: actor!.id, action: "updated", before: { twoStep: "off" }, after: { twoStep: "on" } });
    return replaceCodes(tx, actor!.id);
  });
  return { recoveryCodes: codes, status: await statusOf(db, actor!.id) };
}

/** New recovery codes for the signed-in person (`{currentPassword}`): the old ones stop working; audited. */
export async function replaceRecoveryCodes(db: Database, actor: Actor | null, input: unknown, now = new Date()): Promise<{ recoveryCodes: string[]; status: TwoStepStatus }> {
  enforce(mayManageOwnAccount(actor), actor);
  const { currentPassword } = parseInput(passwordSchema, input);
  await confirmCurrentPassword(db, actor!.id, currentPassword, now);
  const codes = await db.transaction(async (tx) => {
    const [user] = await tx.select({ secret: users.totpSecret }).from(users).where(eq(users.id, actor!.id)).for("update");
    if (!user?.secret) throw new Conflict("Two-step sign-in is off: turn it on first.");
    await recordAudit(tx, { actorId: actor!.id, subject: "user", subjectId: actor!.id, action: "updated", before: { recoveryCodes: "(previous)" }, after: { recoveryCodes: "(replaced)" } });
    return replaceCodes(tx, actor!.id);
  });
  return { recoveryCodes: codes, status: await statusOf(db, actor!.id) };
}

async function turnOff(tx: Transaction, userId: string, actorId: string | null): Promise<void> {
  const [user] = await tx.select({ secret: users.totpSecret }).from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new NotFound(`No user with id ${userId}.`);
  if (user.secret === null) throw new Conflict("Two-step sign-in is off already.");
  await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date() }).where(eq(users.id, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await recordAudit(tx, { actorId, subject: "user", subjectId: userId, action: "updated", before: { twoStep: "on" }, after: { twoStep: "off" } });
}

/** Turns the signed-in person's two-step sign-in off (`{currentPassword}`); audited. */
export async function turnOffTwoStep(db: Database, actor: Actor | null, input: unknown, now = new Date()): Promise<{ status: TwoStepStatus }> {
  enforce(mayManageOwnAccount(actor), actor);
  const { currentPassword } = parseInput(passwordSchema, input);
  await confirmCurrentPassword(db, actor!.id, currentPassword, now);
  await db.transaction((tx) => turnOff(tx, actor!.id, actor!.id));
  return { status: await statusOf(db, actor!.id) };
}

/** An admin turns a colleague's two-step sign-in off (a lost phone, lost codes): they sign in with their password alone until they turn it on again; audited. */
export async function turnOffTwoStepFor(db: Database, actor: Actor | null, userId: string): Promise<{ status: TwoStepStatus }> {
  enforce(mayManageUsers(actor), actor);
  await db.transaction((tx) => turnOff(tx, userId, actor!.id));
  return { status: await statusOf(db, userId) };
}

/**
 * Turns two-step sign-in off for the account with `email`, without an acting admin: for the command line,
 * run by whoever holds the server (the only admin lost their phone). Audited without an author.
 */
export async function turnOffTwoStepAsOperator(db: Database, email: string): Promise<{ name: string }> {
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  if (!user) throw new NotFound(`No user with the email ${email}.`);
  await db.transaction((tx) => turnOff(tx, user.id, null));
  return { name: user.name };
}
