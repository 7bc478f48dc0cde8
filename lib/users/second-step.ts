import { createHash } from "node:crypto";
import { and, count, eq, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db/database";
import { recoveryCodes, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { matchingTotpStep } from "./totp";

/** The second step of signing in with a password, for accounts with two-step sign-in (see `two-step.ts`). */

/** A recovery code as typed (any case, with or without its hyphen and spaces), as stored. */
export const recoveryDigest = (code: string) => createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase()).digest("hex");

/** The key of the account's authenticator app, or null without two-step sign-in: signing in with its password then needs a code too. */
export async function secondStepKeyOf(db: Database, userId: string): Promise<string | null> {
  const [user] = await db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, userId));
  return user?.secret ?? null;
}

/**
 * Accepts `code` as the second step of the account whose app has `key`, once: a code of its app whose time step is later than the
 * last one accepted (so a code seen over a shoulder does not sign in again), or an unused recovery code,
 * which is then used up. Both are consumed by one conditional update, so two instances never accept the
 * same code twice.
 */
export async function acceptSecondStep(db: Database, userId: string, key: string, code: string, now: Date): Promise<boolean> {
  const typed = code.replace(/[\s-]/g, "");
  if (/^\d{6}$/.test(typed)) {
    const step = matchingTotpStep(key, typed, now);
    if (step === null) return false;
    const taken = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return taken.length === 1;
  }
  if (typed.length !== 10) return false;
  // A recovery code used is in the audit trail, with how many are left: the account's owner and its admins
  // see it, and a code used by someone else does not pass unnoticed.
  return db.transaction(async (tx) => {
    const used = await tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeDigest, recoveryDigest(typed)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (used.length !== 1) return false;
    const [left] = await tx
      .select({ value: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
    await recordAudit(tx, { actorId: userId, subject: "user", subjectId: userId, action: "updated", after: { recoveryCodeUsed: true, recoveryCodesLeft: left?.value ?? 0 } });
    return true;
  });
}
