import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { articles } from "@/db/schema";
import { createAnnotation, getAnnotation } from "@/lib/annotations/service";
import { importArticle } from "@/lib/articles/import/service";
import { listPublished, publicSearchSchema, publishedClaimsOf, publishedPages, type PublicSearch } from "@/lib/publishing/public-index";
import { publicArticleBySlug } from "@/lib/publishing/public-view";
import { shareCardOf } from "@/lib/publishing/share-card";
import { publishArticle, unpublishArticle } from "@/lib/publishing/service";
import { changeStatus } from "@/lib/reviews/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addDesk, completeClaim, selectorsOf } from "./fixtures";

describeOnEveryEngine("the public index of fact-checks", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
  });

  /** A claim on `exact`, moved through `to` (by its author to review, by the editor from there). */
  async function claim(exact: string, to: "draft" | "in_review" | "approved", verdict: "false" | "mostly_true" | "true" = "mostly_true") {
    const created = await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, exact), ...completeClaim, verdict });
    if (to === "draft") return created;
    const inReview = await changeStatus(db(), author, created.id, { to: "in_review", version: created.version });
    if (to === "in_review") return inReview;
    return changeStatus(db(), editor, created.id, { to: "approved", version: inReview.version });
  }

  /** Sets when an article was published, so that the order does not hang on the clock's resolution. */
  const publishedAt = (id: string, at: string) => db().update(articles).set({ publishedAt: new Date(at) }).where(eq(articles.id, id));

  it("lists the published articles only, newest publication first, a page at a time with the total", async () => {
    const second = await addArticle(db());
    const third = await addArticle(db());
    const neverPublished = await addArticle(db());
    for (const each of [article, second, third]) await publishArticle(db(), editor, each.id);
    await publishedAt(article.id, "2026-11-01T10:00:00Z");
    await publishedAt(second.id, "2026-11-20T10:00:00Z");
    await publishedAt(third.id, "2026-11-10T10:00:00Z");
    const all = await listPublished(db(), { offset: 0, limit: 20 });
    expect(all.total).toBe(3);
    expect(all.factChecks.map((each) => each.id)).toEqual([second.id, third.id, article.id]);
    expect(all.factChecks.map((each) => each.slug)).toEqual(["mines-for-ukraine-2", "mines-for-ukraine-3", "mines-for-ukraine"]);
    expect(all.factChecks.map((each) => each.id)).not.toContain(neverPublished.id);
    expect(await listPublished(db(), { offset: 1, limit: 1 })).toMatchObject({ total: 3, factChecks: [{ id: third.id }] });
    expect(await listPublished(db(), { offset: 3, limit: 20 })).toEqual({ total: 3, factChecks: [] });

    await unpublishArticle(db(), editor, second.id);
    expect((await listPublished(db(), { offset: 0, limit: 20 })).factChecks.map((each) => each.id)).toEqual([third.id, article.id]);
    expect((await publishedPages(db())).map((page) => page.slug)).toEqual(["mines-for-ukraine-3", "mines-for-ukraine"]);
  });

  it("gives a shared link's picture the published article's title and the verdicts its page shows, and nothing of an unpublished one", async () => {
    await claim("anti-personnel mines", "approved", "false");
    await claim("non-persistent", "in_review", "true");
    expect(await shareCardOf(db(), "mines-for-ukraine")).toBeNull();
    await publishArticle(db(), editor, article.id);
    expect(await shareCardOf(db(), "mines-for-ukraine")).toEqual({ title: "Mines for Ukraine", byline: null, verdicts: [{ verdict: "false", count: 1 }] });
    await unpublishArticle(db(), editor, article.id);
    expect(await shareCardOf(db(), "mines-for-ukraine")).toBeNull();
  });

  it("counts, by verdict, only the claims the public page shows (approved and placed), in the form's order", async () => {
    await claim("United States", "approved", "mostly_true");
    await claim("anti-personnel mines", "approved", "false");
    await claim("Ukraine, officials", "approved", "false");
    await claim("non-persistent", "approved", "true");
    await claim("deactivate on their own", "in_review", "false");
    await claim("Officials said the mines", "draft", "false");
    await publishArticle(db(), editor, article.id);
    const [listed] = (await listPublished(db(), { offset: 0, limit: 20 })).factChecks;
    expect(listed!.verdicts).toEqual([
      { verdict: "true", count: 1 },
      { verdict: "mostly_true", count: 1 },
      { verdict: "false", count: 2 },
    ]);
    const page = await publicArticleBySlug(db(), listed!.slug, { showReviewers: false });
    expect(listed!.verdicts.reduce((sum, each) => sum + each.count, 0)).toBe(page!.claims.length);

    const claims = (await publishedClaimsOf(db(), [article.id])).get(article.id)!;
    expect(claims.map((each) => each.quote)).toEqual(page!.claims.map((each) => each.quote));
    expect(claims.map((each) => each.id)).toEqual(page!.claims.map((each) => each.id));
    expect(claims[0]).toEqual({ id: page!.claims[0]!.id, quote: "United States", claimant: null, verdict: "mostly_true", explanation: completeClaim.explanation });
    expect(await publishedClaimsOf(db(), [])).toEqual(new Map());
  });

  it("finds fact-checks by words of their title, byline or shown claims, and by a verdict they hold, with the total of matches", async () => {
    await claim("anti-personnel mines", "approved", "false");
    await claim("non-persistent", "draft", "true");
    const other = await importArticle(db(), editor, { format: "text", title: "Harbour bridge repairs", byline: "By Sam Stone", content: "The bridge carries 80,000 vehicles a day." });
    await publishArticle(db(), editor, article.id);
    await publishArticle(db(), editor, other.id);
    const found = async (q: string, verdict: PublicSearch["verdict"] = "") => {
      const listed = await listPublished(db(), { offset: 0, limit: 20, search: publicSearchSchema.parse({ q, verdict }) });
      expect(listed.total).toBe(listed.factChecks.length);
      return listed.factChecks.map((each) => each.title);
    };
    expect(await found("")).toEqual(["Harbour bridge repairs", "Mines for Ukraine"]);
    expect(await found("BRIDGE")).toEqual(["Harbour bridge repairs"]);
    expect(await found("stone harbour")).toEqual(["Harbour bridge repairs"]);
    // A shown claim's words find its article; a draft's do not, nor words of the text no claim holds.
    expect(await found("anti-personnel")).toEqual(["Mines for Ukraine"]);
    expect(await found("non-persistent")).toEqual([]);
    expect(await found("ukraine", "false")).toEqual(["Mines for Ukraine"]);
    expect(await found("", "true")).toEqual([]);
    expect(await found("bridge", "false")).toEqual([]);
    // LIKE's wildcards are taken literally.
    expect(await found("%")).toEqual([]);
    expect(publicSearchSchema.safeParse({ verdict: "fake" }).success).toBe(false);
  });

  it("says when a page changed after its publication, as the page itself does, and the sitemap dates it so", async () => {
    const approved = await claim("non-persistent", "approved");
    const { slug } = await publishArticle(db(), editor, article.id);
    const listed = async () => (await listPublished(db(), { offset: 0, limit: 20 })).factChecks[0]!;
    expect((await listed()).updatedAt).toBeNull();
    expect(await publishedPages(db())).toEqual([{ slug, lastModified: (await listed()).publishedAt }]);

    const current = await getAnnotation(db(), editor, approved.id);
    await changeStatus(db(), editor, approved.id, { to: "in_review", version: current.version, comment: "Check the date." });
    const page = await publicArticleBySlug(db(), slug!, { showReviewers: false });
    expect((await listed()).updatedAt).not.toBeNull();
    expect((await listed()).updatedAt).toBe(page!.updatedAt);
    expect(await publishedPages(db())).toEqual([{ slug, lastModified: page!.updatedAt }]);
    expect((await listed()).verdicts).toEqual([]);
  });

  it("is empty before anything is published", async () => {
    await claim("non-persistent", "approved");
    expect(await listPublished(db(), { offset: 0, limit: 20 })).toEqual({ total: 0, factChecks: [] });
    expect(await publishedPages(db())).toEqual([]);
  });
});
