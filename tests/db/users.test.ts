import { randomUUID } from "node:crypto";
import { beforeEach, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditEntries, users } from "@/db/schema";
import { Conflict, Forbidden, Invalid, NotFound, Unauthenticated } from "@/lib/errors";
import type { Actor } from "@/lib/users/actor";
import { countUsers, createFirstAdmin, createUser, findActor, listUsers, updateUser, verifyCredentials } from "@/lib/users/service";
import { describeOnEveryEngine } from "./engines";
import { addUser, rowCount } from "./fixtures";
import { MAX_FAILURES, signInWithPassword, TooManySignInAttempts, WINDOW_MINUTES } from "@/lib/users/sign-in";

const PASSWORD = "correct horse battery staple";

describeOnEveryEngine("users service", (db) => {
  let admin: Actor;

  beforeEach(async () => {
    admin = await createFirstAdmin(db(), { email: " Ada@Example.com ", name: "Ada Admin", password: PASSWORD });
  });

  it("creates the first admin once, with a normalized email", async () => {
    expect(admin).toMatchObject({ email: "ada@example.com", name: "Ada Admin", role: "admin", disabled: false });
    await expect(createFirstAdmin(db(), { email: "eve@example.com", name: "Eve", password: PASSWORD })).rejects.toBeInstanceOf(Conflict);
    expect(await countUsers(db())).toBe(1);
  });

  it("refuses a first admin with a short password or a bad email, naming the fields", async () => {
    await expect(createFirstAdmin(db(), { email: "not-an-email", name: "Ada", password: "short" })).rejects.toMatchObject({
      name: "Invalid",
      fields: { email: "must be an email address", password: "must be at least 10 characters" },
    });
    expect(await countUsers(db())).toBe(1);
  });

  it("lets an admin create users of every role", async () => {
    for (const role of ["reviewer", "editor", "admin"] as const) {
      const created = await createUser(db(), admin, { email: `${role}@example.com`, name: role, role, password: PASSWORD });
      expect(created).toMatchObject({ role, disabled: false });
    }
    expect((await listUsers(db(), admin)).map((user) => user.email)).toEqual([
      "ada@example.com",
      "admin@example.com",
      "editor@example.com",
      "reviewer@example.com",
    ]);
  });

  it("refuses user management to anyone but an admin", async () => {
    const editor = await addUser(db(), "editor");
    const input = { email: "new@example.com", name: "New", role: "admin", password: PASSWORD };
    await expect(createUser(db(), await addUser(db(), "reviewer"), input)).rejects.toBeInstanceOf(Forbidden);
    await expect(createUser(db(), editor, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(createUser(db(), null, input)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(listUsers(db(), editor)).rejects.toBeInstanceOf(Forbidden);
    await expect(updateUser(db(), editor, editor.id, { role: "admin" })).rejects.toBeInstanceOf(Forbidden);
    expect(await rowCount(db(), users)).toBe(3);
  });

  it("refuses a second user with the same email in any case", async () => {
    await createUser(db(), admin, { email: "Bob@Example.com", name: "Bob", role: "editor", password: PASSWORD });
    const refusal = createUser(db(), admin, { email: "bob@EXAMPLE.com", name: "Other Bob", role: "reviewer", password: PASSWORD });
    await expect(refusal).rejects.toBeInstanceOf(Conflict);
    await expect(refusal).rejects.toThrow("bob@example.com");
    expect(await countUsers(db())).toBe(2);
  });

  it("verifies credentials: the right password signs in, whatever the email's case", async () => {
    expect(await verifyCredentials(db(), "ADA@example.com ", PASSWORD)).toEqual({
      id: admin.id,
      email: "ada@example.com",
      name: "Ada Admin",
      role: "admin",
      disabled: false,
    });
  });

  it("verifies credentials: a wrong password or an unknown email gives null", async () => {
    expect(await verifyCredentials(db(), "ada@example.com", `${PASSWORD}!`)).toBeNull();
    expect(await verifyCredentials(db(), "nobody@example.com", PASSWORD)).toBeNull();
  });

  it("verifies credentials: a disabled user gives null even with the right password", async () => {
    const bob = await createUser(db(), admin, { email: "bob@example.com", name: "Bob", role: "editor", password: PASSWORD });
    await updateUser(db(), admin, bob.id, { disabled: true });
    expect(await verifyCredentials(db(), "bob@example.com", PASSWORD)).toBeNull();
  });

  it("changes a user's role, name and password", async () => {
    const bob = await createUser(db(), admin, { email: "bob@example.com", name: "Bob", role: "reviewer", password: PASSWORD });
    const changed = await updateUser(db(), admin, bob.id, { role: "editor", name: "Robert", password: "a new long password" });
    expect(changed).toMatchObject({ id: bob.id, role: "editor", name: "Robert" });
    expect(await verifyCredentials(db(), "bob@example.com", PASSWORD)).toBeNull();
    expect(await verifyCredentials(db(), "bob@example.com", "a new long password")).toMatchObject({ role: "editor" });
  });

  it("disables and enables a user, and findActor reflects it at once", async () => {
    const bob = await addUser(db(), "editor");
    await updateUser(db(), admin, bob.id, { disabled: true });
    expect(await findActor(db(), bob.id)).toMatchObject({ id: bob.id, disabled: true });
    await updateUser(db(), admin, bob.id, { disabled: false });
    expect(await findActor(db(), bob.id)).toMatchObject({ disabled: false });
  });

  it("refuses an empty change and unknown keys", async () => {
    const bob = await addUser(db(), "editor");
    await expect(updateUser(db(), admin, bob.id, {})).rejects.toMatchObject({ name: "Invalid", fields: { body: expect.any(String) } });
    await expect(updateUser(db(), admin, bob.id, { phone: "+44 20 7946 0000" })).rejects.toBeInstanceOf(Invalid);
  });

  it("changes a user's email: the new one signs in, the old one no longer does, and the trail has both", async () => {
    const bob = await createUser(db(), admin, { email: "bob@example.com", name: "Bob", role: "reviewer", password: PASSWORD });
    expect(await updateUser(db(), admin, bob.id, { email: " Robert.Smith@Example.org " })).toMatchObject({ id: bob.id, email: "robert.smith@example.org" });
    expect(await verifyCredentials(db(), "robert.smith@example.org", PASSWORD)).toMatchObject({ id: bob.id });
    expect(await verifyCredentials(db(), "bob@example.com", PASSWORD)).toBeNull();
    // Sessions carry the account's id: Bob's stays signed in.
    expect(await findActor(db(), bob.id)).toMatchObject({ email: "robert.smith@example.org", sessionGeneration: 0 });
    const [entry] = (await db().select().from(auditEntries).where(eq(auditEntries.subjectId, bob.id))).filter((each) => each.action === "updated");
    expect(entry).toMatchObject({ actorId: admin.id, before: { email: "bob@example.com" }, after: { email: "robert.smith@example.org" } });
    // The same email in another case is no change, and no conflict with itself.
    await updateUser(db(), admin, bob.id, { email: "ROBERT.SMITH@example.org" });
  });

  it("refuses an email another account has, in any case, or that is no email, naming it, and writes nothing", async () => {
    const bob = await createUser(db(), admin, { email: "bob@example.com", name: "Bob", role: "reviewer", password: PASSWORD });
    await expect(updateUser(db(), admin, bob.id, { email: "ADA@example.com", name: "Robert" })).rejects.toThrow(new Conflict("A user with the email ada@example.com already exists."));
    await expect(updateUser(db(), admin, bob.id, { email: "bob at example" })).rejects.toMatchObject({ name: "Invalid", fields: { email: "must be an email address" } });
    expect(await findActor(db(), bob.id)).toMatchObject({ email: "bob@example.com", name: "Bob" });
    await expect(updateUser(db(), bob, admin.id, { email: "mine@example.com" })).rejects.toBeInstanceOf(Forbidden);
  });

  it("gives two accounts the same email at the same time to one of them only", async () => {
    const bob = await addUser(db(), "reviewer");
    const carol = await addUser(db(), "reviewer");
    const outcomes = await Promise.allSettled([bob, carol].map((each) => updateUser(db(), admin, each.id, { email: "shared@example.com" })));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const [refused] = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(refused!.reason).toBeInstanceOf(Conflict);
  });

  it("answers NotFound for an unknown user", async () => {
    await expect(updateUser(db(), admin, randomUUID(), { name: "Ghost" })).rejects.toBeInstanceOf(NotFound);
    expect(await findActor(db(), randomUUID())).toBeNull();
  });

  it.each([
    ["disable", { disabled: true }],
    ["demote", { role: "editor" }],
  ])("refuses an admin who would %s themselves", async (_, change) => {
    await addUser(db(), "admin");
    await expect(updateUser(db(), admin, admin.id, change)).rejects.toBeInstanceOf(Forbidden);
    expect(await findActor(db(), admin.id)).toMatchObject({ role: "admin", disabled: false });
  });

  it.each([
    ["disabled", { disabled: true }],
    ["demoted", { role: "reviewer" }],
  ])("refuses to leave no active admin: the last one cannot be %s", async (_, change) => {
    // Two admins each remove the other: the second, acting on what it read before the first change
    // (as a request already in flight does), would remove the last active admin.
    const other = await addUser(db(), "admin");
    await updateUser(db(), admin, other.id, change);
    await expect(updateUser(db(), other, admin.id, change)).rejects.toThrow(Conflict);
    await expect(updateUser(db(), other, admin.id, change)).rejects.toThrow(/last active admin/);
    expect(await findActor(db(), admin.id)).toMatchObject({ role: "admin", disabled: false });
  });

  it("keeps one active admin when two admins remove each other at the same time", async () => {
    const other = await addUser(db(), "admin");
    const results = await Promise.allSettled([
      updateUser(db(), admin, other.id, { disabled: true }),
      updateUser(db(), other, admin.id, { disabled: true }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const actives = await Promise.all([findActor(db(), admin.id), findActor(db(), other.id)]);
    expect(actives.filter((user) => user && !user.disabled)).toHaveLength(1);
  });

  it("lets an admin disable another admin while one stays active", async () => {
    const other = await addUser(db(), "admin");
    await expect(updateUser(db(), admin, other.id, { disabled: true, role: "editor" })).resolves.toMatchObject({
      disabled: true,
      role: "editor",
    });
  });
});

describeOnEveryEngine("signing in with a password", (db) => {
  beforeEach(async () => {
    await createFirstAdmin(db(), { email: "ada@example.com", name: "Ada Admin", password: PASSWORD });
  });

  it("signs in with the right password, whatever the email's case", async () => {
    expect(await signInWithPassword(db(), " ADA@example.com", PASSWORD)).toMatchObject({ name: "Ada Admin" });
    expect(await signInWithPassword(db(), "ada@example.com", "wrong password")).toBeNull();
  });

  it(`refuses even the right password after ${MAX_FAILURES} failures within ${WINDOW_MINUTES} minutes, then lets it through again`, async () => {
    const start = new Date("2026-01-01T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) expect(await signInWithPassword(db(), "ada@example.com", `guess ${i}`, start)).toBeNull();
    await expect(signInWithPassword(db(), "ada@example.com", PASSWORD, start)).rejects.toBeInstanceOf(TooManySignInAttempts);
    const later = new Date(start.getTime() + (WINDOW_MINUTES + 1) * 60_000);
    expect(await signInWithPassword(db(), "ada@example.com", PASSWORD, later)).toMatchObject({ name: "Ada Admin" });
  });

  it("counts failures per email, so that guessing one account does not lock out another", async () => {
    const now = new Date();
    await createUser(db(), await signInWithPassword(db(), "ada@example.com", PASSWORD, now), {
      email: "rita@example.com",
      name: "Rita",
      role: "reviewer",
      password: PASSWORD,
    });
    for (let i = 0; i < MAX_FAILURES; i++) await signInWithPassword(db(), "ada@example.com", `guess ${i}`, now);
    expect(await signInWithPassword(db(), "rita@example.com", PASSWORD, now)).toMatchObject({ name: "Rita" });
  });
});
