import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { isUniqueViolation } from "@/db/errors";
import type { Database, Transaction } from "@/db/database";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { Conflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { emailSchema } from "./input";
import { selfRegistrationIsOn } from "./self-registration";
import { NO_SSO_REQUEST } from "./sso-link";

/**
 * Why a sign-in through single sign-on was refused, each with the message the person sees.
 * The codes travel in the sign-in page's address (`?error=`), so they are plain words.
 */
export const SSO_REFUSALS = {
  AccountDisabled: "Your account is disabled. Ask an admin of your newsroom to enable it.",
  SsoSelfRegistrationOff: "Self-registration is off: ask an admin to create your account.",
  SsoEmailUnverified:
    "An account with your email address already exists, but your sign-in provider has not verified that address: ask an admin to link this sign-in to your account (it waits for them under Users), then sign in again.",
  SsoEmailLinkedElsewhere:
    "An account with your email address already signs in through another single sign-on identity: ask an admin to switch it to this one (it waits for them under Users), then sign in again.",
  SsoEmailMissing: "Your sign-in provider did not share a usable email address, which every account needs: ask an admin to create your account.",
} as const;

export type SsoRefusal = keyof typeof SSO_REFUSALS;

export type OidcSignIn =
  | { outcome: "signed_in" | "linked" | "created"; actor: Actor }
  | { outcome: "refused"; refusal: SsoRefusal; message: string };

/** Who the provider says signed in: `issuer` and `subject` identify them for good, the rest is what the provider shares. */
export type OidcIdentity = {
  issuer: string;
  subject: string;
  email?: string | null;
  emailVerified?: boolean | null;
  name?: string | null;
};

/** An unusable email is treated as none: the person is told to ask an admin, which is what they can do about it. */
const optionalEmail = z.unknown().optional().transform((value) => {
  const parsed = emailSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
});

// A name the provider sends over our limit is cut, not refused: the person cannot change it here.
const optionalName = z.unknown().optional().transform((value) => (typeof value === "string" && value.trim() ? value.trim().slice(0, 100) : null));

const identitySchema = z.object({
  issuer: z.string({ error: "is required" }).min(1, "is required").max(2048, "must be at most 2048 characters"),
  // OpenID Connect caps `sub` at 255 ASCII characters.
  subject: z.string({ error: "is required" }).min(1, "is required").max(255, "must be at most 255 characters"),
  email: optionalEmail,
  emailVerified: z.boolean().nullish().transform((value) => value === true),
  name: optionalName,
});

type Identity = z.output<typeof identitySchema>;

const actorColumns = { id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled };

/** A decision of one transaction, or null when it lost a race with a concurrent sign-in and must be taken again. */
type Decision = OidcSignIn | null;

/** Three tries: a lost race leaves the winner's row in place, so the second try finds it. */
const MAX_TRIES = 3;

/**
 * Signs in the person the OpenID Connect provider vouches for:
 * - the account already tied to this issuer and subject (refused if disabled);
 * - else the account with the same email, tied to this identity from now on, but only when the provider
 *   says it verified the address (else anyone who can set that address at the provider would take the account);
 * - else a new reviewer account, if an admin has not switched self-registration off.
 * Tying and creating are audited in the same transaction, with the person as actor. Concurrent first
 * sign-ins of one person make one account: the unique indexes decide, and the loser reads the winner's.
 */
export async function signInWithOidc(db: Database, input: OidcIdentity): Promise<OidcSignIn> {
  const identity = parseInput(identitySchema, input);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    try {
      const decision = await db.transaction((tx) => decide(tx, identity));
      if (decision) return decision;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Conflict("Your account was being changed at the same moment: sign in again.");
}

async function decide(tx: Transaction, identity: Identity): Promise<Decision> {
  const [known] = await tx
    .select(actorColumns)
    .from(users)
    .where(and(eq(users.oidcIssuer, identity.issuer), eq(users.oidcSubject, identity.subject)));
  if (known) return known.disabled ? refuse("AccountDisabled") : { outcome: "signed_in", actor: known };

  if (!identity.email) return refuse("SsoEmailMissing");
  const [sameEmail] = await tx
    .select({ ...actorColumns, oidcIssuer: users.oidcIssuer, oidcSubject: users.oidcSubject })
    .from(users)
    .where(sql`lower(${users.email}) = ${identity.email}`);
  if (sameEmail) return link(tx, sameEmail, identity);

  if (!(await selfRegistrationIsOn(tx))) return refuse("SsoSelfRegistrationOff");
  return create(tx, identity, identity.email);
}

async function link(tx: Transaction, account: Actor & { oidcIssuer: string | null; oidcSubject: string | null }, identity: Identity): Promise<Decision> {
  // Each statement reads what is committed when it runs: a concurrent first sign-in of this very identity
  // may have committed between the lookup by identity and this one by email. Then it is this person's account.
  if (account.oidcIssuer === identity.issuer && account.oidcSubject === identity.subject) {
    const { oidcIssuer: _issuer, oidcSubject: _subject, ...actor } = account;
    return actor.disabled ? refuse("AccountDisabled") : { outcome: "signed_in", actor };
  }
  if (account.oidcIssuer !== null) return requestLink(tx, account.id, identity, "SsoEmailLinkedElsewhere");
  if (!identity.emailVerified) return requestLink(tx, account.id, identity, "SsoEmailUnverified");
  if (account.disabled) return refuse("AccountDisabled");
  const [linked] = await tx
    .update(users)
    .set({ oidcIssuer: identity.issuer, oidcSubject: identity.subject, ...NO_SSO_REQUEST, updatedAt: new Date() })
    // Still untied: a concurrent sign-in may have tied it since we read it.
    .where(and(eq(users.id, account.id), isNull(users.oidcIssuer)))
    .returning(actorColumns);
  if (!linked) return null;
  await recordAudit(tx, {
    actorId: linked.id,
    subject: "user",
    subjectId: linked.id,
    action: "updated",
    before: { oidcIssuer: null, oidcSubject: null },
    after: { oidcIssuer: identity.issuer, oidcSubject: identity.subject },
  });
  return { outcome: "linked", actor: linked };
}

/**
 * Refuses the sign-in, leaving the identity on the account for an admin to link or dismiss under
 * Users (the latest such attempt; not audited, as nobody is signed in to be its actor: the admin's
 * decision is).
 */
async function requestLink(tx: Transaction, accountId: string, identity: Identity, refusal: "SsoEmailUnverified" | "SsoEmailLinkedElsewhere"): Promise<Decision> {
  await tx
    .update(users)
    .set({ ssoRequestIssuer: identity.issuer, ssoRequestSubject: identity.subject, ssoRequestedAt: new Date() })
    .where(eq(users.id, accountId));
  return refuse(refusal);
}

async function create(tx: Transaction, identity: Identity, email: string): Promise<Decision> {
  const [created] = await tx
    .insert(users)
    .values({
      email,
      name: identity.name ?? email.slice(0, email.indexOf("@")),
      role: "reviewer",
      passwordHash: null,
      oidcIssuer: identity.issuer,
      oidcSubject: identity.subject,
    })
    // Waits for a concurrent insert of the same identity or email and, if that commits, writes nothing.
    .onConflictDoNothing()
    .returning(actorColumns);
  if (!created) return null;
  await recordAudit(tx, {
    actorId: created.id,
    subject: "user",
    subjectId: created.id,
    action: "signed_in_first_time",
    after: { email: created.email, name: created.name, role: created.role, oidcIssuer: identity.issuer, oidcSubject: identity.subject },
  });
  return { outcome: "created", actor: created };
}

function refuse(refusal: SsoRefusal): OidcSignIn {
  return { outcome: "refused", refusal, message: SSO_REFUSALS[refusal] };
}
