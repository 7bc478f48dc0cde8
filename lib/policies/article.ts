import type { Role } from "@/lib/users/roles";
import { activeActor, allow, deny, type Decision } from "./decision";

type Actor = { id: string; role: Role; disabled: boolean } | null;

export function mayViewArticles(actor: Actor): Decision {
  return activeActor(actor) ? allow : deny("Sign in with an active account to do this.");
}
