import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/users/actor";
import { countUsers } from "@/lib/users/service";
import { currentSession } from "./current-actor";

/**
 * The signed-in, active user of a page; otherwise redirects: to /setup on a new installation,
 * to the sign-in page (coming back to `path`) without a session, saying why when it was ended, or with a
 * disabled account.
 */
export async function requirePageActor(path: string): Promise<Actor> {
  const { actor, ended } = await currentSession();
  if (!actor) {
    if ((await countUsers(await getDb())) === 0) redirect("/setup");
    redirect(`/signin?${ended ? "error=SessionEnded&" : ""}callbackUrl=${encodeURIComponent(path)}`);
  }
  if (actor.disabled) redirect("/signin?error=AccountDisabled");
  return actor;
}
