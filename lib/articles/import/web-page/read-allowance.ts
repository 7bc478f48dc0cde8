import { sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { rowsOf } from "@/db/rows";
import { TooManyRequests } from "@/lib/errors";

/**
 * How many web pages one person may have the desk read in READ_WINDOW_MINUTES. An editor at work reads
 * a page every few seconds at the most (a preview, a correction, another preview); an account made to
 * have the server fetch for someone else, or a script gone wrong, stops here. Every instance counts alike.
 */
export const MAX_PAGE_READS = 60;
export const READ_WINDOW_MINUTES = 10;

/**
 * Counts a page read for `actorId`, or refuses it once they have had MAX_PAGE_READS in the last
 * READ_WINDOW_MINUTES, saying when they may read again. Reads older than the window are forgotten as
 * the person reads on.
 * @throws TooManyRequests
 */
export async function takePageRead(db: Database, actorId: string): Promise<void> {
  const window = sql`now() - make_interval(mins => ${READ_WINDOW_MINUTES})`;
  const taken = rowsOf<{ id: string }>(
    await db.execute(sql`
      insert into page_reads (actor_id)
      select ${actorId} where (select count(*) from page_reads where actor_id = ${actorId} and read_at > ${window}) < ${MAX_PAGE_READS}
      returning id`),
  );
  if (taken.length === 0) {
    const [oldest] = rowsOf<{ seconds: number }>(
      await db.execute(sql`select ceil(extract(epoch from min(read_at) - ${window}))::int as seconds from page_reads where actor_id = ${actorId} and read_at > ${window}`),
    );
    const minutes = Math.max(1, Math.ceil((oldest?.seconds ?? 60) / 60));
    throw new TooManyRequests(
      `You have had the desk read ${MAX_PAGE_READS} web pages in ${READ_WINDOW_MINUTES} minutes, as many as it reads for one person: try again in ${minutes === 1 ? "a minute" : `${minutes} minutes`}.`,
    );
  }
  await db.execute(sql`delete from page_reads where actor_id = ${actorId} and read_at <= ${window}`);
}
