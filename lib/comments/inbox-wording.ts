import type { InboxItem } from "./inbox";

/**
 * What the item's author did, to one claim (said before its quote: "approved the claim") or to
 * `count` claims at once: the inbox's words, and its emails'.
 */
export function inboxActionOf(item: InboxItem, count = 1): string {
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
  }
}
