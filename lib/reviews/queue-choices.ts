import { asc } from "drizzle-orm";
import type { Database } from "@/db/database";
import { users } from "@/db/schema";
import { articleChoice } from "@/lib/articles/list";
import { mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";

/** What the queue's filters offer: the people claims can be written by or assigned to, and the article chosen. */
export type QueueChoices = {
  /** Disabled people included: their claims and assignments stay in the queue. */
  people: { id: string; name: string; disabled: boolean }[];
  /** The article the queue is filtered by, or null; others are found by searching, not listed. */
  article: { id: string; title: string } | null;
};

/** Everyone, by name, for the queue's author and assignee filters, and the title of the article `articleId` filters by. */
export async function listQueueChoices(db: Database, actor: Actor | null, articleId?: string): Promise<QueueChoices> {
  enforce(mayViewAnnotations(actor), actor);
  const [people, article] = await Promise.all([
    db.select({ id: users.id, name: users.name, disabled: users.disabled }).from(users).orderBy(asc(users.name), asc(users.id)),
    articleChoice(db, actor, articleId),
  ]);
  return { people, article };
}
