import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { sessionSecret } from "@/lib/settings";
import { signInWithPassword } from "@/lib/users/sign-in";
import { oidcConfig } from "./oidc-config";
import { admitOidcSignIn, OIDC_PROVIDER_ID, oidcProvider } from "./oidc-provider";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/**
 * next-auth's configuration: email and password, and single sign-on through an OpenID Connect provider
 * when one is configured; JWT sessions holding only the user's id.
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
        },
        async authorize(credentials) {
          if (!credentials?.email || !credentials.password) return null;
          // A thrown error's message reaches the sign-in form (next-auth passes it on as `error`).
          const actor = await signInWithPassword(db, credentials.email, credentials.password);
          return actor ? { id: actor.id, email: actor.email, name: actor.name } : null;
        },
      }),
      ...(oidc ? [oidcProvider(oidc)] : []),
    ],
    callbacks: {
      signIn: ({ user, account, profile }) => (account?.provider === OIDC_PROVIDER_ID ? admitOidcSignIn(db, user, profile) : true),
    },
  };
}
