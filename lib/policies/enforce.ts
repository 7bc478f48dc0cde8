import { Forbidden, Unauthenticated } from "@/lib/errors";
import type { Decision } from "./decision";

/** Throws unless `decision` allows: `Unauthenticated` without an active actor, `Forbidden` otherwise. */
export function enforce(decision: Decision, actor: { disabled: boolean } | null): void {
  if (decision.allowed) return;
  if (!actor) throw new Unauthenticated();
  throw new Forbidden(actor.disabled ? "Your account is disabled. Ask an admin to enable it." : decision.reason);
}
