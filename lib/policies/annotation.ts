import type { ReviewAction } from "@/lib/reviews/transitions";
import { hasRole, type Role } from "@/lib/users/roles";
import { activeActor, allow, deny, type Decision } from "./decision";

/** Who may do what with annotations. Whether the annotation's status permits it is the workflow's concern. */
type Actor = { id: string; role: Role; disabled: boolean } | null;
type Annotation = { author: { id: string }; assignee?: { id: string } | null };

/** The people who work on a claim's content: its author, and the reviewer it is assigned to. */
const worksOn = (actor: { id: string }, annotation: Annotation) => actor.id === annotation.author.id || actor.id === annotation.assignee?.id;

const SIGN_IN = deny("Sign in with an active account to do this.");

export function mayViewAnnotations(actor: Actor): Decision {
  return activeActor(actor) ? allow : SIGN_IN;
}

export function mayCreateAnnotation(actor: Actor): Decision {
  return activeActor(actor) ? allow : SIGN_IN;
}

export function mayEditAnnotation(actor: Actor, annotation: Annotation): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  return worksOn(actor, annotation) ? allow : deny("Only the annotation's author or the reviewer it is assigned to can change it.");
}

export function mayDeleteAnnotation(actor: Actor, annotation: Annotation): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  if (actor.id === annotation.author.id || actor.role === "admin") return allow;
  return deny("Only the annotation's author or an admin can delete it.");
}

/**
 * Placing an annotation on the text after a revision moved it (re-attaching an orphan, confirming a
 * doubtful placement, discarding an orphan) is its author's, or any editor's: orphans are the desk's
 * problem once the author has moved on.
 */
export function mayPlaceAnnotation(actor: Actor, annotation: Annotation): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  if (actor.id === annotation.author.id || hasRole(actor.role, "editor")) return allow;
  return deny("Only the annotation's author or an editor can place it on the text.");
}

/**
 * Submitting is for those who work on the claim (its author, its assignee); every other review
 * action is an editor's, never on a claim they wrote or were assigned to check.
 */
export function mayTakeReviewAction(actor: Actor, annotation: Annotation, action: ReviewAction): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  if (action === "submit") {
    return worksOn(actor, annotation) ? allow : deny("Only the annotation's author or the reviewer it is assigned to can submit it for review.");
  }
  if (!hasRole(actor.role, "editor")) return deny("Only editors can review annotations.");
  if (actor.id === annotation.author.id) return deny("You cannot review an annotation you wrote: another editor must.");
  if (actor.id === annotation.assignee?.id) return deny("You cannot review a claim you were assigned to check: another editor must.");
  return allow;
}

/** An assignment as requested: who should check the claim (null: nobody), and by when (null: no deadline; absent: unchanged). */
type AssignmentChange = { assigneeId: string | null; dueOn?: string | null };

/**
 * Editors assign any claim to anyone and set due dates. A reviewer may take an unassigned claim
 * for themselves, and give back one assigned to them; nothing else, so the desk's plan holds.
 */
export function mayAssignAnnotation(actor: Actor, annotation: { assignee: { id: string } | null; dueOn: string | null }, change: AssignmentChange): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  if (mayPlanAssignments(actor).allowed) return allow;
  const keepsDueDate = change.dueOn === undefined || change.dueOn === annotation.dueOn;
  const takes = change.assigneeId === actor.id && annotation.assignee === null;
  const givesBack = change.assigneeId === null && annotation.assignee?.id === actor.id;
  if ((takes || givesBack) && keepsDueDate) return allow;
  return deny("Only editors can assign claims to others or set due dates; you can take an unassigned claim or give back your own.");
}

/** Assigning claims to anyone and setting due dates: the desk's plan, an editor's. */
export function mayPlanAssignments(actor: Actor): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  return hasRole(actor.role, "editor") ? allow : deny("Only editors can assign claims to others or set due dates.");
}

/** Bulk actions over the review queue are an editor's. */
export function mayActInBulk(actor: Actor): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  return hasRole(actor.role, "editor") ? allow : deny("Only editors can act on several claims at once.");
}
