import { asc, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { rowsOf } from "@/db/rows";
import { users } from "@/db/schema";
import { articleChoice } from "@/lib/articles/list";
import { topicChoices } from "@/lib/articles/topics";
import { mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";

/** What the queue's filters offer: the people claims can be written by or assigned to, and the article chosen. */
export type QueueChoices = {
  /** Disabled people included: their claims and assignments stay in the queue. */
  people: { id: string; name: string; disabled: boolean }[];
  /** The article the queue is filtered by, or null; others are found by searching, not listed. */
  article: { id: string; title: string } | null;
  /** Who made the newest claims, each name once (any case), the most often named first: offered as one types a claimant. */
  claimants: string[];
  /** The desk's topics, the most used first: offered as one types a topic. */
  topics: string[];
};

/** The most claimants offered: the rest are still found by typing their whole name. */
export const MAX_CLAIMANT_CHOICES = 300;

/** The claims whose claimants are offered: the newest, so that a queue page reads a bounded number of rows. */
export const CLAIMS_FOR_CHOICES = 5_000;

/** The claimants of the newest claims, each name once (any case), the most often named first. */
async function namedClaimants(db: Database): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`
      select min(recent.claimant_name) as "name"
      from (
        select claimant_name from annotations
        where discarded_at is null and claimant_name is not null
        order by created_at desc
        limit ${CLAIMS_FOR_CHOICES}
      ) recent
      group by lower(recent.claimant_name)
      order by count(*) desc, lower(recent.claimant_name)
      limit ${MAX_CLAIMANT_CHOICES}
    `),
  );
  return rows.map((row) => row.name);
}

/**
 * Everyone, by name, for the queue's author and assignee filters; the title of the article `articleId`
 * filters by; the claimants named on claims; and the desk's topics, the most used first.
 */
export async function listQueueChoices(db: Database, actor: Actor | null, articleId?: string): Promise<QueueChoices> {
  enforce(mayViewAnnotations(actor), actor);
  const [people, article, claimants, topics] = await Promise.all([
    db.select({ id: users.id, name: users.name, disabled: users.disabled }).from(users).orderBy(asc(users.name), asc(users.id)),
    articleChoice(db, actor, articleId),
    namedClaimants(db),
    topicChoices(db, actor),
  ]);
  return { people, article, claimants, topics: topics.map((topic) => topic.name) };
}
