import type { Role } from "@/lib/users/roles";
import { activeActor, allow, deny, type Decision } from "./decision";

type Actor = { id: string; role: Role; disabled: boolean } | null;

/** The desk's figures, who did how much among them, are for those who run the desk: editors and admins. */
export function mayViewStatistics(actor: Actor): Decision {
  if (!activeActor(actor)) return deny("Sign in with an active account to do this.");
  return actor.role === "reviewer" ? deny("Only editors and admins can see the desk's statistics.") : allow;
}
