import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { sessionSecret } from "@/lib/settings";
import { SESSION_GENERATION_CLAIM, sessionGenerationOf } from "@/lib/users/sessions";
import { signInWithPassword } from "@/lib/users/sign-in";
import { oidcConfig } from "./oidc-config";
import { admitOidcSignIn, OIDC_PROVIDER_ID, oidcProvider } from "./oidc-provider";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/**
 * next-auth's configuration: email and password, and single sign-on through an OpenID Connect provider
 * when one is configured; JWT sessions holding only the user's id and the session generation it signed in
 * under (see `lib/users/sessions.ts`).
 * Built per request because the secret may live in the database (see `sessionSecret`).
 */
export async function authOptions(): Promise<NextAuthOptions> {
  const db = await getDb();
  const oidc = oidcConfig();
  return {
    secret: await sessionSecret(db),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Code", type: "text" },
        },
        async authorize(credentials) {
          if (!credentials?.email || !credentials.password) return null;
          // A thrown error's message reaches the sign-in form (next-auth passes it on as `error`):
          // too many attempts, a wrong second step, or `SECOND_STEP_REQUIRED`, which asks for a code.
          const actor = await signInWithPassword(db, credentials.email, credentials.password, new Date(), credentials.code);
          return actor ? { id: actor.id, email: actor.email, name: actor.name } : null;
        },
      }),
      ...(oidc ? [oidcProvider(oidc)] : []),
    ],
    callbacks: {
      signIn: ({ user, account, profile }) => (account?.provider === OIDC_PROVIDER_ID ? admitOidcSignIn(db, user, profile) : true),
      // `user` is there only at sign-in; a session refreshed later keeps the generation it signed in under.
      jwt: async ({ token, user }) => (user ? { ...token, [SESSION_GENERATION_CLAIM]: await sessionGenerationOf(db, user.id) } : token),
    },
  };
}
