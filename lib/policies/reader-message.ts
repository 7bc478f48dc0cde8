import { hasRole } from "@/lib/users/roles";
import type { Role } from "@/lib/users/roles";
import { activeActor, allow, deny, type Decision } from "./decision";

type Actor = { id: string; role: Role; disabled: boolean } | null;

/**
 * Readers' messages are the editors': they answer for what the desk publishes, and the messages hold
 * readers' email addresses, which the desk keeps to as few people as it can.
 */
export function mayHandleReaderMessages(actor: Actor): Decision {
  if (!activeActor(actor)) return deny("Sign in with an active account to do this.");
  return hasRole(actor.role, "editor") ? allow : deny("Only editors and admins read and answer readers' messages.");
}
