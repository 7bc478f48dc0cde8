import { hasRole, type Role } from "@/lib/users/roles";
import { activeActor, allow, deny, type Decision } from "./decision";

type Actor = { id: string; role: Role; disabled: boolean } | null;

const SIGN_IN = deny("Sign in with an active account to do this.");

export function mayViewArticles(actor: Actor): Decision {
  return activeActor(actor) ? allow : SIGN_IN;
}

/** Editing the article's text (saving a revision) is an editor's: it moves every reviewer's claims. */
export function mayEditArticle(actor: Actor): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  return hasRole(actor.role, "editor") ? allow : deny("Only editors and admins can edit the article.");
}

/** Creating an article by import is an editor's: the desk decides which articles get fact-checked. */
export function mayImportArticle(actor: Actor): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  return hasRole(actor.role, "editor") ? allow : deny("Only editors and admins can import articles.");
}

/** Publishing an article's fact-check, and taking it down, is an editor's: it speaks for the newsroom in public. */
export function mayPublishArticle(actor: Actor): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  return hasRole(actor.role, "editor") ? allow : deny("Only editors and admins can publish or unpublish an article.");
}

/**
 * Importing annotations from another tool is an editor's: anyone may annotate a claim, but a file can
 * bring hundreds of drafts at once, and the desk decides what lands on its articles.
 */
export function mayImportAnnotations(actor: Actor): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  return hasRole(actor.role, "editor") ? allow : deny("Only editors and admins can import annotations.");
}

/** Archiving an article, restoring it, and deleting one imported by mistake are the desk's editors': they decide which articles are worked on. */
export function mayArchiveArticle(actor: Actor): Decision {
  if (!activeActor(actor)) return SIGN_IN;
  return hasRole(actor.role, "editor") ? allow : deny("Only editors and admins can archive, restore or delete an article.");
}
