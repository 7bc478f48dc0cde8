import type { OAuthConfig } from "next-auth/providers/oauth";
import type { User } from "next-auth";
import { z } from "zod";
import type { Database } from "@/db/database";
import { signInWithOidc } from "@/lib/users/oidc-sign-in";
import type { OidcConfig } from "./oidc-config";

/** next-auth's id of the provider: the redirect URL to register at the provider is `<NEXTAUTH_URL>/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";

/** The ID token's claims that we read. openid-client has already checked its signature, issuer, audience and expiry. */
const claimsSchema = z.object({
  iss: z.string().min(1),
  sub: z.string().min(1),
  email: z.string().optional(),
  // Some providers send the boolean as a string.
  email_verified: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]).optional(),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  preferred_username: z.string().optional(),
});

type Claims = z.output<typeof claimsSchema>;

/** next-auth's OAuth provider for any OpenID Connect issuer, found through its discovery document at sign-in time. */
export function oidcProvider(config: OidcConfig): OAuthConfig<Claims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.name,
    type: "oauth",
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    // The profile comes from the verified ID token, not from the userinfo endpoint.
    idToken: true,
    checks: ["pkce", "state"],
    profile: (claims) => ({ id: claims.sub, name: claims.name ?? null, email: claims.email ?? null }),
  };
}

/**
 * The sign-in callback's answer for a sign-in through the provider: true to let the person in as the
 * account `signInWithOidc` chose, or the sign-in page with the reason of a refusal.
 */
export async function admitOidcSignIn(db: Database, user: User, idTokenClaims: unknown): Promise<true | string> {
  const parsed = claimsSchema.safeParse(idTokenClaims);
  if (!parsed.success) {
    console.error("Single sign-on: the ID token lacks a usable iss or sub claim.", parsed.error.issues);
    return "/signin?error=SsoProfileInvalid";
  }
  const claims = parsed.data;
  const signIn = await signInWithOidc(db, {
    issuer: claims.iss,
    subject: claims.sub,
    email: claims.email,
    emailVerified: claims.email_verified,
    name: claims.name ?? ([claims.given_name, claims.family_name].filter(Boolean).join(" ") || claims.preferred_username),
  });
  if (signIn.outcome === "refused") return `/signin?error=${signIn.refusal}`;
  // next-auth v4 (without an adapter) hands this very object to the jwt callback, whose token's `sub` is its
  // id: setting our account's id here makes the session hold it, exactly as a password sign-in's does.
  user.id = signIn.actor.id;
  user.name = signIn.actor.name;
  user.email = signIn.actor.email;
  return true;
}
