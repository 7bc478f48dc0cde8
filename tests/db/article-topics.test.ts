import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { articles, articleTopics, webhookDeliveries } from "@/db/schema";
import { describeEntry } from "@/lib/audit/describe";
import { listAuditEntries } from "@/lib/audit/queries";
import { listArticles } from "@/lib/articles/list";
import { listDeskTopics, MAX_LISTED, removeTopic, renameTopic } from "@/lib/articles/topic-admin";
import { readArticleTopics, setArticleTopics, topicChoices } from "@/lib/articles/topics";
import { Forbidden, Invalid, NotFound } from "@/lib/errors";
import { factCheckReport } from "@/lib/exports/report";
import { publishArticle } from "@/lib/publishing/service";
import type { Actor } from "@/lib/users/actor";
import { createWebhook } from "@/lib/webhooks/service";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addUser, rowCount } from "./fixtures";

describeOnEveryEngine("an article's topics", (db) => {
  let editor: Actor;
  let reviewer: Actor;
  let mines: string;
  let ferry: string;

  beforeEach(async () => {
    editor = await addUser(db(), "editor", { name: "Eddie Editor" });
    reviewer = await addUser(db(), "reviewer", { name: "Rita Reviewer" });
    mines = (await addArticle(db())).id;
    ferry = (await addArticle(db(), "Ferry timetable cut.\nCommuters stranded.")).id;
  });

  const file = (articleId: string, topics: unknown) => setArticleTopics(db(), editor, articleId, { topics });

  it("are set by an editor in their order, spaces collapsed and the same topic in another case kept once; audited", async () => {
    expect(await file(mines, ["  Defence ", "Ukraine", "defence", "United   States"])).toEqual({ topics: ["Defence", "Ukraine", "United States"] });
    expect(await readArticleTopics(db(), reviewer, mines)).toEqual(["Defence", "Ukraine", "United States"]);
    // Given again in another order, and then as they are: the second changes nothing and is not audited.
    await file(mines, ["Ukraine", "Defence"]);
    await file(mines, ["Ukraine", "Defence"]);
    expect(await readArticleTopics(db(), reviewer, mines)).toEqual(["Ukraine", "Defence"]);
    // The printable report names them, in their order.
    expect((await factCheckReport(db(), reviewer, mines)).topics).toEqual(["Ukraine", "Defence"]);
    const { entries } = await listAuditEntries(db(), await addUser(db(), "admin"), { article: mines });
    const topicsEntries = entries.filter((entry) => describeEntry(entry).startsWith("filed the article"));
    expect(topicsEntries.map((entry) => describeEntry(entry))).toEqual(['filed the article under “Ukraine”, “Defence”', 'filed the article under “Defence”, “Ukraine”, “United States”']);
    // An empty list files it under none.
    expect(await file(mines, [])).toEqual({ topics: [] });
    expect(await rowCount(db(), articleTopics)).toBe(0);
  });

  it("take the desk's spelling of a topic it knows, and are offered the most used first", async () => {
    await file(mines, ["Defence", "Ukraine"]);
    expect(await file(ferry, ["ukraine", "transport", "DEFENCE"])).toEqual({ topics: ["Ukraine", "transport", "Defence"] });
    const third = (await addArticle(db(), "A third story.")).id;
    await file(third, ["Ukraine"]);
    expect(await topicChoices(db(), reviewer)).toEqual([
      { name: "Ukraine", articles: 3 },
      { name: "Defence", articles: 2 },
      { name: "transport", articles: 1 },
    ]);
  });

  it("narrow the list of articles to a topic, in any case, and each article lists its own", async () => {
    await file(mines, ["Defence", "Ukraine"]);
    await file(ferry, ["Transport"]);
    const listed = async (query: Record<string, string>) => (await listArticles(db(), reviewer, query)).articles.map((article) => [article.id, article.topics]);
    expect(await listed({ topic: "ukraine" })).toEqual([[mines, ["Defence", "Ukraine"]]]);
    expect(await listed({ topic: "  Transport " })).toEqual([[ferry, ["Transport"]]]);
    // Both articles are titled "Mines for Ukraine": the topic tells them apart.
    expect(await listed({ topic: "Transport", q: "mines" })).toEqual([[ferry, ["Transport"]]]);
    expect(await listed({ topic: "Transport", q: "zebra" })).toEqual([]);
    expect(await listed({ topic: "Weather" })).toEqual([]);
    expect((await listed({})).map(([id]) => id).sort()).toEqual([mines, ferry].sort());
    await expect(listArticles(db(), reviewer, { topic: "x".repeat(41) })).rejects.toThrow(/topic: must be at most 40 characters/);
  });

  it("reach the webhooks of a published fact-check: with its publication, and each change", async () => {
    await createWebhook(db(), await addUser(db(), "admin"), { url: "https://cms.example/hook", events: ["fact_check.published", "fact_check.changed"], format: "json" });
    const told = async () =>
      (await db().select({ event: webhookDeliveries.event }).from(webhookDeliveries).orderBy(webhookDeliveries.createdAt)).map(({ event }) => {
        const { type, data } = event as { type: string; data: { factCheck: { topics?: string[] }; change?: string; topics?: string[] } };
        return [type, data.change ?? null, data.topics ?? data.factCheck.topics];
      });
    // Not yet published: the topics are the desk's business.
    await file(mines, ["Defence"]);
    expect(await told()).toEqual([]);
    await publishArticle(db(), editor, mines);
    await file(mines, ["Defence", "Ukraine"]);
    await file(mines, []);
    expect(await told()).toEqual([
      ["fact_check.published", null, ["Defence"]],
      ["fact_check.changed", "topics_changed", ["Defence", "Ukraine"]],
      ["fact_check.changed", "topics_changed", []],
    ]);
    // An article deleted takes its topics with it.
    await file(ferry, ["Transport"]);
    await db().delete(articles).where(eq(articles.id, ferry));
    expect(await rowCount(db(), articleTopics)).toBe(0);
  });

  it("are renamed, merged and removed desk-wide by an editor, each article audited and its order kept", async () => {
    const third = (await addArticle(db(), "A third story.")).id;
    await file(mines, ["Defence", "Ukriane", "Europe"]);
    await file(ferry, ["Transport", "Ukriane"]);
    await file(third, ["Ukraine", "Europe"]);
    await publishArticle(db(), editor, ferry);
    expect(await listDeskTopics(db(), reviewer)).toEqual({
      topics: [
        { name: "Defence", articles: 1, published: 0 },
        { name: "Europe", articles: 2, published: 0 },
        { name: "Transport", articles: 1, published: 1 },
        { name: "Ukraine", articles: 1, published: 0 },
        { name: "Ukriane", articles: 2, published: 1 },
      ],
      more: false,
    });
    // Found by a part of their name, in any case; LIKE's wildcards taken literally.
    expect((await listDeskTopics(db(), reviewer, { q: " UKR " })).topics.map((topic) => topic.name)).toEqual(["Ukraine", "Ukriane"]);
    expect((await listDeskTopics(db(), reviewer, { q: "%" })).topics).toEqual([]);
    await expect(listDeskTopics(db(), reviewer, { q: "x".repeat(41) })).rejects.toMatchObject({ constructor: Invalid, fields: { q: "must be at most 40 characters" } });
    // A list holds a thousand topics, and says there are more; a search finds them.
    await db().execute(sql`insert into article_topics (article_id, position, name) select ${third}, 100 + n, 'Topic ' || lpad(n::text, 4, '0') from generate_series(1, ${MAX_LISTED}) as n`);
    const listed = await listDeskTopics(db(), reviewer);
    expect(listed.topics).toHaveLength(MAX_LISTED);
    expect(listed.more).toBe(true);
    expect(await listDeskTopics(db(), reviewer, { q: "topic 1000" })).toEqual({ topics: [{ name: "Topic 1000", articles: 1, published: 0 }], more: false });
    await db().execute(sql`delete from article_topics where position > 100`);
    // The misspelling fixed: it merges into the topic the desk has by that name.
    expect(await renameTopic(db(), editor, { from: "ukriane", to: "Ukraine" })).toEqual({ articles: 2 });
    expect(await readArticleTopics(db(), reviewer, mines)).toEqual(["Defence", "Ukraine", "Europe"]);
    expect(await readArticleTopics(db(), reviewer, ferry)).toEqual(["Transport", "Ukraine"]);
    expect(await readArticleTopics(db(), reviewer, third)).toEqual(["Ukraine", "Europe"]);
    // Merging two topics an article has both of keeps one, in the first's place.
    expect(await renameTopic(db(), editor, { from: "Europe", to: "defence" })).toEqual({ articles: 2 });
    expect(await readArticleTopics(db(), reviewer, mines)).toEqual(["defence", "Ukraine"]);
    expect(await readArticleTopics(db(), reviewer, third)).toEqual(["Ukraine", "defence"]);
    expect(await removeTopic(db(), editor, { name: "UKRAINE" })).toEqual({ articles: 3 });
    expect((await listDeskTopics(db(), reviewer)).topics.map((topic) => topic.name)).toEqual(["defence", "Transport"]);
    const { entries } = await listAuditEntries(db(), await addUser(db(), "admin"), { article: ferry });
    expect(entries.map((entry) => describeEntry(entry)).filter((line) => line.startsWith("filed"))).toEqual([
      "filed the article under “Transport”",
      "filed the article under “Transport”, “Ukraine”",
      "filed the article under “Transport”, “Ukriane”",
    ]);

    await expect(renameTopic(db(), editor, { from: "Weather", to: "Climate" })).rejects.toBeInstanceOf(NotFound);
    await expect(removeTopic(db(), editor, { name: "Weather" })).rejects.toBeInstanceOf(NotFound);
    await expect(renameTopic(db(), editor, { from: "Transport", to: " " })).rejects.toThrow(/to: must not be blank/);
    await expect(renameTopic(db(), editor, { from: "Transport", to: "Roads, rail" })).rejects.toThrow(/to: must not hold a comma/);
    await expect(renameTopic(db(), reviewer, { from: "Transport", to: "Roads" })).rejects.toBeInstanceOf(Forbidden);
    await expect(removeTopic(db(), reviewer, { name: "Transport" })).rejects.toBeInstanceOf(Forbidden);
    await expect(removeTopic(db(), editor, {})).rejects.toThrow(/name: must be text/);
  });

  it("are refused to reviewers, for an unknown article, and when malformed, naming the field and writing nothing", async () => {
    await expect(setArticleTopics(db(), reviewer, mines, { topics: ["Health"] })).rejects.toBeInstanceOf(Forbidden);
    await expect(file("00000000-0000-4000-8000-000000000000", ["Health"])).rejects.toBeInstanceOf(NotFound);
    await expect(file(mines, Array.from({ length: 9 }, (_, n) => `Topic ${n}`))).rejects.toThrow(/topics: must be at most 8 topics/);
    await expect(file(mines, ["Health", "x".repeat(41)])).rejects.toThrow(/topics\.1: must be at most 40 characters/);
    await expect(file(mines, ["Health", "   "])).rejects.toThrow(/topics\.1: must not be blank/);
    await expect(file(mines, ["Bad\u0007bell"])).rejects.toThrow(/topics\.0: must not hold control characters/);
    await expect(file(mines, ["Health, Elections"])).rejects.toThrow(/topics\.0: must not hold a comma/);
    await expect(file(mines, "Health")).rejects.toThrow(/topics: must be a list of topics/);
    await expect(setArticleTopics(db(), editor, mines, { topics: ["Health"], extra: 1 })).rejects.toBeInstanceOf(Invalid);
    expect(await rowCount(db(), articleTopics)).toBe(0);
  });
});
