import { and, asc, count, eq, ne, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/database";
import { isUniqueViolation } from "@/db/errors";
import { users } from "@/db/schema";
import { touchAuthorArticles } from "@/lib/annotations/queries";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { Conflict, NotFound } from "@/lib/errors";
import { containsPattern } from "@/lib/like-pattern";
import { enforce } from "@/lib/policies/enforce";
import { mayChangeUser, mayListColleagues, mayManageUsers } from "@/lib/policies/user";
import { parseInput } from "@/lib/validation";
import type { Actor, SessionActor } from "./actor";
import { twoStepDue } from "./two-step-requirement";
import { ENDED_SESSIONS } from "./sessions";
import { firstAdminSchema, newUserSchema, userChangeSchema } from "./input";
import { decoyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import type { Role } from "./roles";

/** How an account can sign in: with its password, through single sign-on, or both (an account linked by email). */
export type SignInMethod = "password" | "sso";

/** How an account with this password hash and single sign-on subject (either may be null) signs in. */
export function signInMethodsOf(account: { passwordHash: string | null; oidcSubject: string | null }): SignInMethod[] {
  return [...(account.passwordHash !== null ? ["password" as const] : []), ...(account.oidcSubject !== null ? ["sso" as const] : [])];
}

/** A single sign-on identity refused for an account and waiting for an admin (see `./sso-link.ts`); `replaces` when the account has another. */
export type SsoRequest = { issuer: string; subject: string; at: string; replaces: boolean };

/** A user as admins see them; `twoStep`: whether signing in with their password asks for a code too. */
export type UserRecord = Actor & { createdAt: string; signInMethods: SignInMethod[]; twoStep: boolean; ssoRequest: SsoRequest | null };

const actorColumns = { id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled };

/** Serializes the creation of the first admin across instances. */
const FIRST_ADMIN_LOCK_KEY = 727_004_002;

function emailTaken(email: string) {
  return new Conflict(`A user with the email ${email} already exists.`);
}

/** Adds the user and its audit entry; `addedBy` is the admin who added it, "self" for the first admin at setup, null from the command line. */
async function insertUser(tx: Transaction, user: { email: string; name: string; role: Role; password: string }, addedBy: string | "self" | null): Promise<Actor> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${user.email}`);
  if (existing) throw emailTaken(user.email);
  const [created] = await tx
    .insert(users)
    .values({ email: user.email, name: user.name, role: user.role, passwordHash: await hashPassword(user.password) })
    .returning(actorColumns);
  const { id, email, name, role, disabled } = created!;
  await recordAudit(tx, { actorId: addedBy === "self" ? id : addedBy, subject: "user", subjectId: id, action: "created", after: { email, name, role, disabled } });
  return created!;
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ value: count() }).from(users);
  return row?.value ?? 0;
}

/** Creates the first admin; refused (409) once any user exists, so /setup works only on a new installation. */
export async function createFirstAdmin(db: Database, input: unknown): Promise<Actor> {
  const admin = parseInput(firstAdminSchema, input);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK_KEY})`);
    const [row] = await tx.select({ value: count() }).from(users);
    if ((row?.value ?? 0) > 0) throw new Conflict("Setup is already done: sign in, or ask an admin for an account.");
    return insertUser(tx, { ...admin, role: "admin" }, "self");
  });
}

export async function createUser(db: Database, actor: Actor | null, input: unknown): Promise<Actor> {
  enforce(mayManageUsers(actor), actor);
  const user = parseInput(newUserSchema, input);
  return db.transaction((tx) => insertUser(tx, user, actor!.id));
}

/** Adds a user without an acting admin: for the command line, run by whoever holds the server. */
export async function createUserAsOperator(db: Database, input: unknown): Promise<Actor> {
  const user = parseInput(newUserSchema, input);
  return db.transaction((tx) => insertUser(tx, user, null));
}

const userRecordColumns = {
  ...actorColumns,
  createdAt: users.createdAt,
  passwordHash: users.passwordHash,
  oidcSubject: users.oidcSubject,
  ssoRequestIssuer: users.ssoRequestIssuer,
  ssoRequestSubject: users.ssoRequestSubject,
  ssoRequestedAt: users.ssoRequestedAt,
  twoStep: sql<boolean>`${users.totpSecret} is not null`,
};

const selectUserRecords = (db: Database) => db.select(userRecordColumns).from(users);
type UserRecordRow = Awaited<ReturnType<typeof selectUserRecords>>[number];

function userRecordOf({ passwordHash, oidcSubject, createdAt, ssoRequestIssuer, ssoRequestSubject, ssoRequestedAt, ...user }: UserRecordRow): UserRecord {
  return {
    ...user,
    createdAt: createdAt.toISOString(),
    signInMethods: signInMethodsOf({ passwordHash, oidcSubject }),
    ssoRequest:
      ssoRequestIssuer && ssoRequestSubject && ssoRequestedAt
        ? { issuer: ssoRequestIssuer, subject: ssoRequestSubject, at: ssoRequestedAt.toISOString(), replaces: oidcSubject !== null }
        : null,
  };
}

export async function listUsers(db: Database, actor: Actor | null): Promise<UserRecord[]> {
  enforce(mayManageUsers(actor), actor);
  return (await selectUserRecords(db).orderBy(asc(users.name), asc(users.email))).map(userRecordOf);
}

/** One user as the Users page lists them (admins). */
export async function getUserRecord(db: Database, actor: Actor | null, id: string): Promise<UserRecord> {
  enforce(mayManageUsers(actor), actor);
  const [row] = await selectUserRecords(db).where(eq(users.id, id));
  if (!row) throw new NotFound(`No user with id ${id}.`);
  return userRecordOf(row);
}

export type Colleague = { id: string; name: string; role: Role };

/** Active users whose name contains `search` (all of them without one), by name: who can be mentioned or assigned. */
export async function listColleagues(db: Database, actor: Actor | null, search = ""): Promise<Colleague[]> {
  enforce(mayListColleagues(actor), actor);
  // A name is at most 100 characters: a longer search can match nothing and is not worth a query plan.
  const pattern = containsPattern(search.trim().slice(0, 100).toLowerCase());
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.disabled, false), sql`lower(${users.name}) like ${pattern}`))
    .orderBy(asc(users.name))
    .limit(search.trim() ? 20 : 500);
}

/**
 * Changes a user's name, email, role, disabled flag or password. The last active admin cannot be demoted or disabled.
 * A password set, or the account disabled, ends its sessions everywhere: whoever held one (perhaps the
 * reason for the reset) must sign in again. A new email is the one to sign in with from then on; sessions
 * carry the account's id, not its email, so they go on. An email another account has (in any case) is a 409.
 */
export async function updateUser(db: Database, actor: Actor | null, id: string, input: unknown): Promise<Actor> {
  enforce(mayManageUsers(actor), actor);
  const change = parseInput(userChangeSchema, input);
  return db.transaction(async (tx) => {
    const [target] = await tx.select(actorColumns).from(users).where(eq(users.id, id));
    if (!target) throw new NotFound(`No user with id ${id}.`);
    enforce(mayChangeUser(actor, target, change), actor);
    if (change.email !== undefined && change.email !== target.email.toLowerCase()) {
      const [holder] = await tx.select({ id: users.id }).from(users).where(and(sql`lower(${users.email}) = ${change.email}`, ne(users.id, id)));
      if (holder) throw emailTaken(change.email);
    }
    const losesAdmin = target.role === "admin" && (change.disabled === true || (change.role && change.role !== "admin"));
    if (losesAdmin) {
      await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK_KEY})`);
      const [others] = await tx
        .select({ value: count() })
        .from(users)
        .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, id)));
      if (!others?.value) throw new Conflict("This is the last active admin: make another user admin first.");
    }
    const [updated] = await tx
      .update(users)
      .set({
        ...(change.name !== undefined && { name: change.name }),
        ...(change.email !== undefined && { email: change.email }),
        ...(change.role !== undefined && { role: change.role }),
        ...(change.disabled !== undefined && { disabled: change.disabled }),
        ...(change.password !== undefined && { passwordHash: await hashPassword(change.password) }),
        ...((change.password !== undefined || (change.disabled === true && !target.disabled)) && ENDED_SESSIONS),
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning(actorColumns)
      // Another admin gave the same email to someone else meanwhile: the unique index decides.
      .catch((error: unknown) => {
        throw isUniqueViolation(error) && change.email !== undefined ? emailTaken(change.email) : error;
      });
    if (change.name !== undefined && change.name !== target.name) await touchAuthorArticles(tx, id);
    const { before, after } = changedFields(target, updated!);
    const passwordChanged = change.password !== undefined;
    if (Object.keys(after).length || passwordChanged) {
      await recordAudit(tx, {
        actorId: actor!.id,
        subject: "user",
        subjectId: id,
        action: "updated",
        // The password itself, or its hash, never enters the trail: only that it changed.
        before: { ...before, ...(passwordChanged && { password: "(previous)" }) },
        after: { ...after, ...(passwordChanged && { password: "(changed)" }) },
      });
    }
    return updated!;
  });
}

/** The user with these credentials if the password is right and the account is active, else null. */
export async function verifyCredentials(db: Database, email: string, password: string): Promise<Actor | null> {
  const [user] = await db
    .select({ ...actorColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  // An unknown email, and an account without a password (single sign-on only), take as long as a wrong password.
  if (!user?.passwordHash) {
    await verifyPassword(await decoyPasswordHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password)) || user.disabled) return null;
  const { passwordHash: _hash, ...actor } = user;
  return actor;
}

/** The user as stored now: read on every request so that disabling, a role change or ended sessions take effect at once. */
export async function findActor(db: Database, id: string): Promise<SessionActor | null> {
  const [user] = await db.select({ ...actorColumns, sessionGeneration: users.sessionGeneration, twoStepDue }).from(users).where(eq(users.id, id));
  return user ?? null;
}
