import { formatDueDate } from "@/lib/dates";
import type { ClaimInboxItem, OriginalInboxItem } from "./inbox";

/**
 * What the item's author did, to one claim (said before its quote: "approved the claim") or to
 * `count` claims at once: the inbox's words, and its emails'.
 */
export function inboxActionOf(item: ClaimInboxItem, count = 1): string {
  const claims = count === 1 ? "the claim" : `${count} claims`;
  switch (item.reason) {
    case "mention":
      return `mentioned you on ${claims}`;
    case "reply":
      return `replied in a thread you are in on ${claims}`;
    case "submitted":
      return `submitted for review ${claims}`;
    case "approved":
      return `approved ${claims}`;
    case "rejected":
      return `rejected ${claims}`;
    case "changes_requested":
      return `asked for changes to ${claims}`;
    case "reopened":
      return `reopened ${claims}`;
    case "orphaned":
      return item.revision === null ? `saved a revision that took the text of ${claims}` : `saved revision ${item.revision}, which took the text of ${claims}`;
    case "assigned":
      return `assigned you ${claims}`;
    case "unassigned":
      return `took you off ${claims}`;
    case "due_changed":
      return `changed the due date of ${claims}`;
    case "resolved":
      return `resolved a thread you are in on ${claims}`;
  }
}

/** The due date an assignment set, as a line under the item ("Due 4 Dec 2026."); null when it says nothing of one. */
export function inboxDueLineOf(item: ClaimInboxItem): string | null {
  if (item.reason === "due_changed") return item.dueOn ? `Due ${formatDueDate(item.dueOn)}.` : "No due date any more.";
  return item.reason === "assigned" && item.dueOn ? `Due ${formatDueDate(item.dueOn)}.` : null;
}

const paragraphs = (n: number) => `${n} ${n === 1 ? "paragraph" : "paragraphs"}`;

/** How a changed original differed from the article's text when the desk saw it ("1 paragraph only the original has, 2 paragraphs only the desk's revision 3 has"). */
export function originalChangeOf(item: OriginalInboxItem): string {
  const { paragraphsAdded, paragraphsRemoved, revision } = item.original;
  return `${paragraphs(paragraphsAdded)} only the original has, ${paragraphs(paragraphsRemoved)} only the desk's revision ${revision} has`;
}
