import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { annotations, articles, users } from "@/db/schema";
import { assignAnnotation } from "@/lib/annotations/assignment";
import { discardAnnotation } from "@/lib/annotations/placement";
import { createAnnotation } from "@/lib/annotations/service";
import { createArticleFromText } from "@/lib/articles/create";
import { documentFromPlainText } from "@/lib/articles/document";
import { readWebPage } from "@/lib/articles/import/web-page/service";
import { checkOriginal, type OriginalReader } from "@/lib/articles/original-watch";
import { countUnread, listInbox, markInboxSeen, markOpenedRead } from "@/lib/comments/inbox";
import { Invalid } from "@/lib/errors";
import { destinationPolicy } from "@/lib/http/destination";
import type { Email } from "@/lib/notifications/inbox-email";
import { emailInboxNotifications } from "@/lib/notifications/notify";
import { publishArticle } from "@/lib/publishing/service";
import { changeStatus } from "@/lib/reviews/service";
import { saveRevision } from "@/lib/revisions/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addUser, ARTICLE_TEXT, completeClaim, selectorsOf } from "./fixtures";

const [FIRST, , THIRD] = ARTICLE_TEXT.split("\n") as [string, string, string];

/** The newspaper's site on this machine: `/story` is the article as it stands now, in plain text. */
let server: Server;
let site = "";
let story = ARTICLE_TEXT;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/story") return response.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" }).end(story);
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const read: OriginalReader = (url) => readWebPage(url, destinationPolicy("127.0.0.1"));

describeOnEveryEngine("the inbox: an article's original changed", (db) => {
  let cast: Record<"importer" | "author" | "assignee" | "approver" | "publisher" | "discarded" | "disabled" | "bystander", Actor>;
  let articleId: string;

  const check = () => checkOriginal(db(), articleId, 6, read);
  const originalsOf = async (who: Actor) => (await listInbox(db(), who)).items.filter((item) => item.kind === "original");

  beforeEach(async () => {
    story = ARTICLE_TEXT;
    cast = {
      importer: await addUser(db(), "editor", { name: "Ina Importer" }),
      author: await addUser(db(), "reviewer", { name: "Rita Reviewer" }),
      assignee: await addUser(db(), "reviewer", { name: "Olga Assignee" }),
      approver: await addUser(db(), "editor", { name: "Ed Approver" }),
      publisher: await addUser(db(), "editor", { name: "Pat Publisher" }),
      discarded: await addUser(db(), "reviewer", { name: "Dina Discarded" }),
      disabled: await addUser(db(), "reviewer", { name: "Dora Disabled" }),
      bystander: await addUser(db(), "reviewer", { name: "Una Unrelated" }),
    };
    articleId = (await createArticleFromText(db(), { title: "Mines for Ukraine", text: ARTICLE_TEXT, addedBy: cast.importer.id })).id;
    await db().update(articles).set({ originalUrl: `${site}/story` }).where(eq(articles.id, articleId));
    const plainText = ARTICLE_TEXT;

    // Rita's claim, assigned to Olga, approved by Ed; then the article published by Pat.
    const claim = await createAnnotation(db(), cast.author, articleId, { selectors: selectorsOf(plainText, "anti-personnel mines"), ...completeClaim });
    let version = (await assignAnnotation(db(), cast.approver, claim.id, { assigneeId: cast.assignee.id })).version;
    version = (await changeStatus(db(), cast.author, claim.id, { to: "in_review", version })).version;
    await changeStatus(db(), cast.approver, claim.id, { to: "approved", version });
    await publishArticle(db(), cast.publisher, articleId);

    // Dina's claim was on a paragraph a revision took out, and she discarded it; Dora's account is disabled.
    const gone = await createAnnotation(db(), cast.discarded, articleId, { selectors: selectorsOf(plainText, "deactivate on their own") });
    await createAnnotation(db(), cast.disabled, articleId, { selectors: selectorsOf(plainText, "Ukrainian territory") });
    await saveRevision(db(), cast.approver, articleId, { baseRevision: 1, doc: documentFromPlainText(`${FIRST}\n${THIRD}`).toJSON() });
    const [orphan] = await db().select({ version: annotations.version }).from(annotations).where(eq(annotations.id, gone.id));
    await discardAnnotation(db(), cast.discarded, gone.id, { version: orphan!.version });
    await db().update(users).set({ disabled: true }).where(eq(users.id, cast.disabled.id));

    story = `${FIRST}\n${THIRD}`;
    await check(); // the first read: what the desk knows
    await db().execute(sql`update users set notified_until = now() - interval '1 hour', inbox_seen_at = null`);
  });

  it("reaches whoever added, published or works on the article, once for each new text", async () => {
    const before = new Map(await Promise.all(Object.values(cast).map(async (who) => [who.id, await countUnread(db(), who)] as const)));

    story = `${FIRST}\n${THIRD} Officials later said the mines had not yet been sent.\nA new paragraph.`;
    await check();
    await check(); // the same text read again is no news

    for (const [role, who] of Object.entries(cast)) {
      const expected = ["importer", "author", "assignee", "approver", "publisher"].includes(role) ? 1 : 0;
      expect(await countUnread(db(), who), role).toBe(before.get(who.id)! + expected);
      expect(await originalsOf(who), role).toHaveLength(expected);
    }
    const [item] = await originalsOf(cast.publisher);
    expect(item).toMatchObject({
      kind: "original",
      unread: true,
      article: { id: articleId, title: "Mines for Ukraine" },
      original: { url: `${site}/story`, revision: 2, paragraphsAdded: 2, paragraphsRemoved: 1 },
    });

    // A later change is news again.
    story = FIRST;
    await check();
    expect((await originalsOf(cast.importer)).map(({ original }) => [original.paragraphsAdded, original.paragraphsRemoved])).toEqual([
      [0, 1],
      [2, 1],
    ]);
  });

  it("is read once its reader opens the article, and emailed to those who did not", async () => {
    story = `${FIRST}\n${THIRD}\nA new paragraph.`;
    await check();
    expect(await countUnread(db(), cast.importer)).toBe(1);
    await markOpenedRead(db(), cast.importer, { articleId });
    expect(await countUnread(db(), cast.importer)).toBe(0);
    expect(await originalsOf(cast.importer)).toMatchObject([{ unread: false }]);
    // Opening it is the reader's alone: the publisher's stays new.
    expect(await originalsOf(cast.publisher)).toMatchObject([{ unread: true }]);

    const outbox: Email[] = [];
    await emailInboxNotifications(db(), async (email) => void outbox.push(email), { appUrl: "https://desk.example.org", newsroom: "The Courier", delaySeconds: 0, daily: { at: "08:00", timeZone: "UTC" } });
    const toPublisher = outbox.find((email) => email.to.name === "Pat Publisher")!;
    expect(toPublisher.subject).toBe("The original of “Mines for Ukraine” has changed");
    expect(toPublisher.text).toContain("The original of “Mines for Ukraine” has changed at its web address: 1 paragraph only the original has, 0 paragraphs only the desk's revision 2 has.");
    expect(toPublisher.text).toContain(`The article: https://desk.example.org/articles/${articleId}\nThe original: ${site}/story`);
    // The importer opened it: nothing of it is emailed to her.
    expect(outbox.some((email) => email.to.name === "Ina Importer")).toBe(false);

    // Opening the inbox marks it seen like any other item.
    await markInboxSeen(db(), cast.publisher, { until: new Date().toISOString() });
    expect(await countUnread(db(), cast.publisher)).toBe(0);
  });

  it("refuses to mark read without saying what was opened, or with both", async () => {
    await expect(markOpenedRead(db(), cast.importer, {})).rejects.toThrow(/annotationId.*articleId/);
    await expect(markOpenedRead(db(), cast.importer, { articleId, annotationId: articleId })).rejects.toBeInstanceOf(Invalid);
    await expect(markOpenedRead(db(), cast.importer, { articleId: "not-an-id" })).rejects.toThrow(/articleId: must be the id of an article/);
  });
});
