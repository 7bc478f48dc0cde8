import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { isUniqueViolation } from "@/db/errors";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { Conflict, NotFound } from "@/lib/errors";
import { enforce } from "@/lib/policies/enforce";
import { mayManageUsers } from "@/lib/policies/user";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { ENDED_SESSIONS } from "./sessions";

/** An account's waiting single sign-on request, cleared. */
export const NO_SSO_REQUEST = { ssoRequestIssuer: null, ssoRequestSubject: null, ssoRequestedAt: null } as const;

/**
 * What an admin does with an account's single sign-on:
 * - `link_request`: ties it to the identity waiting on it (a sign-in refused because the provider had
 *   not verified the email, or because the account signs in through another identity);
 * - `dismiss_request`: forgets that identity;
 * - `unlink`: unties its identity (and forgets any waiting one), so that it signs in with its password,
 *   or links again at its next single sign-on with a verified email. Its sessions end: an identity is
 *   unlinked when it was not the account's owner's, and whoever signed in through it is out at once.
 */
export const SSO_ACTIONS = ["link_request", "dismiss_request", "unlink"] as const;
export type SsoAction = (typeof SSO_ACTIONS)[number];

export const ssoChangeSchema = z.strictObject({
  action: z.enum(SSO_ACTIONS, { error: () => `must be one of ${SSO_ACTIONS.join(", ")}` }),
});

const identityOf = (issuer: string | null, subject: string | null) => ({ oidcIssuer: issuer, oidcSubject: subject });

/** Links, dismisses or unlinks an account's single sign-on identity (admins), audited with the identities before and after. */
export async function changeSsoIdentity(db: Database, actor: Actor | null, userId: string, input: unknown): Promise<void> {
  enforce(mayManageUsers(actor), actor);
  const { action } = parseInput(ssoChangeSchema, input);
  try {
    await db.transaction(async (tx) => {
      const [account] = await tx
        .select({
          name: users.name,
          hasPassword: sql<boolean>`${users.passwordHash} is not null`,
          oidcIssuer: users.oidcIssuer,
          oidcSubject: users.oidcSubject,
          ssoRequestIssuer: users.ssoRequestIssuer,
          ssoRequestSubject: users.ssoRequestSubject,
        })
        .from(users)
        .where(eq(users.id, userId))
        .for("update");
      if (!account) throw new NotFound(`No user with id ${userId}.`);
      const current = identityOf(account.oidcIssuer, account.oidcSubject);
      const requested = identityOf(account.ssoRequestIssuer, account.ssoRequestSubject);
      if (action !== "unlink" && requested.oidcIssuer === null) {
        throw new Conflict(`No single sign-on is waiting to be linked to ${account.name}'s account: ask them to sign in through it first.`);
      }
      if (action === "unlink" && current.oidcIssuer === null) throw new Conflict(`${account.name}'s account does not sign in through single sign-on.`);
      if (action === "unlink" && userId === actor!.id && !account.hasPassword) {
        throw new Conflict("Your account has no password: without single sign-on you could not sign in. Give yourself a password first.");
      }
      if (action === "link_request") {
        const [holder] = await tx
          .select({ name: users.name })
          .from(users)
          .where(and(eq(users.oidcIssuer, requested.oidcIssuer!), eq(users.oidcSubject, requested.oidcSubject!), ne(users.id, userId)));
        if (holder) throw new Conflict(`That single sign-on identity already signs in to ${holder.name}'s account: unlink it there first.`);
      }
      const after = action === "link_request" ? requested : action === "unlink" ? identityOf(null, null) : current;
      await tx
        .update(users)
        .set({ ...after, ...NO_SSO_REQUEST, ...(action === "unlink" && ENDED_SESSIONS), updatedAt: new Date() })
        .where(eq(users.id, userId));
      await recordAudit(tx, {
        actorId: actor!.id,
        subject: "user",
        subjectId: userId,
        action: "updated",
        before: action === "dismiss_request" ? { ssoRequest: `${requested.oidcIssuer} ${requested.oidcSubject}` } : current,
        after: action === "dismiss_request" ? { ssoRequest: null } : after,
      });
    });
  } catch (error) {
    // The identity was tied to another account between the check and the update.
    if (isUniqueViolation(error)) throw new Conflict("That single sign-on identity was just linked to another account: reload the list of users.");
    throw error;
  }
}
