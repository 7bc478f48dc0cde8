import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { auditEntries, users } from "@/db/schema";
import { describeEntry } from "@/lib/audit/describe";
import { listAuditEntries } from "@/lib/audit/queries";
import { Conflict, Forbidden, Invalid, Unauthenticated } from "@/lib/errors";
import type { Actor } from "@/lib/users/actor";
import { changeOwnPassword, getAccount, renameSelf, signOutEverywhere } from "@/lib/users/account";
import { createFirstAdmin, createUser, findActor, updateUser } from "@/lib/users/service";
import { isCurrentSession, SESSION_GENERATION_CLAIM, sessionGenerationOf } from "@/lib/users/sessions";
import { MAX_FAILURES, signInWithPassword, TooManySignInAttempts } from "@/lib/users/sign-in";
import { changeSsoIdentity } from "@/lib/users/sso-link";
import { describeOnEveryEngine } from "./engines";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "a brand new passphrase";

describeOnEveryEngine("one's own account and sessions", (db) => {
  let admin: Actor;
  let rita: Actor;

  beforeEach(async () => {
    admin = await createFirstAdmin(db(), { email: "ada@example.com", name: "Ada Admin", password: PASSWORD });
    rita = await createUser(db(), admin, { email: "rita@example.com", name: "Rita Reviewer", role: "reviewer", password: PASSWORD });
  });

  const generationOf = async (user: Actor) => (await findActor(db(), user.id))!.sessionGeneration;
  const entriesAbout = (user: Actor) =>
    db().select().from(auditEntries).where(and(eq(auditEntries.subject, "user"), eq(auditEntries.subjectId, user.id))).orderBy(asc(auditEntries.id));

  it("shows a person their own account and how they sign in", async () => {
    expect(await getAccount(db(), rita)).toMatchObject({ id: rita.id, email: "rita@example.com", name: "Rita Reviewer", role: "reviewer", signInMethods: ["password"] });
    await db().update(users).set({ passwordHash: null, oidcIssuer: "https://id.example", oidcSubject: "rita" }).where(eq(users.id, rita.id));
    expect((await getAccount(db(), rita)).signInMethods).toEqual(["sso"]);
    await expect(getAccount(db(), null)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(getAccount(db(), { ...rita, disabled: true })).rejects.toBeInstanceOf(Forbidden);
  });

  it("renames a person, audited, and refuses an empty name naming the field", async () => {
    expect((await renameSelf(db(), rita, { name: "  Rita Rivera " })).name).toBe("Rita Rivera");
    await renameSelf(db(), rita, { name: "Rita Rivera" });
    expect((await entriesAbout(rita)).filter((entry) => entry.action === "updated").map((entry) => [entry.actorId, entry.before, entry.after])).toEqual([
      [rita.id, { name: "Rita Reviewer" }, { name: "Rita Rivera" }],
    ]);
    await expect(renameSelf(db(), rita, { name: " " })).rejects.toMatchObject({ name: "Invalid", fields: { name: "is required" } });
    await expect(renameSelf(db(), rita, { name: "Rita", role: "admin" })).rejects.toBeInstanceOf(Invalid);
    expect((await findActor(db(), rita.id))!.role).toBe("reviewer");
  });

  it("changes the password when the current one confirms it, and signs the account out everywhere", async () => {
    const before = await generationOf(rita);
    await changeOwnPassword(db(), rita, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(await signInWithPassword(db(), "rita@example.com", PASSWORD)).toBeNull();
    expect(await signInWithPassword(db(), "rita@example.com", NEW_PASSWORD)).toMatchObject({ id: rita.id });
    expect(await generationOf(rita)).toBe(before + 1);
    const entry = (await entriesAbout(rita)).at(-1)!;
    expect([entry.actorId, entry.action, entry.before, entry.after]).toEqual([rita.id, "updated", { password: "(previous)" }, { password: "(changed)" }]);
    expect(JSON.stringify(entry)).not.toContain("argon2");
  });

  it("refuses a wrong current password, a short or unchanged new one, naming the field and changing nothing", async () => {
    const attempts: [unknown, Record<string, string>][] = [
      [{ currentPassword: "not my password", newPassword: NEW_PASSWORD }, { currentPassword: "is not your current password" }],
      [{ currentPassword: PASSWORD, newPassword: "short" }, { newPassword: "must be at least 10 characters" }],
      [{ currentPassword: PASSWORD, newPassword: PASSWORD }, { newPassword: "must differ from your current password" }],
      [{ newPassword: NEW_PASSWORD }, { currentPassword: "is required" }],
    ];
    for (const [input, fields] of attempts) await expect(changeOwnPassword(db(), rita, input)).rejects.toMatchObject({ name: "Invalid", fields });
    expect(await generationOf(rita)).toBe(0);
    expect(await signInWithPassword(db(), "rita@example.com", PASSWORD)).toMatchObject({ id: rita.id });
  });

  it("counts wrong current passwords with failed sign-ins: guessing through a session left open is stopped too", async () => {
    const now = new Date();
    for (let i = 0; i < MAX_FAILURES; i++) {
      await expect(changeOwnPassword(db(), rita, { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD }, now)).rejects.toBeInstanceOf(Invalid);
    }
    await expect(changeOwnPassword(db(), rita, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, now)).rejects.toBeInstanceOf(TooManySignInAttempts);
    await expect(signInWithPassword(db(), "rita@example.com", PASSWORD, now)).rejects.toBeInstanceOf(TooManySignInAttempts);
  });

  it("tells a person who signs in only through single sign-on to ask an admin for a password", async () => {
    await db().update(users).set({ passwordHash: null }).where(eq(users.id, rita.id));
    await expect(changeOwnPassword(db(), rita, { currentPassword: "anything at all", newPassword: NEW_PASSWORD })).rejects.toBeInstanceOf(Conflict);
  });

  it("signs a person out everywhere, audited", async () => {
    const token = { sub: rita.id, [SESSION_GENERATION_CLAIM]: await sessionGenerationOf(db(), rita.id) };
    expect(isCurrentSession(token, (await findActor(db(), rita.id))!)).toBe(true);
    await signOutEverywhere(db(), rita);
    expect(isCurrentSession(token, (await findActor(db(), rita.id))!)).toBe(false);
    expect(isCurrentSession({ sub: rita.id, [SESSION_GENERATION_CLAIM]: await sessionGenerationOf(db(), rita.id) }, (await findActor(db(), rita.id))!)).toBe(true);
    expect((await entriesAbout(rita)).at(-1)).toMatchObject({ actorId: rita.id, action: "signed_out_everywhere" });
    const [entry] = (await listAuditEntries(db(), admin, { action: "signed_out_everywhere" })).entries;
    expect(describeEntry(entry!)).toBe("signed out everywhere: every session of the account ended");
    await expect(signOutEverywhere(db(), null)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it("ends a person's sessions when an admin resets their password, disables them or unlinks their single sign-on, and not otherwise", async () => {
    await updateUser(db(), admin, rita.id, { role: "editor", name: "Rita R." });
    expect(await generationOf(rita)).toBe(0);
    await updateUser(db(), admin, rita.id, { password: NEW_PASSWORD });
    expect(await generationOf(rita)).toBe(1);
    await updateUser(db(), admin, rita.id, { disabled: true });
    expect(await generationOf(rita)).toBe(2);
    await updateUser(db(), admin, rita.id, { disabled: false });
    expect(await generationOf(rita)).toBe(2);
    await db().update(users).set({ oidcIssuer: "https://id.example", oidcSubject: randomUUID() }).where(eq(users.id, rita.id));
    await changeSsoIdentity(db(), admin, rita.id, { action: "unlink" });
    expect(await generationOf(rita)).toBe(3);
    expect(await generationOf(admin)).toBe(0);
  });

  it("treats a session signed in before generations existed as the first generation's", async () => {
    const account = (await findActor(db(), rita.id))!;
    expect(isCurrentSession({ sub: rita.id }, account)).toBe(true);
    await signOutEverywhere(db(), rita);
    expect(isCurrentSession({ sub: rita.id }, (await findActor(db(), rita.id))!)).toBe(false);
  });
});
