import { and, count, eq, gt, lt, or } from "drizzle-orm";
import type { Database } from "@/db/database";
import { signInFailures } from "@/db/schema";
import { SECOND_STEP_REQUIRED } from "@/lib/auth/second-step-required";
import { TooManyRequests } from "@/lib/errors";
import type { Actor } from "./actor";
import { verifyCredentials } from "./service";
import { acceptSecondStep, secondStepKeyOf } from "./second-step";

/**
 * Password guessing is slowed per email: after `MAX_FAILURES` wrong passwords within `WINDOW_MINUTES`
 * (at sign-in, or to confirm a change of password), further attempts are refused until the oldest
 * failure leaves the window. Ten is far above what a person mistyping makes and far below what guessing
 * needs; the failures live in the database, so every instance counts the same ones.
 */
export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 15;

export class TooManySignInAttempts extends TooManyRequests {
  constructor() {
    super(`Too many wrong passwords for this account. Wait ${WINDOW_MINUTES} minutes, or ask an admin to reset your password.`);
    this.name = "TooManySignInAttempts";
  }
}

const windowStartOf = (now: Date) => new Date(now.getTime() - WINDOW_MINUTES * 60_000);

/** @throws TooManySignInAttempts when this email has failed too often recently: the password is then not checked at all. */
export async function refuseWhileGuessed(db: Database, email: string, now: Date): Promise<void> {
  const [recent] = await db
    .select({ value: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gt(signInFailures.failedAt, windowStartOf(now))));
  if ((recent?.value ?? 0) >= MAX_FAILURES) throw new TooManySignInAttempts();
}

/** Counts a wrong password for this email (forgetting failures out of any window), or forgets its failures after a right one. */
export async function recordPasswordCheck(db: Database, email: string, right: boolean, now: Date): Promise<void> {
  if (right) {
    await db.delete(signInFailures).where(eq(signInFailures.email, email));
    return;
  }
  await db.insert(signInFailures).values({ email, failedAt: now });
  await db
    .delete(signInFailures)
    .where(
      or(lt(signInFailures.failedAt, new Date(now.getTime() - 24 * 60 * 60_000)), and(eq(signInFailures.email, email), lt(signInFailures.failedAt, windowStartOf(now)))),
    );
}

/** The password was right, and the account has two-step sign-in: the sign-in form asks for a code. */
export class SecondStepRequired extends Error {
  constructor() {
    // The message is the code next-auth hands the sign-in form, which then asks for the code.
    super(SECOND_STEP_REQUIRED);
    this.name = "SecondStepRequired";
  }
}

export class WrongSecondStep extends Error {
  constructor() {
    super("That code is not right, or was used already. Type the code your app shows now, or one of your recovery codes.");
    this.name = "WrongSecondStep";
  }
}

/**
 * The active user with these credentials, or null. An account with two-step sign-in needs `code` too (a
 * code from its app or a recovery code); a wrong one counts as a failed sign-in, like a wrong password.
 * @throws TooManySignInAttempts when this email has failed too often recently (the password is not checked)
 * @throws SecondStepRequired when the password is right and the account needs a code that was not given
 * @throws WrongSecondStep when the password is right and the code is not
 */
export async function signInWithPassword(db: Database, email: string, password: string, now = new Date(), code?: string): Promise<Actor | null> {
  const normalized = email.trim().toLowerCase();
  await refuseWhileGuessed(db, normalized, now);
  const actor = await verifyCredentials(db, normalized, password);
  const key = actor && (await secondStepKeyOf(db, actor.id));
  if (actor && key) {
    if (!code?.trim()) throw new SecondStepRequired();
    const accepted = await acceptSecondStep(db, actor.id, key, code, now);
    await recordPasswordCheck(db, normalized, accepted, now);
    if (!accepted) throw new WrongSecondStep();
    return actor;
  }
  await recordPasswordCheck(db, normalized, actor !== null, now);
  return actor;
}
