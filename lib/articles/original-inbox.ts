import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/database";

/** A change of an article's original, as the desk first saw it. */
export type OriginalChange = { url: string; seenAt: Date; revision: number; paragraphsAdded: number; paragraphsRemoved: number };

/**
 * Puts the change of the article's original in the inbox of everyone whose work stands on its text
 * (db/schema.ts, inboxOriginals): whoever added the article or published it, and whoever wrote, was
 * assigned or reviewed (approved, rejected, asked for changes to) one of its claims not discarded.
 * Accounts disabled hear nothing. Called once for each new text, in the transaction that records it.
 */
export async function fanOutOriginalChange(tx: Transaction, articleId: string, change: OriginalChange): Promise<void> {
  await tx.execute(sql`
    insert into inbox_originals (recipient_id, article_id, url, revision, paragraphs_added, paragraphs_removed, created_at)
    select u.id, ${articleId}, ${change.url}, ${change.revision}, ${change.paragraphsAdded}, ${change.paragraphsRemoved}, ${change.seenAt.toISOString()}::timestamptz
    from users u
    where not u.disabled and u.id in (
      select actor_id from audit_entries where article_id = ${articleId} and subject = 'article' and action = 'created'
      union select published_by from articles where id = ${articleId}
      union select author_id from annotations where article_id = ${articleId} and discarded_at is null
      union select assignee_id from annotations where article_id = ${articleId} and discarded_at is null
      union select e.actor_id from review_events e join annotations a on a.id = e.annotation_id
        where a.article_id = ${articleId} and a.discarded_at is null
          and e.kind = 'status' and e.to_status in ('approved', 'rejected', 'changes_requested')
    )`);
}
