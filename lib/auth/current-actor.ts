import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { sessionSecret } from "@/lib/settings";
import type { SessionActor } from "@/lib/users/actor";
import { findActor } from "@/lib/users/service";
import { isCurrentSession } from "@/lib/users/sessions";

/**
 * The signed-in user of this request, re-read from the database (so that disabling a user or
 * changing a role takes effect at once), or null without a valid session: none, or one of a session
 * generation the account has ended (a password changed, "Sign out everywhere").
 * A disabled user is returned as such: the policies refuse them with a message that says why.
 * Read once per server render, however many components ask (the layout and the page both do).
 */
export const currentActor = cache(async (): Promise<SessionActor | null> => (await currentSession()).actor);

/**
 * This request's session: its user, or none; `ended` when the browser holds a session that was valid but
 * has been ended since (signed out everywhere, a password changed or reset, single sign-on unlinked).
 */
export const currentSession = cache(async (): Promise<{ actor: SessionActor | null; ended: boolean }> => {
  // Request data first: it marks the page dynamic, so that a build never opens the database.
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const sessionCookies = cookieStore.getAll().filter((cookie) => cookie.name.includes("next-auth.session-token"));
  if (!sessionCookies.length) return { actor: null, ended: false };
  const db = await getDb();
  const token = await getToken({
    req: {
      headers: Object.fromEntries(headerList),
      cookies: Object.fromEntries(sessionCookies.map((cookie) => [cookie.name, cookie.value])),
    } as Parameters<typeof getToken>[0]["req"],
    secret: await sessionSecret(db),
  });
  if (!token?.sub) return { actor: null, ended: false };
  const actor = await findActor(db, token.sub);
  // A disabled account's session still names it, so that it is refused with the reason (it is disabled);
  // disabling ended its sessions, so none comes back when it is enabled again.
  if (actor && !actor.disabled && !isCurrentSession(token, actor)) return { actor: null, ended: true };
  return { actor, ended: false };
});
