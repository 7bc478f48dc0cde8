import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { articles, originalChecks, webhookDeliveries } from "@/db/schema";
import { documentFromPlainText } from "@/lib/articles/document";
import { previewWebPage, readWebPage } from "@/lib/articles/import/web-page/service";
import { listArticles } from "@/lib/articles/list";
import { checkOriginal, checkOriginalNow, dismissOriginalChange, paragraphDifference, readOriginalWatch, takeDueChecks, type OriginalReader } from "@/lib/articles/original-watch";
import { destinationPolicy } from "@/lib/http/destination";
import { saveRevision } from "@/lib/revisions/service";
import type { Actor } from "@/lib/users/actor";
import { createWebhook } from "@/lib/webhooks/service";
import { describeEntry } from "@/lib/audit/describe";
import { listAuditEntries } from "@/lib/audit/queries";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addUser } from "./fixtures";

const FIRST = "The ferry will sail twice a day from Monday, the operator said.";
const SECOND = "Commuters said they would be stranded.";
const CHANGED = "Commuters said they would be stranded, and the council asked for a meeting.";

/** The newspaper's site on this machine: `/story` (whatever its query) is the article as it stands now, in plain text; anything else answers 404. */
let server: Server;
let site = "";
let story = `${FIRST}\n\n${SECOND}`;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url?.startsWith("/story")) return response.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" }).end(story);
    response.writeHead(404, { "Content-Type": "text/html" }).end("<p>Not found</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** The desk's reader of originals, allowed to this machine. */
const read: OriginalReader = (url) => readWebPage(url, destinationPolicy("127.0.0.1"));
const HOURS = 6;
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 3, 9, minutes));

describeOnEveryEngine("the watch on an article's original", (db) => {
  let editor: Actor;
  let reviewer: Actor;
  let article: { id: string };

  beforeEach(async () => {
    story = `${FIRST}\n\n${SECOND}`;
    editor = await addUser(db(), "editor", { name: "Eddie Editor" });
    reviewer = await addUser(db(), "reviewer", { name: "Rita Reviewer" });
    article = await addArticle(db(), `${FIRST}\n${SECOND}`);
    await db().update(articles).set({ originalUrl: `${site}/story` }).where(eq(articles.id, article.id));
  });

  const check = (minutes: number) => checkOriginal(db(), article.id, HOURS, read, at(minutes));
  const watch = () => readOriginalWatch(db(), reviewer, article.id);

  it("is taken by one instance at a time, and is due again hours after each read", async () => {
    const now = new Date();
    const [first, second] = await Promise.all([takeDueChecks(db(), now, 5), takeDueChecks(db(), now, 5)]);
    expect([...first, ...second]).toEqual([article.id]);
    expect(await takeDueChecks(db(), now, 5)).toEqual([]);
    // An instance that took it and died leaves it to another ten minutes later.
    expect(await takeDueChecks(db(), new Date(now.getTime() + 11 * 60_000), 5)).toEqual([article.id]);
    await checkOriginal(db(), article.id, HOURS, read, now);
    expect(await takeDueChecks(db(), new Date(now.getTime() + 5 * 3_600_000), 5)).toEqual([]);
    expect(await takeDueChecks(db(), new Date(now.getTime() + 6 * 3_600_000), 5)).toEqual([article.id]);
  });

  it("leaves articles without a web address, archived ones and those added over 30 days ago alone", async () => {
    const archived = await addArticle(db(), "Archived.");
    const old = await addArticle(db(), "Old.");
    const noAddress = await addArticle(db(), "No address.");
    await db().update(articles).set({ originalUrl: `${site}/story`, archivedAt: new Date() }).where(eq(articles.id, archived.id));
    await db().update(articles).set({ originalUrl: `${site}/story`, createdAt: new Date(Date.now() - 31 * 86_400_000) }).where(eq(articles.id, old.id));
    await db().update(articles).set({ originalUrl: "mailto:desk@example.org" }).where(eq(articles.id, noAddress.id));
    expect(await takeDueChecks(db(), new Date(), 10)).toEqual([article.id]);
  });

  it("knows the original at its first read; a change shows, dated when first seen, until a revision saved after it answers it", async () => {
    await createWebhook(db(), await addUser(db(), "admin"), { url: "https://chat.example/hook", events: ["article.original_changed"], format: "slack" });
    const told = async () => (await db().select({ event: webhookDeliveries.event }).from(webhookDeliveries)).map(({ event }) => (event as { data: unknown }).data);
    expect(await watch()).toBeNull();
    await takeDueChecks(db(), at(0), 5);
    await check(0);
    expect(await watch()).toEqual({ url: `${site}/story`, checkedAt: at(0).toISOString(), changed: null, failure: null });

    story = `${FIRST}\n\n${CHANGED}`;
    await check(10);
    await check(20); // the same change, read again: still dated when it was first seen
    const changed = { at: at(10).toISOString(), inRevision: 1, paragraphsAdded: 1, paragraphsRemoved: 1 };
    expect(await watch()).toEqual({ url: `${site}/story`, checkedAt: at(20).toISOString(), changed, failure: null });
    const listed = async () => (await listArticles(db(), reviewer)).articles.find((a) => a.id === article.id)!.originalChangedAt;
    expect(await listed()).toBe(at(10).toISOString());
    // Webhooks hear of the change once, not at every read of the same text.
    expect(await told()).toEqual([
      {
        article: { id: article.id, title: "Mines for Ukraine", url: expect.stringMatching(new RegExp(`^https?://[^/]+/articles/${article.id}$`)) },
        original: `${site}/story`,
        seenAt: at(10).toISOString(),
        revision: 1,
        paragraphsAdded: 1,
        paragraphsRemoved: 1,
      },
    ]);

    // The editor imports the new version: the change is answered at once, and its text is what the desk knows.
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: documentFromPlainText(`${FIRST}\n${CHANGED}`).toJSON() });
    expect((await watch())!.changed).toBeNull();
    expect(await listed()).toBeNull();
    await check(30);
    expect((await watch())!.changed).toBeNull();

    // A later change is a new one, seen in revision 2.
    story = `${FIRST}`;
    await check(40);
    expect((await watch())!.changed).toEqual({ at: at(40).toISOString(), inRevision: 2, paragraphsAdded: 0, paragraphsRemoved: 1 });
    expect((await told()).map((data) => (data as { seenAt: string }).seenAt)).toEqual([at(10).toISOString(), at(40).toISOString()]);
  });

  it("is a change no more once an editor dismisses it, or the original goes back to what the desk knew", async () => {
    await check(0);
    story = `${FIRST}\n\n${CHANGED}`;
    await check(10);
    await expect(dismissOriginalChange(db(), reviewer, article.id)).rejects.toMatchObject({ name: "Forbidden" });
    expect((await dismissOriginalChange(db(), editor, article.id))!.changed).toBeNull();
    const [entry] = (await listAuditEntries(db(), await addUser(db(), "admin"), { article: article.id })).entries;
    expect(entry).toMatchObject({ actor: { name: "Eddie Editor" }, before: { originalChange: { url: `${site}/story`, seenAt: at(10).toISOString(), paragraphsAdded: 1, paragraphsRemoved: 1 } } });
    expect(describeEntry(entry!)).toBe("dismissed a change of the article's original (nothing in it for the fact-check)");
    await check(20);
    expect((await watch())!.changed).toBeNull();

    story = `${FIRST}\n\n${SECOND}`;
    await check(30);
    expect((await watch())!.changed).not.toBeNull();
    story = `${FIRST}\n\n${CHANGED}`;
    await check(40);
    expect((await watch())!.changed).toBeNull();
  });

  it("says why the original could not be read, and forgets it at the next read", async () => {
    await check(0);
    await db().update(articles).set({ originalUrl: `${site}/gone` }).where(eq(articles.id, article.id));
    await db().update(originalChecks).set({ url: `${site}/gone` }).where(eq(originalChecks.articleId, article.id));
    await checkOriginal(db(), article.id, HOURS, read, at(10));
    expect((await watch())!.failure).toEqual({ at: at(10).toISOString(), message: expect.stringMatching(/^There is no page at this address \(127\.0\.0\.1:\d+ answered HTTP 404\): check it\.$/) });
    const [row] = await db().select({ dueAt: originalChecks.dueAt }).from(originalChecks);
    expect(row!.dueAt.toISOString()).toBe(new Date(at(10).getTime() + HOURS * 3_600_000).toISOString());
  });

  it("starts afresh at a new address: what is there is what the desk knows", async () => {
    await check(0);
    // A new address that fails forgets the old one's text.
    await db().update(articles).set({ originalUrl: `${site}/moved` }).where(eq(articles.id, article.id));
    await check(5);
    expect(await watch()).toMatchObject({ url: `${site}/moved`, checkedAt: null, changed: null, failure: { at: at(5).toISOString() } });
    story = `Another story altogether.`;
    await db().update(articles).set({ originalUrl: `${site}/story?edition=2` }).where(eq(articles.id, article.id));
    // Until it is read, the watch is of the old address and says nothing.
    expect(await watch()).toBeNull();
    await check(10);
    expect(await watch()).toMatchObject({ url: `${site}/story?edition=2`, checkedAt: at(10).toISOString(), changed: null });
  });

  it("fetched again as a new version, shows what it changes in the article's text, word by word", async () => {
    story = `${FIRST}\n\n${CHANGED}`;
    const local = destinationPolicy("127.0.0.1");
    const page = await previewWebPage(editor, { url: `${site}/story`, article: article.id }, local, db());
    expect(page.comparison).toEqual({
      from: 1,
      to: 2,
      changes: [
        { type: "equal", text: `${FIRST}\nCommuters said they would be stranded` },
        { type: "insert", text: ", and the council asked for a meeting" },
        { type: "equal", text: "." },
      ],
    });
    await expect(previewWebPage(editor, { url: `${site}/story`, article: "00000000-0000-4000-8000-000000000000" }, local, db())).rejects.toMatchObject({ name: "NotFound" });
    await expect(previewWebPage(editor, { url: `${site}/story`, article: "not-an-id" }, local, db())).rejects.toMatchObject({ fields: { article: "must be an article id" } });
  });

  it("is read at once by an editor who asks, not by a reviewer; an article without an address says where to add one", async () => {
    await expect(checkOriginalNow(db(), reviewer, article.id, HOURS, read)).rejects.toMatchObject({ name: "Forbidden" });
    expect(await checkOriginalNow(db(), editor, article.id, HOURS, read)).toMatchObject({ url: `${site}/story`, changed: null, failure: null });
    await db().update(articles).set({ originalUrl: null }).where(eq(articles.id, article.id));
    await expect(checkOriginalNow(db(), editor, article.id, HOURS, read)).rejects.toMatchObject({ name: "Invalid", fields: { originalUrl: "is required to check the original" } });
    await expect(checkOriginalNow(db(), editor, "00000000-0000-4000-8000-000000000000", HOURS, read)).rejects.toMatchObject({ name: "NotFound" });
  });
});

it("counts the paragraphs only the original has, and only the article has, blind to spacing and order", () => {
  expect(paragraphDifference("A.\nB  changed.\nC.\nC.", "A.\n B.\nC.")).toEqual({ added: 2, removed: 1 });
  expect(paragraphDifference("B.\nA.", "A.\nB.")).toEqual({ added: 0, removed: 0 });
});
