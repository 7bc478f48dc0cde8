import { and, count, eq, gt, lt, or } from "drizzle-orm";
import type { Database } from "@/db/database";
import { signInFailures } from "@/db/schema";
import { TooManyRequests } from "@/lib/errors";
import type { Actor } from "./actor";
import { verifyCredentials } from "./service";

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

/**
 * The active user with these credentials, or null.
 * @throws TooManySignInAttempts when this email has failed too often recently (the password is not checked).
 */
export async function signInWithPassword(db: Database, email: string, password: string, now = new Date()): Promise<Actor | null> {
  const normalized = email.trim().toLowerCase();
  await refuseWhileGuessed(db, normalized, now);
  const actor = await verifyCredentials(db, normalized, password);
  await recordPasswordCheck(db, normalized, actor !== null, now);
  return actor;
}
