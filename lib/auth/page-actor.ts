import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/users/actor";
import { countUsers } from "@/lib/users/service";
import { currentActor } from "./current-actor";

/**
 * The signed-in, active user of a page; otherwise redirects: to /setup on a new installation,
 * to the sign-in page (coming back to `path`) without a session or with a disabled account.
 */
export async function requirePageActor(path: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) {
    if ((await countUsers(await getDb())) === 0) redirect("/setup");
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (actor.disabled) redirect("/signin?error=AccountDisabled");
  return actor;
}
