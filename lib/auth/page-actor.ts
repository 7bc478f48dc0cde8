import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { SessionActor } from "@/lib/users/actor";
import { countUsers } from "@/lib/users/service";
import { currentSession } from "./current-actor";

/**
 * The signed-in, active user of a page; otherwise redirects: to /setup on a new installation,
 * to the sign-in page (coming back to `path`) without a session, saying why when it was ended, or with a
 * disabled account; to Your account while the desk requires a second step the user has yet to turn on.
 */
export async function requirePageActor(path: string): Promise<SessionActor> {
  const { actor, ended } = await currentSession();
  if (!actor) {
    if ((await countUsers(await getDb())) === 0) redirect("/setup");
    redirect(`/signin?${ended ? "error=SessionEnded&" : ""}callbackUrl=${encodeURIComponent(path)}`);
  }
  if (actor.disabled) redirect("/signin?error=AccountDisabled");
  // The desk requires a second step of this account: its owner turns it on before anything else.
  if (actor.twoStepDue && path !== "/account") redirect("/account");
  return actor;
}
