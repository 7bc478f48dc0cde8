import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { articleRevisions, articles } from "@/db/schema";
import { createAnnotation } from "@/lib/annotations/service";
import { archiveArticle, deleteArticle, mayBeDeleted, restoreArticle } from "@/lib/articles/archive";
import { listArticles } from "@/lib/articles/list";
import { getArticle } from "@/lib/articles/service";
import { describeEntry } from "@/lib/audit/describe";
import { listAuditEntries } from "@/lib/audit/queries";
import { Conflict, Forbidden, NotFound, Unauthenticated } from "@/lib/errors";
import { publicArticleBySlug } from "@/lib/publishing/public-view";
import { publishArticle, unpublishArticle } from "@/lib/publishing/service";
import { listQueue } from "@/lib/reviews/queue";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addDesk, addUser, rowCount, selectorsOf } from "./fixtures";

describeOnEveryEngine("archiving and deleting articles", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
  });

  const listed = async (archived = false) => (await listArticles(db(), author, archived ? { archived: "true" } : {})).articles.map((a) => a.id);

  it("takes an article off the list into the archived view, its claims still in the queue and its page still up, until restored", async () => {
    const other = await addArticle(db());
    const claim = await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, "anti-personnel mines") });
    const { slug } = await publishArticle(db(), editor, article.id);

    const { archivedAt } = await archiveArticle(db(), editor, article.id);
    expect(archivedAt).toEqual(expect.any(String));
    const current = await listArticles(db(), author, {});
    expect(current.articles.map((a) => a.id)).toEqual([other.id]);
    expect(current).toMatchObject({ total: 1, archivedTotal: 1 });
    const archived = await listArticles(db(), author, { archived: "true" });
    expect(archived.articles).toEqual([expect.objectContaining({ id: article.id, archivedAt, claimsByStatus: expect.objectContaining({ draft: 1 }) })]);
    expect((await listArticles(db(), author, { archived: "true", q: "mines" })).total).toBe(1);
    // A search of the current articles says what the archive holds of it too.
    expect(await listArticles(db(), author, { q: "mines" })).toMatchObject({ total: 1, archivedMatches: 1 });
    expect(await listArticles(db(), author, { q: "budget" })).toMatchObject({ total: 0, archivedMatches: 0 });
    expect((await getArticle(db(), author, article.id)).archived).toEqual({ at: archivedAt, by: "Eddie Editor" });
    expect((await listQueue(db(), author, {})).rows.map((row) => row.id)).toContain(claim.id);
    expect(await publicArticleBySlug(db(), slug!, { showReviewers: false })).not.toBeNull();
    await expect(archiveArticle(db(), editor, article.id)).rejects.toBeInstanceOf(Conflict);

    expect(await restoreArticle(db(), editor, article.id)).toEqual({ archivedAt: null });
    expect(await listed()).toEqual(expect.arrayContaining([article.id, other.id]));
    expect(await listed(true)).toEqual([]);
    expect((await getArticle(db(), author, article.id)).archived).toBeNull();
    await expect(restoreArticle(db(), editor, article.id)).rejects.toBeInstanceOf(Conflict);

    const { entries } = await listAuditEntries(db(), await addUser(db(), "admin"), { article: article.id, action: "updated" });
    expect(entries.map(describeEntry)).toEqual(["restored the article from the archive", "archived the article"]);
  });

  it("deletes an article imported by mistake with its revisions, and refuses one that was published or has a claim", async () => {
    const mistake = await addArticle(db(), "Not our story\nA text imported by mistake.");
    expect(await mayBeDeleted(db(), mistake.id)).toBe(true);
    await deleteArticle(db(), editor, mistake.id);
    expect(await db().select().from(articles).where(eq(articles.id, mistake.id))).toEqual([]);
    expect(await db().select().from(articleRevisions).where(eq(articleRevisions.articleId, mistake.id))).toEqual([]);
    await expect(getArticle(db(), author, mistake.id)).rejects.toBeInstanceOf(NotFound);
    const { entries } = await listAuditEntries(db(), await addUser(db(), "admin"), { article: mistake.id });
    expect(entries.map(describeEntry)).toEqual(["deleted the article “Mines for Ukraine”, imported by mistake", "added the article “Mines for Ukraine”"]);

  
    await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, "anti-personnel mines") });
    expect(await mayBeDeleted(db(), article.id)).toBe(false);
    await expect(deleteArticle(db(), editor, article.id)).rejects.toMatchObject({ constructor: Conflict, message: expect.stringMatching(/^The article has a claim.*Archive it instead\.$/) });

    // Published once, even if taken down since.
    const published = await addArticle(db());
    await publishArticle(db(), editor, published.id);
    await unpublishArticle(db(), editor, published.id);
    expect(await mayBeDeleted(db(), published.id)).toBe(false);
    await expect(deleteArticle(db(), editor, published.id)).rejects.toMatchObject({ constructor: Conflict, message: expect.stringMatching(/has been published/) });
    expect(await rowCount(db(), articles)).toBe(2);
  });

  it("is for editors and admins only, and names an unknown article", async () => {
    const mistake = await addArticle(db());
    await expect(archiveArticle(db(), author, article.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(restoreArticle(db(), null, article.id)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(deleteArticle(db(), author, mistake.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(archiveArticle(db(), editor, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFound);
    await expect(deleteArticle(db(), editor, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFound);
    await expect(listArticles(db(), author, { archived: "maybe" })).rejects.toMatchObject({ fields: { archived: "must be true or false" } });
    expect(await listed(true)).toEqual([]);
    expect(await rowCount(db(), articles)).toBe(2);
  });
});
