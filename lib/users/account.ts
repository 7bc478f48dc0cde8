import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { users } from "@/db/schema";
import { touchAuthorArticles } from "@/lib/annotations/queries";
import { recordAudit } from "@/lib/audit/record";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { enforce } from "@/lib/policies/enforce";
import { mayManageOwnAccount } from "@/lib/policies/user";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { nameSchema, passwordSchema } from "./input";
import { hashPassword } from "./passwords";
import { confirmCurrentPassword, currentPasswordField } from "./password-confirmation";
import { ENDED_SESSIONS } from "./sessions";
import { signInMethodsOf, type SignInMethod } from "./service";

/** What the signed-in person sees of their own account; its role is an admin's to change. */
export type Account = Actor & { signInMethods: SignInMethod[]; createdAt: string; emailNotifications: boolean; emailDaily: boolean };

const accountChangeSchema = z.strictObject({ name: nameSchema });

const passwordChangeSchema = z.strictObject({
  currentPassword: currentPasswordField,
  newPassword: passwordSchema,
});

const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
  passwordHash: users.passwordHash,
  oidcSubject: users.oidcSubject,
  emailNotifications: users.emailNotifications,
  emailDaily: users.emailDaily,
};

export async function getAccount(db: Database, actor: Actor | null): Promise<Account> {
  enforce(mayManageOwnAccount(actor), actor);
  const [row] = await db.select(accountColumns).from(users).where(eq(users.id, actor!.id));
  if (!row) throw new NotFound(`No user with id ${actor!.id}.`);
  const { passwordHash, oidcSubject, createdAt, ...account } = row;
  return {
    ...account,
    createdAt: createdAt.toISOString(),
    signInMethods: signInMethodsOf({ passwordHash, oidcSubject }),
  };
}

/** Renames the signed-in person: their claims, comments and mentions show the new name; audited. */
export async function renameSelf(db: Database, actor: Actor | null, input: unknown): Promise<Account> {
  enforce(mayManageOwnAccount(actor), actor);
  const { name } = parseInput(accountChangeSchema, input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor!.id)).for("update");
    if (!before) throw new NotFound(`No user with id ${actor!.id}.`);
    if (before.name === name) return;
    await tx.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, actor!.id));
    await touchAuthorArticles(tx, actor!.id);
    await recordAudit(tx, { actorId: actor!.id, subject: "user", subjectId: actor!.id, action: "updated", before: { name: before.name }, after: { name } });
  });
  return getAccount(db, actor);
}

const notificationsChangeSchema = z.strictObject({ email: z.boolean("must be true or false"), daily: z.boolean("must be true or false").optional() });

/**
 * Turns on or off (`{email}`) the emails telling the signed-in person what lands in their inbox, and
 * has them come once a day or as items go unseen (`daily`; unchanged when not given). Turned on, they
 * start from now: what came while they were off is not emailed.
 */
export async function setEmailNotifications(db: Database, actor: Actor | null, input: unknown): Promise<Account> {
  enforce(mayManageOwnAccount(actor), actor);
  const { email, daily } = parseInput(notificationsChangeSchema, input);
  await db
    .update(users)
    .set({
      ...(email ? { emailNotifications: true, notifiedUntil: sql`case when ${users.emailNotifications} then ${users.notifiedUntil} else now() end` } : { emailNotifications: false }),
      ...(daily !== undefined && { emailDaily: daily }),
    })
    .where(eq(users.id, actor!.id));
  return getAccount(db, actor);
}

/**
 * Changes the signed-in person's password, which their current one must confirm (a session left open on a
 * shared computer does not let its next user take the account; see `confirmCurrentPassword`), and signs the
 * account out everywhere: whoever had a session of it must sign in again, with the new password.
 * @throws TooManySignInAttempts after too many wrong passwords for this account
 */
export async function changeOwnPassword(db: Database, actor: Actor | null, input: unknown, now = new Date()): Promise<void> {
  enforce(mayManageOwnAccount(actor), actor);
  const { currentPassword, newPassword } = parseInput(passwordChangeSchema, input);
  const account = await confirmCurrentPassword(db, actor!.id, currentPassword, now);
  if (newPassword === currentPassword) throw new Invalid("The new password is your current one: choose another.", { newPassword: "must differ from your current password" });
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    // The hash is compared again under the row's lock: of two changes confirmed by the same old password, one wins.
    const [locked] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor!.id)).for("update");
    if (locked?.passwordHash !== account.passwordHash) throw new Conflict("Your password was changed meanwhile: sign in again with the new one.");
    await tx
      .update(users)
      .set({ passwordHash, ...ENDED_SESSIONS, updatedAt: now })
      .where(eq(users.id, actor!.id));
    await recordAudit(tx, { actorId: actor!.id, subject: "user", subjectId: actor!.id, action: "updated", before: { password: "(previous)" }, after: { password: "(changed)" } });
  });
}

/** Ends every session of the signed-in person, this one included, on every device; audited. */
export async function signOutEverywhere(db: Database, actor: Actor | null): Promise<void> {
  enforce(mayManageOwnAccount(actor), actor);
  await db.transaction(async (tx) => {
    await tx.update(users).set(ENDED_SESSIONS).where(eq(users.id, actor!.id));
    await recordAudit(tx, { actorId: actor!.id, subject: "user", subjectId: actor!.id, action: "signed_out_everywhere" });
  });
}
