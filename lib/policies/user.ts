import type { Role } from "@/lib/users/roles";
import { activeActor, allow, deny, type Decision } from "./decision";

type Actor = { id: string; role: Role; disabled: boolean } | null;

export function mayManageUsers(actor: Actor): Decision {
  if (!activeActor(actor)) return deny("Sign in with an active account to do this.");
  return actor.role === "admin" ? allow : deny("Only admins can manage users.");
}

/** An admin may not lock themselves out: no demoting or disabling their own account. */
export function mayChangeUser(actor: Actor, target: { id: string }, change: { role?: Role; disabled?: boolean }): Decision {
  const manage = mayManageUsers(actor);
  if (!manage.allowed) return manage;
  if (actor?.id === target.id && (change.disabled === true || (change.role && change.role !== "admin"))) {
    return deny("You cannot disable your own account or remove your own admin role.");
  }
  return allow;
}

/** Everyone signed in with an active account manages their own: name, password, sessions. */
export function mayManageOwnAccount(actor: Actor): Decision {
  return activeActor(actor) ? allow : deny("Sign in with an active account to do this.");
}

/** Colleagues' names and roles (to mention or assign them) are for everyone on the desk; emails and the rest are for admins. */
export function mayListColleagues(actor: Actor): Decision {
  return activeActor(actor) ? allow : deny("Sign in with an active account to do this.");
}
