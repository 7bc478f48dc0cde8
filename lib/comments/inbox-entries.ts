import type { InboxItem } from "./inbox";

/**
 * One line of the inbox: an item, or several that one person did at once to the reader's claims on
 * one article (a bulk approval, a revision that took the text of many claims), read as one.
 */
export type InboxEntry = { kind: "item"; item: InboxItem } | { kind: "group"; items: [InboxItem, InboxItem, ...InboxItem[]] };

/** Whether `next` is the same act as `item`, on another claim: same person, decision, article, revision, due date and reason given. */
function sameAct(item: InboxItem, next: InboxItem): boolean {
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
 * are never grouped: each has its own words.
 */
export function inboxEntries(items: readonly InboxItem[]): InboxEntry[] {
  const entries: InboxEntry[] = [];
  for (const item of items) {
    const last = entries.at(-1);
    const previous = last?.kind === "group" ? last.items[0] : last?.item;
    if (last && previous && sameAct(previous, item)) {
      if (last.kind === "group") last.items.push(item);
      else entries[entries.length - 1] = { kind: "group", items: [last.item, item] };
    } else {
      entries.push({ kind: "item", item });
    }
  }
  return entries;
}
