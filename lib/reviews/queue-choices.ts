import { asc } from "drizzle-orm";
import type { Database } from "@/db/database";
import { users } from "@/db/schema";
import { listArticleTitles } from "@/lib/articles/list";
import { mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";

/** What the queue's filters offer: the people claims can be written by or assigned to, and the articles. */
export type QueueChoices = {
  /** Disabled people included: their claims and assignments stay in the queue. */
  people: { id: string; name: string; disabled: boolean }[];
  articles: { id: string; title: string }[];
};

/** Everyone and every article, by name and title, for the queue's author, assignee and article filters. */
export async function listQueueChoices(db: Database, actor: Actor | null): Promise<QueueChoices> {
  enforce(mayViewAnnotations(actor), actor);
  const [people, articleChoices] = await Promise.all([
    db.select({ id: users.id, name: users.name, disabled: users.disabled }).from(users).orderBy(asc(users.name), asc(users.id)),
    listArticleTitles(db, actor),
  ]);
  return { people, articles: articleChoices };
}
