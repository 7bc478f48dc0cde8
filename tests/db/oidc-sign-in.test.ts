import { asc, eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { auditEntries, users } from "@/db/schema";
import type { Database } from "@/db/database";
import { describeEntry } from "@/lib/audit/describe";
import { listAuditEntries } from "@/lib/audit/queries";
import { Forbidden, Invalid, Unauthenticated } from "@/lib/errors";
import type { Actor } from "@/lib/users/actor";
import { signInWithOidc, type OidcIdentity } from "@/lib/users/oidc-sign-in";
import { changeSelfRegistration, readSelfRegistration } from "@/lib/users/self-registration";
import { listUsers, updateUser, verifyCredentials } from "@/lib/users/service";
import { describeOnEveryEngine } from "./engines";
import { addUser, rowCount } from "./fixtures";

const ISSUER = "https://id.newsroom.example";

const nadia: OidcIdentity = {
  issuer: ISSUER,
  subject: "248289761001",
  email: "Nadia.Newcomer@Example.com",
  emailVerified: true,
  name: "Nadia Newcomer",
};

async function auditTrail(db: Database) {
  return db.select().from(auditEntries).orderBy(asc(auditEntries.id));
}

async function storedUser(db: Database, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user!;
}

describeOnEveryEngine("sign-in through single sign-on", (db, engine) => {
  let admin: Actor;

  beforeEach(async () => {
    admin = await addUser(db(), "admin", { name: "Ada Admin" });
  });

  it("creates a reviewer account without a password on a first sign-in, audited as the new user's own act", async () => {
    const signIn = await signInWithOidc(db(), nadia);

    expect(signIn).toMatchObject({ outcome: "created", actor: { email: "nadia.newcomer@example.com", name: "Nadia Newcomer", role: "reviewer", disabled: false } });
    if (signIn.outcome !== "created") return;
    const stored = await storedUser(db(), signIn.actor.id);
    expect(stored).toMatchObject({ passwordHash: null, oidcIssuer: ISSUER, oidcSubject: "248289761001" });
    expect(await auditTrail(db())).toEqual([
      expect.objectContaining({
        actorId: signIn.actor.id,
        subject: "user",
        subjectId: signIn.actor.id,
        action: "signed_in_first_time",
        before: null,
        after: { email: "nadia.newcomer@example.com", name: "Nadia Newcomer", role: "reviewer", oidcIssuer: ISSUER, oidcSubject: "248289761001" },
      }),
    ]);
  });

  it("finds the same account on the next sign-in and writes nothing", async () => {
    const first = await signInWithOidc(db(), nadia);
    const second = await signInWithOidc(db(), { ...nadia, email: "nadia@elsewhere.example", name: "Nadia N." });

    expect(second.outcome).toBe("signed_in");
    expect(second.outcome !== "refused" && first.outcome !== "refused" && second.actor.id === first.actor.id).toBe(true);
    expect(await rowCount(db(), users)).toBe(2);
    expect(await rowCount(db(), auditEntries)).toBe(1);
  });

  it("tells apart two people with the same subject at different issuers", async () => {
    const here = await signInWithOidc(db(), nadia);
    const there = await signInWithOidc(db(), { ...nadia, issuer: "https://other-issuer.example", email: "n2@example.com" });
    expect([here.outcome, there.outcome]).toEqual(["created", "created"]);
    expect(await rowCount(db(), users)).toBe(3);
  });

  it("refuses a disabled account, saying it is disabled", async () => {
    const first = await signInWithOidc(db(), nadia);
    if (first.outcome === "refused") throw new Error(first.message);
    await updateUser(db(), admin, first.actor.id, { disabled: true });

    expect(await signInWithOidc(db(), nadia)).toEqual({
      outcome: "refused",
      refusal: "AccountDisabled",
      message: "Your account is disabled. Ask an admin of your newsroom to enable it.",
    });
  });

  it("refuses a newcomer when self-registration is off, and writes nothing", async () => {
    await changeSelfRegistration(db(), admin, { enabled: false });
    const switched = await rowCount(db(), auditEntries);

    expect(await signInWithOidc(db(), nadia)).toEqual({
      outcome: "refused",
      refusal: "SsoSelfRegistrationOff",
      message: "Self-registration is off: ask an admin to create your account.",
    });
    expect(await rowCount(db(), users)).toBe(1);
    expect(await rowCount(db(), auditEntries)).toBe(switched);
  });

  it("still lets existing single sign-on accounts in when self-registration is off", async () => {
    const first = await signInWithOidc(db(), nadia);
    await changeSelfRegistration(db(), admin, { enabled: false });
    const again = await signInWithOidc(db(), nadia);
    expect(again.outcome).toBe("signed_in");
    expect(again.outcome !== "refused" && first.outcome !== "refused" && again.actor.id === first.actor.id).toBe(true);
  });

  it("links an existing account whose email the provider verified, keeping its role and password, and audits the link", async () => {
    const rita = await addUser(db(), "editor", { name: "Rita" });
    await changeSelfRegistration(db(), admin, { enabled: false });

    const signIn = await signInWithOidc(db(), { issuer: ISSUER, subject: "rita-sub", email: "RITA@example.com", emailVerified: true, name: "Rita R." });

    expect(signIn).toEqual({ outcome: "linked", actor: rita });
    expect(await storedUser(db(), rita.id)).toMatchObject({ oidcIssuer: ISSUER, oidcSubject: "rita-sub", passwordHash: "never-used", name: "Rita" });
    expect(await auditTrail(db())).toEqual([
      expect.objectContaining({ actorId: admin.id, after: { selfRegistration: false } }),
      expect.objectContaining({
        actorId: rita.id,
        subject: "user",
        subjectId: rita.id,
        action: "updated",
        before: { oidcIssuer: null, oidcSubject: null },
        after: { oidcIssuer: ISSUER, oidcSubject: "rita-sub" },
      }),
    ]);
    const rows = await listUsers(db(), admin);
    expect(rows.find((row) => row.id === rita.id)?.signInMethods).toEqual(["password", "sso"]);
    expect(rows.find((row) => row.id === admin.id)?.signInMethods).toEqual(["password"]);
  });

  it.each([
    ["not verified", false],
    ["not said to be verified", undefined],
  ])("refuses to link an account whose email the provider has %s, telling the person to ask an admin", async (_, emailVerified) => {
    const rita = await addUser(db(), "editor", { name: "Rita" });

    const signIn = await signInWithOidc(db(), { issuer: ISSUER, subject: "mallory", email: "rita@example.com", emailVerified });

    expect(signIn).toMatchObject({ outcome: "refused", refusal: "SsoEmailUnverified", message: expect.stringContaining("ask an admin") });
    expect(await storedUser(db(), rita.id)).toMatchObject({ oidcIssuer: null, oidcSubject: null });
    expect(await rowCount(db(), users)).toBe(2);
    expect(await rowCount(db(), auditEntries)).toBe(0);
  });

  it("refuses to tie a second identity to an account that already has one", async () => {
    await signInWithOidc(db(), nadia);
    const other = await signInWithOidc(db(), { ...nadia, subject: "someone-else" });
    expect(other).toMatchObject({ outcome: "refused", refusal: "SsoEmailLinkedElsewhere" });
    expect(await rowCount(db(), users)).toBe(2);
  });

  it("refuses to link a disabled account", async () => {
    const rita = await addUser(db(), "editor", { name: "Rita", disabled: true });
    const signIn = await signInWithOidc(db(), { issuer: ISSUER, subject: "rita-sub", email: "rita@example.com", emailVerified: true });
    expect(signIn).toMatchObject({ outcome: "refused", refusal: "AccountDisabled" });
    expect(await storedUser(db(), rita.id)).toMatchObject({ oidcSubject: null });
  });

  it.each([
    ["no email", undefined],
    ["an email that is not one", "nadia at example"],
  ])("refuses a newcomer with %s: every account needs one", async (_, email) => {
    expect(await signInWithOidc(db(), { ...nadia, email })).toMatchObject({ outcome: "refused", refusal: "SsoEmailMissing" });
    expect(await rowCount(db(), users)).toBe(1);
  });

  it("names a newcomer without a name after their email, and cuts an overlong name to 100 characters", async () => {
    const unnamed = await signInWithOidc(db(), { issuer: ISSUER, subject: "a", email: "oscar.owl@example.com", emailVerified: true });
    const long = await signInWithOidc(db(), { issuer: ISSUER, subject: "b", email: "b@example.com", name: ` ${"B".repeat(150)} ` });
    expect(unnamed).toMatchObject({ actor: { name: "oscar.owl" } });
    expect(long).toMatchObject({ actor: { name: "B".repeat(100) } });
  });

  it("refuses an identity without an issuer or a subject, naming the field", async () => {
    await expect(signInWithOidc(db(), { ...nadia, subject: "" })).rejects.toMatchObject({ name: "Invalid", fields: { subject: "is required" } });
    await expect(signInWithOidc(db(), { ...nadia, issuer: "" })).rejects.toBeInstanceOf(Invalid);
    expect(await rowCount(db(), users)).toBe(1);
  });

  it("gives an account without a password no way in by password, as for a wrong one", async () => {
    await signInWithOidc(db(), nadia);
    expect(await verifyCredentials(db(), "nadia.newcomer@example.com", "")).toBeNull();
    expect(await verifyCredentials(db(), "nadia.newcomer@example.com", "any password at all")).toBeNull();
  });

  it("makes one account of concurrent first sign-ins of one person", async () => {
    const signIns = await Promise.all(Array.from({ length: 4 }, () => signInWithOidc(db(), nadia)));

    const ids = new Set(signIns.map((signIn) => (signIn.outcome === "refused" ? signIn.refusal : signIn.actor.id)));
    expect(ids.size).toBe(1);
    expect(signIns.filter((signIn) => signIn.outcome === "created")).toHaveLength(1);
    expect(await rowCount(db(), users)).toBe(2);
    expect(await rowCount(db(), auditEntries)).toBe(1);
  });

  // PGlite has one connection and runs transactions one after another: only PostgreSQL can hold one open,
  // so the case is declared on PostgreSQL only (rather than reported as skipped on PGlite).
  if (engine === "PostgreSQL") it("waits for a concurrent first sign-in that has not committed yet, then signs in to its account", async () => {
    let committing!: () => void;
    const commit = new Promise<void>((resolve) => (committing = resolve));
    let inserted!: (id: string) => void;
    const winnerId = new Promise<string>((resolve) => (inserted = resolve));
    const winner = db().transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ email: "nadia.newcomer@example.com", name: "Nadia", role: "reviewer", oidcIssuer: ISSUER, oidcSubject: nadia.subject })
        .returning({ id: users.id });
      inserted(row!.id);
      await commit;
    });
    const id = await winnerId;

    const signIn = signInWithOidc(db(), nadia);
    // Until the winner commits, the sign-in's insert waits on the unique index.
    await expect
      .poll(async () => {
        const result = (await db().execute(
          sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        )) as unknown as { rows: { waiting: number }[] };
        return result.rows[0]?.waiting;
      })
      .toBe(1);
    committing();
    await winner;

    expect(await signIn).toMatchObject({ outcome: "signed_in", actor: { id } });
    expect(await rowCount(db(), users)).toBe(2);
    expect(await rowCount(db(), auditEntries)).toBe(0);
  });
});

describeOnEveryEngine("the self-registration setting", (db) => {
  it("is on by default and lets admins switch it off and on, each switch in the audit trail", async () => {
    const admin = await addUser(db(), "admin");
    expect(await readSelfRegistration(db(), admin)).toEqual({ enabled: true });
    expect(await changeSelfRegistration(db(), admin, { enabled: true })).toEqual({ enabled: true });
    expect(await changeSelfRegistration(db(), admin, { enabled: false })).toEqual({ enabled: false });
    expect(await readSelfRegistration(db(), admin)).toEqual({ enabled: false });
    expect(await changeSelfRegistration(db(), admin, { enabled: true })).toEqual({ enabled: true });
    expect(await readSelfRegistration(db(), admin)).toEqual({ enabled: true });
    // Switching to what it already is changes nothing, and records nothing.
    const { entries } = await listAuditEntries(db(), admin, { action: "updated" });
    expect(entries.map((entry) => [entry.actor?.id, describeEntry(entry)])).toEqual([
      [admin.id, "let people create their own reviewer account through single sign-on"],
      [admin.id, "stopped self-registration through single sign-on"],
    ]);
  });

  it("is an admin's alone to read or change", async () => {
    const editor = await addUser(db(), "editor");
    const disabledAdmin = await addUser(db(), "admin", { disabled: true });
    await expect(changeSelfRegistration(db(), editor, { enabled: false })).rejects.toBeInstanceOf(Forbidden);
    await expect(changeSelfRegistration(db(), disabledAdmin, { enabled: false })).rejects.toBeInstanceOf(Forbidden);
    await expect(changeSelfRegistration(db(), null, { enabled: false })).rejects.toBeInstanceOf(Unauthenticated);
    await expect(readSelfRegistration(db(), editor)).rejects.toBeInstanceOf(Forbidden);
    expect(await readSelfRegistration(db(), await addUser(db(), "admin"))).toEqual({ enabled: true });
  });

  it.each([
    [{ enabled: "no" }, { enabled: "must be true or false" }],
    [{}, { enabled: "must be true or false" }],
    [{ enabled: false, allowed: true }, { body: expect.stringContaining("allowed") }],
  ])("refuses %j, naming the field, and changes nothing", async (input, fields) => {
    const admin = await addUser(db(), "admin");
    await expect(changeSelfRegistration(db(), admin, input)).rejects.toMatchObject({ name: "Invalid", fields });
    expect(await readSelfRegistration(db(), admin)).toEqual({ enabled: true });
  });
});
