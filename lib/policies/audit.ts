import type { Role } from "@/lib/users/roles";
import { activeActor, allow, deny, type Decision } from "./decision";

type Actor = { id: string; role: Role; disabled: boolean } | null;

/** The whole audit trail (every person's changes, users included) is for admins. */
export function mayViewAuditTrail(actor: Actor): Decision {
  if (!activeActor(actor)) return deny("Sign in with an active account to do this.");
  return actor.role === "admin" ? allow : deny("Only admins can read the audit trail.");
}

/** An annotation's own history is for everyone on the desk, like the annotation. */
export function mayViewAnnotationHistory(actor: Actor): Decision {
  return activeActor(actor) ? allow : deny("Sign in with an active account to do this.");
}
