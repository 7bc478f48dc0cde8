import { asc, count, desc, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database, Transaction } from "@/db/database";
import { annotations, articles, articleTopics } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { NotFound } from "@/lib/errors";
import { mayEditArticle, mayViewArticles } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { tellTopicsChanged } from "@/lib/webhooks/desk-events";
import { MAX_TOPIC_LENGTH, MAX_TOPICS } from "./topic-limits";

/**
 * The topics an article is filed under (health, elections, the economy): editors give them, in their
 * order; the list of articles and the public index list the articles of a topic. The desk keeps one
 * spelling of each topic: one given in another case ("health") takes the spelling the desk has ("Health").
 */

export { MAX_TOPIC_LENGTH, MAX_TOPICS };
/** How many of the desk's topics are offered as one types: the most used first. */
const MAX_CHOICES = 300;

/** A topic as people type it, its spaces collapsed: what the desk compares, in any case. */
export const topicName = (text: string) => text.replace(/\s+/g, " ").trim();
/** What two spellings of one topic have in common: the desk compares topics in any case. */
export const topicKey = (name: string) => name.toLowerCase();

export const topicSchema = z
  .string({ error: "must be text" })
  .transform(topicName)
  .pipe(
    z
      .string()
      .min(1, "must not be blank")
      .max(MAX_TOPIC_LENGTH, `must be at most ${MAX_TOPIC_LENGTH} characters`)
      .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "must not hold control characters")
      // A comma separates topics, as people type them and as ClaimReview's keywords list them.
      .refine((name) => !name.includes(","), "must not hold a comma (a comma separates topics)"),
  );

export const topicsInputSchema = z.strictObject({
  topics: z
    .array(topicSchema, { error: "must be a list of topics" })
    .max(MAX_TOPICS, `must be at most ${MAX_TOPICS} topics`)
    // The same topic twice, in any case, is one.
    .transform((names) => names.filter((name, index) => names.findIndex((other) => topicKey(other) === topicKey(name)) === index)),
});

/** The article's topics, in the order they were given. */
export async function readArticleTopics(db: Database, actor: Actor | null, articleId: string): Promise<string[]> {
  enforce(mayViewArticles(actor), actor);
  return topicsOf(db, articleId);
}

/** The article's topics, in their order; not a request's: no actor is checked. */
export async function topicsOf(db: Database, articleId: string): Promise<string[]> {
  const rows = await db.select({ name: articleTopics.name }).from(articleTopics).where(eq(articleTopics.articleId, articleId)).orderBy(asc(articleTopics.position));
  return rows.map((row) => row.name);
}

/** The topics of each of `articleIds` (in their order), by article: one query for a page of articles. */
export async function topicsOfArticles(db: Database, articleIds: string[]): Promise<Map<string, string[]>> {
  const topics = new Map<string, string[]>(articleIds.map((id) => [id, []]));
  if (articleIds.length === 0) return topics;
  const rows = await db
    .select({ articleId: articleTopics.articleId, name: articleTopics.name })
    .from(articleTopics)
    .where(inArray(articleTopics.articleId, articleIds))
    .orderBy(asc(articleTopics.articleId), asc(articleTopics.position));
  for (const row of rows) topics.get(row.articleId)!.push(row.name);
  return topics;
}

/**
 * A condition on a table's `articleId` column: its article is filed under `topic`, in any case. The
 * topic's articles are read once, by the index on the topic's name, as an array: the planner then walks
 * the queue's sort order and stops at a page, where a join it thought small read every claim of the
 * topic (`npm run bench:queue`: p99 7.5 ms instead of 47.5 ms over 10,000 claims).
 */
const articleFiledUnder = (articleId: SQL | AnyColumn, topic: string) =>
  sql`${articleId} = any(array(select ${articleTopics.articleId} from ${articleTopics} where lower(${articleTopics.name}) = ${topicKey(topicName(topic))}))`;

/** A condition on `articles`: the article is filed under `topic`, in any case. */
export const filedUnder = (topic: string) => articleFiledUnder(articles.id, topic);

/** A condition on `annotations`: the claim's article is filed under `topic`, in any case (the review queue's topic filter). */
export const onArticleFiledUnder = (topic: string) => articleFiledUnder(annotations.articleId, topic);

/**
 * Files the article under `{topics}` (a list, in order; at most MAX_TOPICS, each at most
 * MAX_TOPIC_LENGTH characters; an empty list files it under none). Editors and admins. A topic the desk
 * has in another case takes the desk's spelling. Audited with the topics before and after; on a
 * published article, webhooks hear of it (`fact_check.changed`, `topics_changed`: a CMS's categories).
 */
export async function setArticleTopics(db: Database, actor: Actor | null, articleId: string, input: unknown): Promise<{ topics: string[] }> {
  enforce(mayEditArticle(actor), actor);
  const { topics: given } = parseInput(topicsInputSchema, input);
  return db.transaction(async (tx) => {
    const [article] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId)).for("update");
    if (!article) throw new NotFound(`No article with id ${articleId}.`);
    const spellings = await deskSpellings(tx, articleId, given);
    const topics = given.map((name) => spellings.get(topicKey(name)) ?? name);
    await writeArticleTopics(tx, actor!, articleId, await topicsOf(tx, articleId), topics);
    return { topics };
  });
}

/**
 * Files the article (locked by the caller) under `topics` instead of `before`, unless they are the same:
 * audited, and told to webhooks when it is published.
 */
export async function writeArticleTopics(tx: Transaction, actor: Actor, articleId: string, before: string[], topics: string[]): Promise<void> {
  if (topics.join("\n") === before.join("\n")) return;
  await tx.delete(articleTopics).where(eq(articleTopics.articleId, articleId));
  if (topics.length > 0) await tx.insert(articleTopics).values(topics.map((name, position) => ({ articleId, position, name })));
  await recordAudit(tx, { actorId: actor.id, subject: "article", subjectId: articleId, articleId, action: "updated", before: { topics: before }, after: { topics } });
  await tellTopicsChanged(tx, articleId, topics);
}

/** How the desk spells the topics among `names` that other articles are filed under, by their key. */
async function deskSpellings(db: Database, articleId: string, names: string[]): Promise<Map<string, string>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([sql`lower(${articleTopics.name})`], { name: articleTopics.name })
    .from(articleTopics)
    .where(sql`lower(${articleTopics.name}) in (${sql.join(names.map((name) => sql`${topicKey(name)}`), sql`, `)}) and ${articleTopics.articleId} <> ${articleId}`)
    .orderBy(sql`lower(${articleTopics.name})`, asc(articleTopics.name));
  return new Map(rows.map((row) => [topicKey(row.name), row.name]));
}

/** The desk's topics, each with how many articles it has, the most used first: what the topics field offers. */
export async function topicChoices(db: Database, actor: Actor | null): Promise<{ name: string; articles: number }[]> {
  enforce(mayViewArticles(actor), actor);
  const articlesOfTopic = count();
  return db
    .select({ name: sql<string>`min(${articleTopics.name})`, articles: articlesOfTopic })
    .from(articleTopics)
    .groupBy(sql`lower(${articleTopics.name})`)
    .orderBy(desc(articlesOfTopic), sql`lower(${articleTopics.name})`)
    .limit(MAX_CHOICES);
}
