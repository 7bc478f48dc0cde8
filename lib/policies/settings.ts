import type { Role } from "@/lib/users/roles";
import { activeActor, allow, deny, type Decision } from "./decision";

type Actor = { id: string; role: Role; disabled: boolean } | null;

/**
 * The desk's settings (such as whether single sign-on may create accounts) are an admin's: they decide
 * who gets in, as managing users does. Reading them is the same right: nobody else has a use for them.
 */
export function mayChangeSettings(actor: Actor): Decision {
  if (!activeActor(actor)) return deny("Sign in with an active account to do this.");
  return actor.role === "admin" ? allow : deny("Only admins can change the desk's settings.");
}
