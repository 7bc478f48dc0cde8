import { asc, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { articles, articleTopics } from "@/db/schema";
import { NotFound } from "@/lib/errors";
import { containsPattern } from "@/lib/like-pattern";
import { mayEditArticle, mayViewArticles } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { MAX_TOPIC_LENGTH } from "./topic-limits";
import { filedUnder, topicKey, topicSchema, topicsOf, writeArticleTopics } from "./topics";

/**
 * The desk's topics as a whole: every topic with its articles counted, and an editor's rename (a
 * misspelling fixed, two topics merged into one) or removal of a topic from every article filed under
 * it. Each article changed is audited and, published, told to webhooks, as when it is filed by hand.
 */

/** A topic of the desk: how many articles are filed under it, and how many of them are published. */
export type DeskTopic = { name: string; articles: number; published: number };

/** The most topics a list holds; a search finds the others. */
export const MAX_LISTED = 1000;

const deskTopicsQuerySchema = z.object({ q: z.string().trim().max(MAX_TOPIC_LENGTH, `must be at most ${MAX_TOPIC_LENGTH} characters`).optional() });

/**
 * The desk's topics by name (any case), with their articles counted: those whose name contains `q`
 * (any case) when given, the first MAX_LISTED of them, and whether there are more.
 */
export async function listDeskTopics(db: Database, actor: Actor | null, input: unknown = {}): Promise<{ topics: DeskTopic[]; more: boolean }> {
  enforce(mayViewArticles(actor), actor);
  const { q } = parseInput(deskTopicsQuerySchema, input);
  const rows = await db
    .select({
      name: sql<string>`min(${articleTopics.name})`,
      articles: sql<number>`count(*)::int`,
      published: sql<number>`(count(*) filter (where ${articles.publishedAt} is not null))::int`,
    })
    .from(articleTopics)
    .innerJoin(articles, eq(articles.id, articleTopics.articleId))
    .where(q ? ilike(articleTopics.name, containsPattern(q)) : undefined)
    .groupBy(sql`lower(${articleTopics.name})`)
    .orderBy(sql`lower(${articleTopics.name})`)
    .limit(MAX_LISTED + 1);
  return { topics: rows.slice(0, MAX_LISTED), more: rows.length > MAX_LISTED };
}

export const renameTopicSchema = z.strictObject({ from: topicSchema, to: topicSchema });

/**
 * Renames the topic `{from}` (any case) to `{to}` on every article filed under it: where an article is
 * filed under `to` already, the two become one, in the place of the first. Every article filed under
 * `to` in another case takes its spelling too, so that renaming "health" to "Health" sets the spelling.
 * Editors and admins; 404 when no article is filed under `from`. Answers how many articles changed.
 */
export async function renameTopic(db: Database, actor: Actor | null, input: unknown): Promise<{ articles: number }> {
  enforce(mayEditArticle(actor), actor);
  const { from, to } = parseInput(renameTopicSchema, input);
  return db.transaction(async (tx) => {
    const filed = await lockArticlesFiledUnder(tx, from, to);
    if (filed.length === 0) throw new NotFound(`No article is filed under “${from}”.`);
    let changed = 0;
    for (const articleId of filed) {
      const before = await topicsOf(tx, articleId);
      const renamed = before.map((name) => (topicKey(name) === topicKey(from) || topicKey(name) === topicKey(to) ? to : name));
      const topics = renamed.filter((name, index) => renamed.indexOf(name) === index);
      if (topics.join("\n") !== before.join("\n")) changed++;
      await writeArticleTopics(tx, actor!, articleId, before, topics);
    }
    return { articles: changed };
  });
}

export const removeTopicSchema = z.strictObject({ name: topicSchema });

/** Takes the topic `{name}` (any case) off every article filed under it; the articles stay. Editors and admins; 404 when none is. Answers how many articles changed. */
export async function removeTopic(db: Database, actor: Actor | null, input: unknown): Promise<{ articles: number }> {
  enforce(mayEditArticle(actor), actor);
  const { name } = parseInput(removeTopicSchema, input);
  return db.transaction(async (tx) => {
    const filed = await lockArticlesFiledUnder(tx, name);
    if (filed.length === 0) throw new NotFound(`No article is filed under “${name}”.`);
    for (const articleId of filed) {
      const before = await topicsOf(tx, articleId);
      await writeArticleTopics(tx, actor!, articleId, before, before.filter((topic) => topicKey(topic) !== topicKey(name)));
    }
    return { articles: filed.length };
  });
}

/**
 * The articles filed under `topic` (any case), locked in the order of their ids; with `alongside`, those
 * filed under either, but none when none is filed under `topic`.
 */
async function lockArticlesFiledUnder(db: Database, topic: string, alongside?: string): Promise<string[]> {
  const rows = await db
    .select({ id: articles.id, filed: sql<boolean>`${filedUnder(topic)}` })
    .from(articles)
    .where(or(filedUnder(topic), alongside ? filedUnder(alongside) : undefined))
    .orderBy(asc(articles.id))
    .for("update");
  return rows.some((row) => row.filed) ? rows.map((row) => row.id) : [];
}
