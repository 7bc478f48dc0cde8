import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { articles, pageReads } from "@/db/schema";
import { MAX_PAGE_READS, READ_WINDOW_MINUTES, takePageRead } from "@/lib/articles/import/web-page/read-allowance";
import { previewWebPage } from "@/lib/articles/import/web-page/service";
import { checkOriginalNow } from "@/lib/articles/original-watch";
import { destinationPolicy } from "@/lib/http/destination";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addUser, ARTICLE_TEXT, rowCount } from "./fixtures";

const REFUSAL = new RegExp(`^You have had the desk read ${MAX_PAGE_READS} web pages in ${READ_WINDOW_MINUTES} minutes, as many as it reads for one person: try again in (a minute|\\d+ minutes)\\.$`);

describeOnEveryEngine("the web pages the desk reads for one person", (db) => {
  let editor: Actor;
  let articleId: string;

  beforeEach(async () => {
    editor = await addUser(db(), "editor");
    articleId = (await addArticle(db())).id;
    await db().update(articles).set({ originalUrl: "https://news.example/story" }).where(eq(articles.id, articleId));
  });

  const readAll = async (actor: Actor) => {
    for (let n = 0; n < MAX_PAGE_READS; n++) await takePageRead(db(), actor.id);
  };

  it("are counted, previews and checks of originals alike, and refused past the allowance, saying when to try again", async () => {
    await checkOriginalNow(db(), editor, articleId, 6, async () => ({ plainText: ARTICLE_TEXT }));
    expect(await rowCount(db(), pageReads)).toBe(1);
    for (let n = 1; n < MAX_PAGE_READS; n++) await takePageRead(db(), editor.id);

    const read = async () => ({ plainText: ARTICLE_TEXT });
    await expect(checkOriginalNow(db(), editor, articleId, 6, read)).rejects.toMatchObject({ name: "TooManyRequests", message: expect.stringMatching(REFUSAL) });
    // Refused before the page is fetched: nothing leaves the server.
    await expect(previewWebPage(editor, { url: "https://news.example/other" }, destinationPolicy(""), db())).rejects.toMatchObject({ name: "TooManyRequests" });
    expect(await rowCount(db(), pageReads)).toBe(MAX_PAGE_READS);
    // Another editor has an allowance of their own.
    await expect(takePageRead(db(), (await addUser(db(), "editor")).id)).resolves.toBeUndefined();
  });

  it("forgets the reads older than the window, so that the person reads again", async () => {
    await readAll(editor);
    await expect(takePageRead(db(), editor.id)).rejects.toMatchObject({ name: "TooManyRequests", message: expect.stringMatching(/try again in (a minute|10 minutes)\./) });
    await db().execute(sql`update page_reads set read_at = read_at - make_interval(mins => ${READ_WINDOW_MINUTES})`);
    await takePageRead(db(), editor.id);
    expect(await rowCount(db(), pageReads)).toBe(1);
  });
});
