import { activeActor, allow, deny, type Decision } from "./decision";
import type { Role } from "@/lib/users/roles";

/** Who may do what in an annotation's discussion. */
type Actor = { id: string; role: Role; disabled: boolean } | null;
type Comment = { authorId: string; deleted: boolean };

const SIGN_IN = deny("Sign in with an active account to do this.");

/** Everyone on the desk may take part in any claim's discussion. */
export function mayComment(actor: Actor): Decision {
  return activeActor(actor) ? allow : SIGN_IN;
}

/** A comment is its author's to edit or delete; a deleted one stays deleted. */
export function mayChangeComment(actor: Actor, comment: Comment): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  if (comment.deleted) return deny("This comment was deleted.");
  return actor.id === comment.authorId ? allow : deny("Only a comment's author can change or delete it.");
}

/**
 * Anyone on the desk may resolve a thread once it is settled, or reopen it, as in a document
 * editor's margin: resolving folds the thread away, it removes nothing.
 */
export function mayResolveThread(actor: Actor): Decision {
  return activeActor(actor) ? allow : SIGN_IN;
}
