import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { articles, articleTopics } from "@/db/schema";
import { createAnnotation } from "@/lib/annotations/service";
import { setArticleTopics } from "@/lib/articles/topics";
import { atomFeed, FEED_LENGTH } from "@/lib/publishing/atom-feed";
import { claimReviewsOf } from "@/lib/publishing/claim-review";
import { listPublished, publicSearchSchema, publishedClaimsOf, publishedTopicName, publishedTopics } from "@/lib/publishing/public-index";
import { publicArticleBySlug } from "@/lib/publishing/public-view";
import { publishArticle, unpublishArticle } from "@/lib/publishing/service";
import { changeStatus } from "@/lib/reviews/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addDesk, completeClaim, selectorsOf } from "./fixtures";

const newsroom = { name: "The Daily Check", url: "https://check.example", showReviewers: false, timeZone: "UTC", appUrl: "https://desk.example" };

describeOnEveryEngine("topics on the public side", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
  });

  /** Sets when an article was published, so that the order does not hang on the clock's resolution. */
  const publishedAt = (id: string, at: string) => db().update(articles).set({ publishedAt: new Date(at) }).where(eq(articles.id, id));

  /** The fact-checks the index lists for a reader's address asking for `topic` (and `search`), each with its topics. */
  async function listedUnder(topic: string, search: Record<string, string> = {}) {
    const listed = await listPublished(db(), { offset: 0, limit: 20, search: publicSearchSchema.parse({ ...search, topic }) });
    expect(listed.total).toBe(listed.factChecks.length);
    return listed.factChecks.map(({ id, topics }) => ({ id, topics }));
  }

  it("offers search engines the topics of published fact-checks alone, each once, as last published, with its newest publication", async () => {
    const second = await addArticle(db());
    const unpublished = await addArticle(db());
    await setArticleTopics(db(), editor, article.id, { topics: ["Health", "Elections"] });
    await setArticleTopics(db(), editor, second.id, { topics: ["health"] });
    await setArticleTopics(db(), editor, unpublished.id, { topics: ["Weather"] });
    // A second spelling, as two editors filing at once may leave: the latest publication's is the one offered.
    await db().update(articleTopics).set({ name: "HEALTH" }).where(eq(articleTopics.articleId, second.id));
    for (const each of [article, second]) await publishArticle(db(), editor, each.id);
    await publishedAt(article.id, "2026-11-01T10:00:00Z");
    await publishedAt(second.id, "2026-11-20T10:00:00Z");
    expect(await publishedTopics(db())).toEqual([
      { name: "Elections", lastPublished: "2026-11-01T10:00:00.000Z" },
      { name: "HEALTH", lastPublished: "2026-11-20T10:00:00.000Z" },
    ]);
  });

  it("lists under a topic, in any case, only the published fact-checks filed under it, each with its topics in order", async () => {
    const elections = await addArticle(db());
    const unfiled = await addArticle(db());
    const unpublished = await addArticle(db());
    await setArticleTopics(db(), editor, article.id, { topics: ["Health", "Elections"] });
    await setArticleTopics(db(), editor, elections.id, { topics: ["Elections"] });
    await setArticleTopics(db(), editor, unpublished.id, { topics: ["Health"] });
    for (const each of [article, elections, unfiled]) await publishArticle(db(), editor, each.id);
    await publishedAt(article.id, "2026-11-01T10:00:00Z");
    await publishedAt(elections.id, "2026-11-20T10:00:00Z");
    await publishedAt(unfiled.id, "2026-11-10T10:00:00Z");

    expect(await listedUnder("health")).toEqual([{ id: article.id, topics: ["Health", "Elections"] }]);
    expect(await listedUnder("  ELECTIONS ")).toEqual([
      { id: elections.id, topics: ["Elections"] },
      { id: article.id, topics: ["Health", "Elections"] },
    ]);
    // The whole topic, not a part of it; and with the other filters, fact-checks that meet them all.
    expect(await listedUnder("Elect")).toEqual([]);
    expect(await listedUnder("elections", { q: "bridge" })).toEqual([]);
    expect(await listedUnder("elections", { q: "ukraine" })).toHaveLength(2);
    // No topic is any: every published fact-check, an unfiled one with no topics.
    expect(await listedUnder("")).toEqual([
      { id: elections.id, topics: ["Elections"] },
      { id: unfiled.id, topics: [] },
      { id: article.id, topics: ["Health", "Elections"] },
    ]);
    expect(await listPublished(db(), { offset: 1, limit: 1, search: publicSearchSchema.parse({ topic: "Elections" }) })).toMatchObject({ total: 2, factChecks: [{ id: article.id }] });

    await unpublishArticle(db(), editor, article.id);
    expect(await listedUnder("Health")).toEqual([]);
  });

  it("names a topic as the desk spells it on a published fact-check, and not one only unpublished articles are filed under", async () => {
    const unpublished = await addArticle(db());
    await setArticleTopics(db(), editor, article.id, { topics: ["Public health"] });
    await db().insert(articleTopics).values({ articleId: unpublished.id, position: 0, name: "Vaccines" });
    await publishArticle(db(), editor, article.id);
    expect(await publishedTopicName(db(), "PUBLIC   health")).toBe("Public health");
    expect(await publishedTopicName(db(), "vaccines")).toBeNull();
    expect(await listedUnder("Vaccines")).toEqual([]);
  });

  it("reads the topic of a reader's address with its spaces collapsed, cut to a topic's length, and anything else as any", () => {
    expect(publicSearchSchema.parse({}).topic).toBe("");
    expect(publicSearchSchema.parse({ topic: "  Public \t  health " }).topic).toBe("Public health");
    expect(publicSearchSchema.parse({ topic: `${"a".repeat(39)} b` }).topic).toBe("a".repeat(39));
    expect(publicSearchSchema.parse({ topic: ["Health", "Elections"] }).topic).toBe("");
  });

  it("gives the public page its topics in order, none when it has none, and its ClaimReviews them as keywords", async () => {
    const created = await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, "anti-personnel mines"), ...completeClaim, verdict: "false" });
    const inReview = await changeStatus(db(), author, created.id, { to: "in_review", version: created.version });
    await changeStatus(db(), editor, created.id, { to: "approved", version: inReview.version });
    const { slug } = await publishArticle(db(), editor, article.id);
    const view = async () => (await publicArticleBySlug(db(), slug!, { showReviewers: false }))!;
    expect((await view()).topics).toEqual([]);
    expect(claimReviewsOf(await view(), newsroom)[0]).not.toHaveProperty("keywords");

    await setArticleTopics(db(), editor, article.id, { topics: ["Health", "Elections"] });
    expect((await view()).topics).toEqual(["Health", "Elections"]);
    expect(claimReviewsOf(await view(), newsroom)[0]!.keywords).toBe("Health, Elections");
  });

  it("files each entry of the feed under a category per topic, in order, escaped", async () => {
    const unfiled = await addArticle(db());
    await setArticleTopics(db(), editor, article.id, { topics: ['Fish & "chips" <b>', "Health"] });
    await publishArticle(db(), editor, article.id);
    await publishArticle(db(), editor, unfiled.id);
    await publishedAt(article.id, "2026-11-20T10:00:00Z");
    await publishedAt(unfiled.id, "2026-11-10T10:00:00Z");
    // As the feed's route puts it together.
    const { factChecks } = await listPublished(db(), { offset: 0, limit: FEED_LENGTH });
    const claims = await publishedClaimsOf(
      db(),
      factChecks.map((factCheck) => factCheck.id),
    );
    const feed = atomFeed(
      newsroom,
      factChecks.map((factCheck) => ({ ...factCheck, claims: claims.get(factCheck.id) ?? [] })),
      new Date(),
    );
    const [filed, notFiled] = feed.split("<entry>").slice(1);
    expect(filed).toContain('    <category term="Fish &amp; &quot;chips&quot; &lt;b&gt;"/>\n    <category term="Health"/>\n');
    expect(notFiled).not.toContain("<category");
    expect(feed).not.toContain("<b>");
  });
});
