import { asc, eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { auditEntries, users } from "@/db/schema";
import { Conflict, Forbidden, Invalid, NotFound } from "@/lib/errors";
import type { Actor } from "@/lib/users/actor";
import { signInWithOidc, type OidcIdentity } from "@/lib/users/oidc-sign-in";
import { getUserRecord, listUsers } from "@/lib/users/service";
import { changeSsoIdentity } from "@/lib/users/sso-link";
import { describeOnEveryEngine } from "./engines";
import { addUser } from "./fixtures";

const ISSUER = "https://id.newsroom.example";
const rita = (subject: string, emailVerified: boolean): OidcIdentity => ({ issuer: ISSUER, subject, email: "rita@example.com", emailVerified, name: "Rita" });

describeOnEveryEngine("an admin links, dismisses and unlinks single sign-on", (db) => {
  let admin: Actor;
  let account: Actor;

  beforeEach(async () => {
    admin = await addUser(db(), "admin", { name: "Ada Admin" });
    account = await addUser(db(), "reviewer", { name: "Rita" });
  });

  const userAudit = async () =>
    (await db().select().from(auditEntries).where(eq(auditEntries.subjectId, account.id)).orderBy(asc(auditEntries.id))).map(({ actorId, action, before, after }) => ({
      actorId,
      action,
      before,
      after,
    }));
  const stored = async () => (await db().select().from(users).where(eq(users.id, account.id)))[0]!;

  it("shows a sign-in refused for an unverified email as waiting, and links it when the admin says so", async () => {
    expect(await signInWithOidc(db(), rita("rita-sub", false))).toMatchObject({ outcome: "refused", refusal: "SsoEmailUnverified" });
    const waiting = await getUserRecord(db(), admin, account.id);
    expect(waiting.ssoRequest).toEqual({ issuer: ISSUER, subject: "rita-sub", at: expect.any(String), replaces: false });
    expect(await userAudit()).toEqual([]);

    await changeSsoIdentity(db(), admin, account.id, { action: "link_request" });

    expect(await stored()).toMatchObject({ oidcIssuer: ISSUER, oidcSubject: "rita-sub", ssoRequestIssuer: null, ssoRequestSubject: null, ssoRequestedAt: null });
    expect(await userAudit()).toEqual([
      { actorId: admin.id, action: "updated", before: { oidcIssuer: null, oidcSubject: null }, after: { oidcIssuer: ISSUER, oidcSubject: "rita-sub" } },
    ]);
    expect(await signInWithOidc(db(), rita("rita-sub", false))).toMatchObject({ outcome: "signed_in", actor: { id: account.id } });
  });

  it("switches an account to the identity that waits on it, after which the old one no longer signs in", async () => {
    await signInWithOidc(db(), rita("old-sub", true));
    expect(await signInWithOidc(db(), rita("new-sub", true))).toMatchObject({ outcome: "refused", refusal: "SsoEmailLinkedElsewhere" });
    expect((await getUserRecord(db(), admin, account.id)).ssoRequest).toMatchObject({ subject: "new-sub", replaces: true });

    await changeSsoIdentity(db(), admin, account.id, { action: "link_request" });

    expect(await signInWithOidc(db(), rita("new-sub", true))).toMatchObject({ outcome: "signed_in", actor: { id: account.id } });
    expect(await signInWithOidc(db(), rita("old-sub", true))).toMatchObject({ outcome: "refused", refusal: "SsoEmailLinkedElsewhere" });
    expect((await userAudit()).at(-1)).toEqual({
      actorId: admin.id,
      action: "updated",
      before: { oidcIssuer: ISSUER, oidcSubject: "old-sub" },
      after: { oidcIssuer: ISSUER, oidcSubject: "new-sub" },
    });
  });

  it("dismisses a waiting identity, and a later verified sign-in links by itself and clears what waited", async () => {
    await signInWithOidc(db(), rita("mallory", false));
    await changeSsoIdentity(db(), admin, account.id, { action: "dismiss_request" });
    expect((await getUserRecord(db(), admin, account.id)).ssoRequest).toBeNull();
    expect(await stored()).toMatchObject({ oidcSubject: null });
    expect((await userAudit()).at(-1)).toEqual({ actorId: admin.id, action: "updated", before: { ssoRequest: `${ISSUER} mallory` }, after: { ssoRequest: null } });

    await signInWithOidc(db(), rita("mallory", false));
    expect(await signInWithOidc(db(), rita("rita-sub", true))).toMatchObject({ outcome: "linked" });
    expect((await getUserRecord(db(), admin, account.id)).ssoRequest).toBeNull();
  });

  it("unlinks an identity, forgetting any that waited, so that the account signs in with its password or links again", async () => {
    await signInWithOidc(db(), rita("rita-sub", true));
    await signInWithOidc(db(), rita("other-sub", true));
    await changeSsoIdentity(db(), admin, account.id, { action: "unlink" });
    expect(await stored()).toMatchObject({ oidcIssuer: null, oidcSubject: null, ssoRequestSubject: null });
    expect((await listUsers(db(), admin)).find((user) => user.id === account.id)?.signInMethods).toEqual(["password"]);
    expect((await userAudit()).at(-1)).toMatchObject({ before: { oidcIssuer: ISSUER, oidcSubject: "rita-sub" }, after: { oidcIssuer: null, oidcSubject: null } });
    expect(await signInWithOidc(db(), rita("rita-sub", true))).toMatchObject({ outcome: "linked" });
  });

  it("refuses what cannot be done, saying why, and changes nothing", async () => {
    await expect(changeSsoIdentity(db(), admin, account.id, { action: "link_request" })).rejects.toThrow(/No single sign-on is waiting/);
    await expect(changeSsoIdentity(db(), admin, account.id, { action: "dismiss_request" })).rejects.toBeInstanceOf(Conflict);
    await expect(changeSsoIdentity(db(), admin, account.id, { action: "unlink" })).rejects.toThrow(/does not sign in through single sign-on/);

    // An identity another account holds is not moved silently.
    const other = await addUser(db(), "reviewer", { name: "Other" });
    await db().update(users).set({ oidcIssuer: ISSUER, oidcSubject: "shared" }).where(eq(users.id, other.id));
    await db().update(users).set({ ssoRequestIssuer: ISSUER, ssoRequestSubject: "shared", ssoRequestedAt: new Date() }).where(eq(users.id, account.id));
    await expect(changeSsoIdentity(db(), admin, account.id, { action: "link_request" })).rejects.toThrow(/already signs in to Other's account/);

    // An admin without a password keeps single sign-on, their only way in.
    await db().update(users).set({ passwordHash: null, oidcIssuer: ISSUER, oidcSubject: "ada" }).where(eq(users.id, admin.id));
    await expect(changeSsoIdentity(db(), admin, admin.id, { action: "unlink" })).rejects.toThrow(/no password/);
    expect(await stored()).toMatchObject({ oidcSubject: null, ssoRequestSubject: "shared" });
  });

  it("is an admin's, checks the action and the user", async () => {
    const editor = await addUser(db(), "editor");
    await expect(changeSsoIdentity(db(), editor, account.id, { action: "unlink" })).rejects.toBeInstanceOf(Forbidden);
    const invalid = await changeSsoIdentity(db(), admin, account.id, { action: "merge" }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(Invalid);
    expect(Object.keys((invalid as Invalid).fields)).toEqual(["action"]);
    await expect(changeSsoIdentity(db(), admin, "00000000-0000-4000-8000-000000000000", { action: "unlink" })).rejects.toBeInstanceOf(NotFound);
  });
});
