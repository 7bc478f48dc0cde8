import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { users } from "@/db/schema";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { verifyPassword } from "./passwords";
import { recordPasswordCheck, refuseWhileGuessed } from "./sign-in";

/** The field that confirms a change to one's own sign-in: one's current password. */
export const currentPasswordField = z.string({ error: "is required" }).min(1, "is required").max(256, "must be at most 256 characters");

/**
 * Checks that `currentPassword` is the account's, as a change of its password or of its two-step sign-in
 * needs (a session left open on a shared computer does not let its next user take the account). Wrong
 * guesses count towards the same limit as failed sign-ins.
 * @returns the account's email and password hash, to compare again under a lock
 * @throws Invalid naming `currentPassword` when it is not right; Conflict for an account without a password
 * @throws TooManySignInAttempts after too many wrong passwords for this account
 */
export async function confirmCurrentPassword(db: Database, userId: string, currentPassword: string, now: Date): Promise<{ email: string; passwordHash: string }> {
  const [account] = await db.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!account) throw new NotFound(`No user with id ${userId}.`);
  if (account.passwordHash === null) {
    throw new Conflict("Your account has no password: you sign in through single sign-on. To sign in with a password too, ask an admin to give you one.");
  }
  const email = account.email.toLowerCase();
  await refuseWhileGuessed(db, email, now);
  const right = await verifyPassword(account.passwordHash, currentPassword);
  await recordPasswordCheck(db, email, right, now);
  if (!right) throw new Invalid("Your current password is not right: type it again.", { currentPassword: "is not your current password" });
  return { email, passwordHash: account.passwordHash };
}
