import type { Role } from "@/lib/users/roles";
import { activeActor, allow, deny, type Decision } from "./decision";

type Actor = { id: string; role: Role; disabled: boolean } | null;

/** Webhooks send the desk's news to other systems, signed with secrets: admins set them up. */
export function mayManageWebhooks(actor: Actor): Decision {
  if (!activeActor(actor)) return deny("Sign in with an active account to do this.");
  return actor.role === "admin" ? allow : deny("Only admins can set up webhooks.");
}
