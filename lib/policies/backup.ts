import type { Role } from "@/lib/users/roles";
import { activeActor, allow, deny, type Decision } from "./decision";

type Actor = { id: string; role: Role; disabled: boolean } | null;

/** A backup holds everything, every account's password hash included: it is for admins. */
export function mayBackUp(actor: Actor): Decision {
  if (!activeActor(actor)) return deny("Sign in with an active account to do this.");
  return actor.role === "admin" ? allow : deny("Only admins can see and download backups: a backup holds every account.");
}
