import { describe, expect, it } from "vitest";
import type { ClaimInboxItem as InboxItem, InboxItem as AnyItem, OriginalInboxItem } from "@/lib/comments/inbox";
import { inboxEntries } from "@/lib/comments/inbox-entries";

let next = 0;
const item = (change: Partial<InboxItem> = {}): InboxItem => ({
  id: `item-${++next}`,
  kind: "review",
  reason: "approved",
  author: { id: "ed", name: "Ed Editor" },
  excerpt: "",
  revision: null,
  dueOn: null,
  createdAt: "2026-11-30T10:00:00.000Z",
  unread: true,
  claim: { id: `claim-${next}`, quote: `Claim ${next}` },
  article: { id: "mines", title: "Mines for Ukraine" },
  ...change,
});

const shape = (items: AnyItem[]) => inboxEntries(items).map((entry) => (entry.kind === "group" ? entry.items.map((one) => one.id) : entry.item.id));

describe("inboxEntries: what one person did at once reads as one entry", () => {
  it("groups a run of the same decision by the same person on one article, keeping the order", () => {
    const [a, b, c, d] = [item(), item(), item(), item({ reason: "rejected" })];
    expect(shape([a!, b!, c!, d!])).toEqual([[a!.id, b!.id, c!.id], d!.id]);
  });

  it("groups the claims one revision took, but not those of another revision", () => {
    const [a, b, c] = [item({ reason: "orphaned", revision: 4 }), item({ reason: "orphaned", revision: 4 }), item({ reason: "orphaned", revision: 3 })];
    expect(shape([a!, b!, c!])).toEqual([[a!.id, b!.id], c!.id]);
  });

  it("keeps apart another person, another article, another reason given, and runs that something else interrupts", () => {
    const [a, b, c, d, e, f] = [
      item(),
      item({ author: { id: "ada", name: "Ada Admin" } }),
      item({ article: { id: "budget", title: "Budget" } }),
      item({ reason: "changes_requested", excerpt: "Cite the report." }),
      item({ reason: "changes_requested", excerpt: "Add a source." }),
      item(),
    ];
    expect(shape([a!, b!, c!, d!, e!, f!])).toEqual([a!.id, b!.id, c!.id, d!.id, e!.id, f!.id]);
  });

  it("groups claims assigned at once only when they are due the same day", () => {
    const [a, b, c] = [item({ reason: "assigned", dueOn: "2026-12-04" }), item({ reason: "assigned", dueOn: "2026-12-04" }), item({ reason: "assigned", dueOn: null })];
    expect(shape([a!, b!, c!])).toEqual([[a!.id, b!.id], c!.id]);
  });

  it("keeps a changed original on its own line, and a run it interrupts apart", () => {
    const original: OriginalInboxItem = {
      id: "original-1",
      kind: "original",
      createdAt: "2026-11-30T10:00:00.000Z",
      unread: true,
      article: { id: "mines", title: "Mines for Ukraine" },
      original: { url: "https://news.example/mines", revision: 1, paragraphsAdded: 1, paragraphsRemoved: 0 },
    };
    const [a, b] = [item(), item()];
    expect(inboxEntries([a!, original, b!]).map((entry) => entry.kind)).toEqual(["item", "original", "item"]);
    expect(shape([original, a!, b!])).toEqual(["original-1", [a!.id, b!.id]]);
  });

  it("never groups comments: each has its own words", () => {
    const [a, b] = [item({ kind: "comment", reason: "mention" }), item({ kind: "comment", reason: "mention" })];
    expect(shape([a!, b!])).toEqual([a!.id, b!.id]);
  });
});
