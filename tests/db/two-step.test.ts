import { and, asc, eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { auditEntries, users } from "@/db/schema";
import { describeEntry } from "@/lib/audit/describe";
import { listAuditEntries } from "@/lib/audit/queries";
import { Conflict, Forbidden, Invalid, NotFound, Unauthenticated } from "@/lib/errors";
import type { Actor } from "@/lib/users/actor";
import { createFirstAdmin, createUser, findActor } from "@/lib/users/service";
import { acceptSecondStep } from "@/lib/users/second-step";
import { MAX_FAILURES, SecondStepRequired, signInWithPassword, TooManySignInAttempts, WrongSecondStep } from "@/lib/users/sign-in";
import { totpCode, totpStepOf, TOTP_STEP_SECONDS } from "@/lib/users/totp";
import { changeTwoStepRequirement, readTwoStepRequirement } from "@/lib/users/two-step-requirement";
import { replaceRecoveryCodes, startTwoStepSetup, turnOffTwoStep, turnOffTwoStepAsOperator, turnOffTwoStepFor, turnOnTwoStep, twoStepStatus } from "@/lib/users/two-step";
import { describeOnEveryEngine, type EngineName } from "./engines";

const PASSWORD = "correct horse battery staple";
const EMAIL = "rita@example.com";

/** The code Rita's app shows at `at`. */
const codeAt = (secret: string, at: Date) => totpCode(secret, totpStepOf(at));
const later = (at: Date, steps: number) => new Date(at.getTime() + steps * TOTP_STEP_SECONDS * 1000);

describeOnEveryEngine("two-step sign-in", (db, engine: EngineName) => {
  let admin: Actor;
  let rita: Actor;

  beforeEach(async () => {
    admin = await createFirstAdmin(db(), { email: "ada@example.com", name: "Ada Admin", password: PASSWORD });
    rita = await createUser(db(), admin, { email: EMAIL, name: "Rita Reviewer", role: "reviewer", password: PASSWORD });
  });

  /** Rita turns two-step sign-in on at `now`: her key and recovery codes. */
  async function turnOn(now: Date): Promise<{ secret: string; recoveryCodes: string[] }> {
    const { secret } = await startTwoStepSetup(db(), rita);
    const { recoveryCodes } = await turnOnTwoStep(db(), rita, { secret, code: codeAt(secret, now), currentPassword: PASSWORD }, now);
    return { secret, recoveryCodes };
  }

  it("is turned on with a code from the app the key was given to, and the current password, and gives ten recovery codes", async () => {
    expect(await twoStepStatus(db(), rita)).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    const setup = await startTwoStepSetup(db(), rita);
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toBe(`otpauth://totp/Fact-check%20desk:rita%40example.com?secret=${setup.secret}&issuer=Fact-check%20desk&algorithm=SHA1&digits=6&period=30`);
    expect(setup.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.qrCode.split(",")[1]!, "base64").toString()).toMatch(/^<svg /);
    // Nothing changes before a code proves the app has the key.
    expect((await twoStepStatus(db(), rita)).enabled).toBe(false);

    const now = new Date();
    const wrongCode = String((Number(codeAt(setup.secret, now)) + 1) % 1_000_000).padStart(6, "0");
    await expect(turnOnTwoStep(db(), rita, { secret: setup.secret, code: wrongCode, currentPassword: PASSWORD }, now)).rejects.toMatchObject({
      constructor: Invalid,
      fields: { code: "is not the code your app shows" },
    });
    await expect(turnOnTwoStep(db(), rita, { secret: setup.secret, code: codeAt(setup.secret, now), currentPassword: "not my password" }, now)).rejects.toMatchObject({
      fields: { currentPassword: "is not your current password" },
    });
    await expect(turnOnTwoStep(db(), rita, { secret: "not-base32!", code: "123456", currentPassword: PASSWORD }, now)).rejects.toMatchObject({
      fields: { secret: "must be the key this page gave you" },
    });
    await expect(turnOnTwoStep(db(), rita, { secret: setup.secret, code: "12 34", currentPassword: PASSWORD }, now)).rejects.toMatchObject({
      fields: { code: "must be the 6 digits your app shows" },
    });
    expect((await twoStepStatus(db(), rita)).enabled).toBe(false);

    // As the app shows it, with a space in the middle.
    const code = codeAt(setup.secret, now);
    const { recoveryCodes, status } = await turnOnTwoStep(db(), rita, { secret: setup.secret, code: `${code.slice(0, 3)} ${code.slice(3)}`, currentPassword: PASSWORD }, now);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const recoveryCode of recoveryCodes) expect(recoveryCode).toMatch(/^[2-9a-z]{5}-[2-9a-z]{5}$/);
    expect(status).toEqual({ enabled: true, enabledAt: now.toISOString(), recoveryCodesLeft: 10 });
    // Only digests are kept.
    const [row] = await db().select({ secret: users.totpSecret }).from(users).where(eq(users.id, rita.id));
    expect(row!.secret).toBe(setup.secret);
    await expect(startTwoStepSetup(db(), rita)).rejects.toBeInstanceOf(Conflict);
  });

  it("asks for a code after the right password, takes each code once, and a recovery code once", async () => {
    const now = new Date();
    const { secret, recoveryCodes } = await turnOn(now);
    const next = later(now, 2);
    await expect(signInWithPassword(db(), EMAIL, PASSWORD, next)).rejects.toBeInstanceOf(SecondStepRequired);
    // A wrong password says nothing of a second step.
    expect(await signInWithPassword(db(), EMAIL, "wrong password", next)).toBeNull();
    await expect(signInWithPassword(db(), EMAIL, PASSWORD, next, "000000")).rejects.toBeInstanceOf(WrongSecondStep);
    expect(await signInWithPassword(db(), EMAIL, PASSWORD, next, codeAt(secret, next))).toMatchObject({ id: rita.id });
    // The same code, seen over a shoulder, does not sign in again; nor the one before it, turning it on.
    await expect(signInWithPassword(db(), EMAIL, PASSWORD, next, codeAt(secret, next))).rejects.toBeInstanceOf(WrongSecondStep);
    await expect(signInWithPassword(db(), EMAIL, PASSWORD, later(now, 1), codeAt(secret, later(now, 1)))).rejects.toBeInstanceOf(WrongSecondStep);
    // A phone's clock a step behind still signs in.
    const afterwards = later(now, 10);
    expect(await signInWithPassword(db(), EMAIL, PASSWORD, afterwards, codeAt(secret, later(afterwards, -1)))).toMatchObject({ id: rita.id });
    // Two steps off is too far.
    await expect(signInWithPassword(db(), EMAIL, PASSWORD, later(now, 20), codeAt(secret, later(now, 22)))).rejects.toBeInstanceOf(WrongSecondStep);

    const [first, second] = recoveryCodes as [string, string];
    expect(await signInWithPassword(db(), EMAIL, PASSWORD, afterwards, first.toUpperCase().replace("-", " "))).toMatchObject({ id: rita.id });
    await expect(signInWithPassword(db(), EMAIL, PASSWORD, afterwards, first)).rejects.toBeInstanceOf(WrongSecondStep);
    expect((await twoStepStatus(db(), rita)).recoveryCodesLeft).toBe(9);
    const [used] = (await listAuditEntries(db(), admin, { action: "updated" })).entries;
    expect([used!.actor?.name, describeEntry(used!)]).toEqual(["Rita Reviewer", "signed in with a recovery code (9 left)"]);

    // New codes: the old stop working.
    await expect(replaceRecoveryCodes(db(), rita, { currentPassword: "wrong" })).rejects.toMatchObject({ fields: { currentPassword: "is not your current password" } });
    const replaced = await replaceRecoveryCodes(db(), rita, { currentPassword: PASSWORD });
    expect(replaced.status.recoveryCodesLeft).toBe(10);
    await expect(signInWithPassword(db(), EMAIL, PASSWORD, afterwards, second)).rejects.toBeInstanceOf(WrongSecondStep);
    expect(await signInWithPassword(db(), EMAIL, PASSWORD, afterwards, replaced.recoveryCodes[0])).toMatchObject({ id: rita.id });
  });

  it("counts wrong codes with wrong passwords towards the account's limit", async () => {
    const now = new Date();
    await turnOn(now);
    for (let i = 0; i < MAX_FAILURES; i++) await expect(signInWithPassword(db(), EMAIL, PASSWORD, now, `00000${i % 10}`)).rejects.toBeInstanceOf(WrongSecondStep);
    await expect(signInWithPassword(db(), EMAIL, PASSWORD, now, "123456")).rejects.toBeInstanceOf(TooManySignInAttempts);
  });

  it("accepts a code once when two instances are given it at the same moment", async () => {
    const now = new Date();
    const { secret } = await turnOn(now);
    const next = later(now, 1);
    const accepted = await Promise.all(Array.from({ length: engine === "PostgreSQL" ? 4 : 2 }, () => acceptSecondStep(db(), rita.id, secret, codeAt(secret, next), next)));
    expect(accepted.filter(Boolean)).toHaveLength(1);
  });

  it("is turned off by its owner with their password, by an admin for a colleague, or from the command line; audited, never its key", async () => {
    const now = new Date();
    await turnOn(now);
    await expect(turnOffTwoStep(db(), rita, { currentPassword: "wrong" })).rejects.toMatchObject({ constructor: Invalid, fields: { currentPassword: "is not your current password" } });
    expect((await turnOffTwoStep(db(), rita, { currentPassword: PASSWORD })).status).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    expect(await signInWithPassword(db(), EMAIL, PASSWORD, later(now, 3))).toMatchObject({ id: rita.id });
    await expect(turnOffTwoStep(db(), rita, { currentPassword: PASSWORD })).rejects.toBeInstanceOf(Conflict);

    await turnOn(later(now, 5));
    await expect(turnOffTwoStepFor(db(), rita, admin.id)).rejects.toBeInstanceOf(Forbidden);
    expect((await turnOffTwoStepFor(db(), admin, rita.id)).status.enabled).toBe(false);
    expect(await signInWithPassword(db(), EMAIL, PASSWORD, later(now, 6))).toMatchObject({ id: rita.id });

    // From the command line, when no admin can: the only admin lost their phone.
    await turnOn(later(now, 8));
    expect(await turnOffTwoStepAsOperator(db(), " RITA@example.com")).toEqual({ name: "Rita Reviewer" });
    expect((await twoStepStatus(db(), rita)).enabled).toBe(false);
    await expect(turnOffTwoStepAsOperator(db(), "nobody@example.com")).rejects.toBeInstanceOf(NotFound);

    const entries = await db()
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.subject, "user"), eq(auditEntries.subjectId, rita.id)))
      .orderBy(asc(auditEntries.id));
    const described = (await listAuditEntries(db(), admin, { action: "updated" })).entries.filter((entry) => entry.subjectId === rita.id).reverse();
    expect(described.map((entry) => `${entry.actor?.name ?? "the command line"}: ${describeEntry(entry)}`)).toEqual([
      "Rita Reviewer: turned two-step sign-in on",
      "Rita Reviewer: turned two-step sign-in off",
      "Rita Reviewer: turned two-step sign-in on",
      "Ada Admin: turned two-step sign-in off",
      "Rita Reviewer: turned two-step sign-in on",
      "the command line: turned two-step sign-in off",
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/[A-Z2-7]{32}/);
  });

  it("may be required of editors and admins with a password, once the admin requiring it has theirs; audited", async () => {
    const editor = await createUser(db(), admin, { email: "ed@example.com", name: "Ed Editor", role: "editor", password: PASSWORD });
    const ssoEditor = await createUser(db(), admin, { email: "sue@example.com", name: "Sue Sso", role: "editor", password: PASSWORD });
    await db().update(users).set({ passwordHash: null, oidcIssuer: "https://id.example", oidcSubject: "sue" }).where(eq(users.id, ssoEditor.id));
    const due = async (user: Actor) => (await findActor(db(), user.id))!.twoStepDue;

    expect(await readTwoStepRequirement(db(), admin)).toEqual({ required: false });
    await expect(changeTwoStepRequirement(db(), admin, { required: true })).rejects.toMatchObject({ constructor: Conflict, message: /^Turn on your own two-step sign-in first/ });
    await expect(changeTwoStepRequirement(db(), rita, { required: true })).rejects.toBeInstanceOf(Forbidden);
    await expect(changeTwoStepRequirement(db(), admin, { required: "yes" })).rejects.toMatchObject({ fields: { required: "must be true or false" } });
    expect(await due(editor)).toBe(false);

    const now = new Date();
    const { secret } = await startTwoStepSetup(db(), admin);
    await turnOnTwoStep(db(), admin, { secret, code: codeAt(secret, now), currentPassword: PASSWORD }, now);
    expect(await changeTwoStepRequirement(db(), admin, { required: true })).toEqual({ required: true });
    expect(await readTwoStepRequirement(db(), admin)).toEqual({ required: true });
    expect(await due(editor)).toBe(true);
    expect(await due(admin)).toBe(false);
    expect(await due(rita)).toBe(false);
    expect(await due(ssoEditor)).toBe(false);

    // The editor turns theirs on: nothing is due any more.
    const editorKey = (await startTwoStepSetup(db(), editor)).secret;
    await turnOnTwoStep(db(), editor, { secret: editorKey, code: codeAt(editorKey, now), currentPassword: PASSWORD }, now);
    expect(await due(editor)).toBe(false);
    // Its second step turned off by an admin, it is due again, until the rule is lifted.
    await turnOffTwoStepFor(db(), admin, editor.id);
    expect(await due(editor)).toBe(true);
    expect(await changeTwoStepRequirement(db(), admin, { required: false })).toEqual({ required: false });
    expect(await due(editor)).toBe(false);

    const described = (await listAuditEntries(db(), admin, { action: "updated" })).entries.filter((entry) => entry.subjectId === admin.id).map(describeEntry);
    expect(described).toEqual(["stopped requiring two-step sign-in", "required two-step sign-in of editors and admins", "turned two-step sign-in on"]);
  });

  it("is not for accounts without a password, strangers or a disabled account", async () => {
    await db().update(users).set({ passwordHash: null, oidcIssuer: "https://id.example", oidcSubject: "rita" }).where(eq(users.id, rita.id));
    await expect(startTwoStepSetup(db(), rita)).rejects.toBeInstanceOf(Conflict);
    await expect(startTwoStepSetup(db(), null)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(twoStepStatus(db(), { ...admin, disabled: true })).rejects.toBeInstanceOf(Forbidden);
    await expect(turnOffTwoStep(db(), null, { currentPassword: PASSWORD })).rejects.toBeInstanceOf(Unauthenticated);
  });
});
