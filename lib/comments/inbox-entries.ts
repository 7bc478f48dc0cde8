import type { ClaimInboxItem, InboxItem, OriginalInboxItem } from "./inbox";

/**
 * One line of the inbox: an item on a claim, or several that one person did at once to the reader's
 * claims on one article (a bulk approval, a revision that took the text of many claims), read as one;
 * or an article's original changed.
 */
export type InboxEntry =
  | { kind: "item"; item: ClaimInboxItem }
  | { kind: "group"; items: [ClaimInboxItem, ClaimInboxItem, ...ClaimInboxItem[]] }
  | { kind: "original"; item: OriginalInboxItem };

/** Whether `next` is the same act as `item`, on another claim: same person, decision, article, revision, due date and reason given. */
function sameAct(item: ClaimInboxItem, next: ClaimInboxItem): boolean {
  return (
    item.kind === "review" &&
    next.kind === "review" &&
    item.reason === next.reason &&
    item.author.id === next.author.id &&
    item.article.id === next.article.id &&
    item.revision === next.revision &&
    item.dueOn === next.dueOn &&
    item.excerpt === next.excerpt
  );
}

/**
 * The page's items as the inbox shows them, in the same order: runs of the same act on several
 * claims (`sameAct`, next to each other, as an act done at once lands) become one entry. Comments
 * are never grouped: each has its own words; nor are changed originals, each on its own article.
 */
export function inboxEntries(items: readonly InboxItem[]): InboxEntry[] {
  const entries: InboxEntry[] = [];
  for (const item of items) {
    if (item.kind === "original") {
      entries.push({ kind: "original", item });
      continue;
    }
    const last = entries.at(-1);
    const previous = last?.kind === "group" ? last.items[0] : last?.kind === "item" ? last.item : undefined;
    if (last && last.kind !== "original" && previous && sameAct(previous, item)) {
      if (last.kind === "group") last.items.push(item);
      else entries[entries.length - 1] = { kind: "group", items: [last.item, item] };
    } else {
      entries.push({ kind: "item", item });
    }
  }
  return entries;
}
