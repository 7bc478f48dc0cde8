import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { annotations, comments } from "@/db/schema";
import { createAnnotation } from "@/lib/annotations/service";
import { discardAnnotation } from "@/lib/annotations/placement";
import { countUnread, INBOX_PAGE_SIZE, listInbox, markOpenedRead, markInboxSeen, type ClaimInboxItem, type InboxPage } from "@/lib/comments/inbox";
import { addComment, deleteComment, editComment, resolveThread } from "@/lib/comments/service";
import { assignAnnotation } from "@/lib/annotations/assignment";
import { documentFromPlainText } from "@/lib/articles/document";
import { changeStatus } from "@/lib/reviews/service";
import { saveRevision } from "@/lib/revisions/service";
import { Invalid, Unauthenticated } from "@/lib/errors";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addUser, completeClaim, selectorsOf } from "./fixtures";

/** The items on claims (none of these articles has an original that could change). */
const claimItems = (page: InboxPage) => page.items.filter((item): item is ClaimInboxItem => item.kind !== "original");

describeOnEveryEngine("the inbox: mentions and replies", (db, engine) => {
  let rita: Actor;
  let ed: Actor;
  let olga: Actor;
  let claimId: string;

  beforeEach(async () => {
    rita = await addUser(db(), "reviewer", { name: "Rita" });
    ed = await addUser(db(), "editor", { name: "Ed" });
    olga = await addUser(db(), "reviewer", { name: "Olga" });
    const article = await addArticle(db());
    claimId = (await createAnnotation(db(), rita, article.id, { selectors: selectorsOf(article.plainText, "non-persistent") })).id;
  });

  const say = (who: Actor, body: string, options: { parentId?: string; mentions?: string[] } = {}) => addComment(db(), who, claimId, { body, ...options });
  const inboxOf = async (who: Actor) => claimItems(await listInbox(db(), who)).map((item) => [item.author.name, item.reason, item.excerpt, item.unread]);

  it("holds the comments that mention you and the replies in threads you are in, newest first, never your own", async () => {
    const question = await say(rita, "Is the shipment confirmed?");
    await say(ed, "Yes, @Olga has the briefing.", { parentId: question.id, mentions: [olga.id] });
    await say(olga, "Here it is.", { parentId: question.id });
    await say(rita, "Thanks both.", { parentId: question.id });
    await say(ed, "A separate thread.");

    expect(await inboxOf(rita)).toEqual([
      ["Olga", "reply", "Here it is.", true],
      ["Ed", "reply", "Yes, @Olga has the briefing.", true],
    ]);
    // Olga was mentioned, then replied: Rita's later reply in that thread is for her too.
    expect(await inboxOf(olga)).toEqual([
      ["Rita", "reply", "Thanks both.", true],
      ["Ed", "mention", "Yes, @Olga has the briefing.", true],
    ]);
    expect(await inboxOf(ed)).toEqual([
      ["Rita", "reply", "Thanks both.", true],
      ["Olga", "reply", "Here it is.", true],
    ]);
    const [item] = claimItems(await listInbox(db(), rita));
    expect(item).toMatchObject({ claim: { id: claimId, quote: "non-persistent" }, article: { title: "Mines for Ukraine" } });
  });

  it("counts what came after you last opened the inbox, and never moves that moment back", async () => {
    await say(ed, "@Rita please check.", { mentions: [rita.id] });
    expect(await countUnread(db(), rita)).toBe(1);
    const openedAt = new Date().toISOString();
    await markInboxSeen(db(), rita, { until: openedAt });
    expect(await countUnread(db(), rita)).toBe(0);
    expect(claimItems(await listInbox(db(), rita))[0]!.unread).toBe(false);

    await say(ed, "@Rita and this.", { mentions: [rita.id] });
    await markInboxSeen(db(), rita, { until: "2000-01-01T00:00:00Z" });
    expect(await listInbox(db(), rita)).toMatchObject({ unread: 1, total: 2, items: [{ excerpt: "@Rita and this.", unread: true }, { unread: false }] });
    await expect(markInboxSeen(db(), rita, { until: "yesterday" })).rejects.toBeInstanceOf(Invalid);
  });

  it("leaves out deleted comments and claims that were discarded", async () => {
    const mention = await say(ed, "@Rita look.", { mentions: [rita.id] });
    await deleteComment(db(), ed, mention.id);
    expect(await inboxOf(rita)).toEqual([]);
    await say(ed, "@Rita look again.", { mentions: [rita.id] });
    await assignAnnotation(db(), ed, claimId, { assigneeId: olga.id });
    expect(await countUnread(db(), rita)).toBe(1);
    expect(await countUnread(db(), olga)).toBe(1);
    // A revision orphaned the claim, and an editor discarded it: its comments and its events leave every inbox.
    await db().update(annotations).set({ orphanedAt: new Date() }).where(eq(annotations.id, claimId));
    await discardAnnotation(db(), ed, claimId, { version: 1 });
    expect(await countUnread(db(), rita)).toBe(0);
    expect(await countUnread(db(), olga)).toBe(0);
    expect(await listInbox(db(), olga)).toMatchObject({ items: [], total: 0 });
  });

  it("pages a long inbox and cuts long comments", async () => {
    for (let n = 1; n <= INBOX_PAGE_SIZE + 2; n++) await say(ed, `@Rita note ${n} ${"x".repeat(n === 1 ? 400 : 0)}`.trim(), { mentions: [rita.id] });
    const first = await listInbox(db(), rita);
    expect(first).toMatchObject({ total: INBOX_PAGE_SIZE + 2, pageCount: 2, unread: INBOX_PAGE_SIZE + 2 });
    expect(first.items).toHaveLength(INBOX_PAGE_SIZE);
    const second = await listInbox(db(), rita, { page: "2" });
    expect(claimItems(second).map((item) => item.excerpt.slice(0, 12))).toEqual(["@Rita note 2", "@Rita note 1"]);
    expect(claimItems(second)[1]!.excerpt).toHaveLength(280);
    expect(claimItems(second)[1]!.excerpt.endsWith("…")).toBe(true);
    await expect(listInbox(db(), rita, { page: "0" })).rejects.toBeInstanceOf(Invalid);
  });

  it("holds what others did to your claims: review decisions with their reason, and the revision that took the text", async () => {
    const article = await addArticle(db());
    const claim = await createAnnotation(db(), rita, article.id, { selectors: selectorsOf(article.plainText, "deactivate on their own"), ...completeClaim });
    let version = (await assignAnnotation(db(), ed, claim.id, { assigneeId: olga.id })).version;
    const move = async (who: Actor, to: string, comment?: string) => (version = (await changeStatus(db(), who, claim.id, { to, version, comment })).version);
    await move(rita, "in_review");
    await move(ed, "changes_requested", "Cite the briefing.");
    await move(olga, "in_review");
    await move(ed, "approved");
    await move(ed, "in_review", "The date is wrong.");
    const [first, , third] = article.plainText.split("\n");
    await saveRevision(db(), ed, article.id, { baseRevision: 1, doc: documentFromPlainText(`${first}\n${third}`).toJSON() });

    const reviewsOf = async (who: Actor) =>
      claimItems(await listInbox(db(), who)).filter((item) => item.kind === "review").map((item) => [item.author.name, item.reason, item.excerpt, item.revision]);
    expect(await reviewsOf(rita)).toEqual([
      ["Ed", "orphaned", "", 2],
      ["Ed", "reopened", "The date is wrong.", null],
      ["Ed", "approved", "", null],
      ["Olga", "submitted", "", null],
      ["Ed", "changes_requested", "Cite the briefing.", null],
    ]);
    // The assignee hears of the same, but not of what she did herself; and of being assigned.
    expect((await reviewsOf(olga)).map(([, reason]) => reason)).toEqual(["orphaned", "reopened", "approved", "changes_requested", "submitted", "assigned"]);
    // The editor who did it all hears of nothing; the count covers decisions too.
    expect(await reviewsOf(ed)).toEqual([]);
    expect(await countUnread(db(), rita)).toBe(5);
    const [latest] = claimItems(await listInbox(db(), rita));
    expect(latest).toMatchObject({ claim: { id: claim.id, quote: "deactivate on their own" }, article: { id: article.id }, unread: true });
  });

  it("holds the claims others assign you or take off you, and changes to when yours are due", async () => {
    const assignmentsOf = async (who: Actor) =>
      claimItems(await listInbox(db(), who)).filter((item) => item.kind === "review").map((item) => [item.author.name, item.reason, item.dueOn]);
    await assignAnnotation(db(), ed, claimId, { assigneeId: olga.id, dueOn: "2026-12-04" });
    await assignAnnotation(db(), ed, claimId, { assigneeId: olga.id, dueOn: "2026-12-07" });
    await assignAnnotation(db(), ed, claimId, { assigneeId: olga.id, dueOn: "2026-12-07" });
    await assignAnnotation(db(), ed, claimId, { assigneeId: rita.id });
    await assignAnnotation(db(), rita, claimId, { assigneeId: null });
    expect(await assignmentsOf(olga)).toEqual([
      ["Ed", "unassigned", "2026-12-07"],
      ["Ed", "due_changed", "2026-12-07"],
      ["Ed", "assigned", "2026-12-04"],
    ]);
    // Rita gave the claim back herself: that is not news to her.
    expect(await assignmentsOf(rita)).toEqual([["Ed", "assigned", "2026-12-07"]]);
    expect(await assignmentsOf(ed)).toEqual([]);
    // A reviewer who takes a claim tells nobody.
    await assignAnnotation(db(), olga, claimId, { assigneeId: olga.id });
    expect(await countUnread(db(), olga)).toBe(3);
  });

  it("follows a comment's edits: whom it mentions now hears of it, whom it no longer mentions does not", async () => {
    const note = await say(ed, "@Rita please check.", { mentions: [rita.id] });
    expect(await inboxOf(rita)).toEqual([["Ed", "mention", "@Rita please check.", true]]);
    await editComment(db(), ed, note.id, { body: "@Olga please check.", mentions: [olga.id] });
    expect(await inboxOf(rita)).toEqual([]);
    expect(await inboxOf(olga)).toEqual([["Ed", "mention", "@Olga please check.", true]]);
    expect(await countUnread(db(), olga)).toBe(1);
    // Read on its claim, it stays read when an edit mentions someone else too.
    await markOpenedRead(db(), olga, { annotationId: claimId });
    await editComment(db(), ed, note.id, { body: "@Olga and @Rita please check.", mentions: [olga.id, rita.id] });
    expect(await inboxOf(olga)).toEqual([["Ed", "mention", "@Olga and @Rita please check.", false]]);
    expect(await inboxOf(rita)).toEqual([["Ed", "mention", "@Olga and @Rita please check.", true]]);
  });

  it("tells someone an edit newly mentions when the edit was made, though they opened their inbox after the comment was written", async () => {
    const note = await say(ed, "@Rita please check.", { mentions: [rita.id] });
    await markInboxSeen(db(), olga, { until: new Date().toISOString() });
    await editComment(db(), ed, note.id, { body: "@Rita and @Olga please check.", mentions: [rita.id, olga.id] });
    expect(await inboxOf(olga)).toEqual([["Ed", "mention", "@Rita and @Olga please check.", true]]);
    expect(await countUnread(db(), olga)).toBe(1);
    const [item] = claimItems(await listInbox(db(), olga));
    expect(Date.parse(item!.createdAt)).toBeGreaterThan(Date.parse(note.createdAt));
  });

  it("keeps a reply in someone's thread as new or as read as it was when an edit stops mentioning them", async () => {
    const question = await say(rita, "Is the shipment confirmed?");
    const answer = await say(ed, "@Rita yes, and @Olga has the briefing.", { parentId: question.id, mentions: [rita.id, olga.id] });
    await markOpenedRead(db(), rita, { annotationId: claimId });
    await editComment(db(), ed, answer.id, { body: "Yes, and @Olga has the briefing.", mentions: [olga.id] });
    // Rita started the thread: it is still a reply for her, read as before; Olga's mention stays new.
    expect(await inboxOf(rita)).toEqual([["Ed", "reply", "Yes, and @Olga has the briefing.", false]]);
    expect(await countUnread(db(), rita)).toBe(0);
    expect(await inboxOf(olga)).toEqual([["Ed", "mention", "Yes, and @Olga has the briefing.", true]]);
  });

  // Two transactions at once need two connections, which only PostgreSQL has.
  if (engine === "PostgreSQL") it("tells each of two people replying in one thread at the same moment of the other's reply when it came before theirs", async () => {
    const question = await say(rita, "Is the shipment confirmed?");
    const reply = (tx: Pick<ReturnType<typeof db>, "insert">, author: Actor, body: string) =>
      tx.insert(comments).values({ annotationId: claimId, parentId: question.id, authorId: author.id, body });
    const olgaBegan = deferred();
    const edWrote = deferred();
    const edMayCommit = deferred();
    // Olga's transaction begins first, so hers is the earlier reply; but Ed writes his first and commits
    // only once she is writing hers, which waits for his to commit.
    const olgaReplies = db().transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      // A clear millisecond ahead of Ed's, as the check below reads the times in milliseconds.
      await new Promise((resolve) => setTimeout(resolve, 5));
      olgaBegan.resolve();
      await edWrote.promise;
      setTimeout(edMayCommit.resolve, 200);
      await reply(tx, olga, "The Pentagon says so.");
    });
    await olgaBegan.promise;
    const edReplies = db().transaction(async (tx) => {
      await reply(tx, ed, "Confirmed by the ministry.");
      edWrote.resolve();
      await edMayCommit.promise;
    });
    await Promise.all([olgaReplies, edReplies]);

    const thread = await db().select({ author: comments.authorId, at: comments.createdAt }).from(comments).where(eq(comments.parentId, question.id));
    expect(thread.find((c) => c.author === olga.id)!.at.getTime()).toBeLessThan(thread.find((c) => c.author === ed.id)!.at.getTime());
    // Ed replied after Olga: his reply is for her (and for Rita, who asked); hers, the earlier, is for Rita only.
    expect(await inboxOf(olga)).toEqual([["Ed", "reply", "Confirmed by the ministry.", true]]);
    expect(await inboxOf(ed)).toEqual([]);
    expect((await inboxOf(rita)).map(([author]) => author).sort()).toEqual(["Ed", "Olga"]);
  });

  it("holds the threads you are in that someone else resolved, until they are reopened", async () => {
    const quinn = await addUser(db(), "reviewer", { name: "Quinn" });
    const question = await say(rita, "Is the shipment confirmed, @Quinn?", { mentions: [quinn.id] });
    await say(olga, "The Pentagon says so.", { parentId: question.id });
    await say(ed, "A separate thread.");
    await markInboxSeen(db(), rita, { until: new Date().toISOString() });
    const before = { rita: await countUnread(db(), rita), olga: await countUnread(db(), olga), quinn: await countUnread(db(), quinn), ed: await countUnread(db(), ed) };

    await resolveThread(db(), ed, question.id, { resolved: true });
    const resolutionsOf = async (who: Actor) =>
      claimItems(await listInbox(db(), who)).filter((item) => item.kind === "resolution").map((item) => [item.id, item.author.name, item.reason, item.excerpt, item.unread]);
    // Who started it, who was mentioned in its first comment and who replied in it hear of it; not the one who resolved it.
    for (const who of [rita, olga, quinn]) expect(await resolutionsOf(who)).toEqual([[question.id, "Ed", "resolved", "Is the shipment confirmed, @Quinn?", true]]);
    expect(await resolutionsOf(ed)).toEqual([]);
    expect(await countUnread(db(), rita)).toBe(before.rita + 1);
    expect(await countUnread(db(), olga)).toBe(before.olga + 1);
    expect(await countUnread(db(), quinn)).toBe(before.quinn + 1);
    expect(await countUnread(db(), ed)).toBe(before.ed);
    const [newest] = claimItems(await listInbox(db(), rita));
    expect(newest).toMatchObject({ kind: "resolution", claim: { id: claimId }, article: { title: "Mines for Ukraine" } });

    // Reopened, it is an open matter again, not news of a resolution; resolved by herself, not news to her.
    await resolveThread(db(), olga, question.id, { resolved: false });
    expect(await resolutionsOf(rita)).toEqual([]);
    expect(await countUnread(db(), rita)).toBe(before.rita);
    await resolveThread(db(), rita, question.id, { resolved: true });
    expect(await resolutionsOf(rita)).toEqual([]);
    expect((await resolutionsOf(olga)).map(([, author]) => author)).toEqual(["Rita"]);

    // A discarded claim's resolutions leave every inbox, as its comments do.
    await db().update(annotations).set({ orphanedAt: new Date() }).where(eq(annotations.id, claimId));
    await discardAnnotation(db(), ed, claimId, { version: 1 });
    expect(await resolutionsOf(olga)).toEqual([]);
    expect(await countUnread(db(), olga)).toBe(0);
  });

  it("marks read what it holds of a claim once you open it: no longer new nor counted, and only yours", async () => {
    const article = await addArticle(db());
    const other = (await createAnnotation(db(), ed, article.id, { selectors: selectorsOf(article.plainText, "deactivate on their own") })).id;
    await say(ed, "@Rita please check.", { mentions: [rita.id] });
    await say(ed, "@Olga and you.", { mentions: [olga.id] });
    await addComment(db(), ed, other, { body: "@Rita this one too.", mentions: [rita.id] });
    await assignAnnotation(db(), ed, claimId, { assigneeId: rita.id });
    expect(await countUnread(db(), rita)).toBe(3);

    await markOpenedRead(db(), rita, { annotationId: claimId });
    expect(await countUnread(db(), rita)).toBe(1);
    expect(claimItems(await listInbox(db(), rita)).map((item) => [item.excerpt, item.unread])).toEqual([
      ["", false],
      ["@Rita this one too.", true],
      ["@Rita please check.", false],
    ]);
    expect(await listInbox(db(), rita)).toMatchObject({ total: 3, unread: 1 });
    // Olga has not opened it: hers is still new.
    expect(await countUnread(db(), olga)).toBe(1);
    // What comes after she opened it is new again.
    await say(ed, "@Rita one more thing.", { mentions: [rita.id] });
    expect(await countUnread(db(), rita)).toBe(2);

    await expect(markOpenedRead(db(), rita, { annotationId: "not-an-id" })).rejects.toThrow(/annotationId/);
    await expect(markOpenedRead(db(), null, { annotationId: claimId })).rejects.toBeInstanceOf(Unauthenticated);
  });

  it("is for the signed-in", async () => {
    await expect(listInbox(db(), null)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(countUnread(db(), null)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(markInboxSeen(db(), null, { until: new Date().toISOString() })).rejects.toBeInstanceOf(Unauthenticated);
  });
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
