import { and, count, eq, gt, lt, or } from "drizzle-orm";
import type { Database } from "@/db/database";
import { signInFailures } from "@/db/schema";
import type { Actor } from "./actor";
import { verifyCredentials } from "./service";

/**
 * Password guessing is slowed per email: after `MAX_FAILURES` failed sign-ins within `WINDOW_MINUTES`,
 * further attempts are refused until the oldest failure leaves the window. Ten is far above what a person
 * mistyping makes and far below what guessing needs; the failures live in the database, so every
 * instance counts the same ones.
 */
export const MAX_FAILURES = 10;
export const WINDOW_MINUTES = 15;

export class TooManySignInAttempts extends Error {
  constructor() {
    super(`Too many failed sign-ins for this account. Wait ${WINDOW_MINUTES} minutes, or ask an admin to reset your password.`);
    this.name = "TooManySignInAttempts";
  }
}

/**
 * The active user with these credentials, or null.
 * @throws TooManySignInAttempts when this email has failed too often recently (the password is not checked).
 */
export async function signInWithPassword(db: Database, email: string, password: string, now = new Date()): Promise<Actor | null> {
  const normalized = email.trim().toLowerCase();
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const [recent] = await db
    .select({ value: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, normalized), gt(signInFailures.failedAt, windowStart)));
  if ((recent?.value ?? 0) >= MAX_FAILURES) throw new TooManySignInAttempts();

  const actor = await verifyCredentials(db, normalized, password);
  if (actor) {
    await db.delete(signInFailures).where(eq(signInFailures.email, normalized));
  } else {
    await db.insert(signInFailures).values({ email: normalized, failedAt: now });
    await db
      .delete(signInFailures)
      .where(or(lt(signInFailures.failedAt, new Date(now.getTime() - 24 * 60 * 60_000)), and(eq(signInFailures.email, normalized), lt(signInFailures.failedAt, windowStart))));
  }
  return actor;
}
