/** The answer of a policy rule: allowed, or refused with a reason fit to show the user. */
export type Decision = { allowed: true } | { allowed: false; reason: string };

export const allow: Decision = { allowed: true };

export function deny(reason: string): Decision {
  return { allowed: false, reason };
}

/** Signed in and not disabled: the precondition of every rule. */
export function activeActor<A extends { disabled: boolean }>(actor: A | null | undefined): actor is A {
  return !!actor && !actor.disabled;
}
