import { and, asc, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { presence, users } from "@/db/schema";
import { LIVE_CHANNEL } from "./channel";

/** An open event stream refreshes its row this often... */
export const PRESENCE_TOUCH_MS = 10_000;
/** ...and a row older than this is someone who left without saying so (their instance died): three missed touches. */
export const PRESENCE_TTL_MS = 30_000;

/** Someone reading the article now. */
export type Present = { id: string; name: string };

/** An open stream: who reads which article through which connection. */
export type PresenceEntry = { connectionId: string; articleId: string; userId: string };

const ttl = sql`now() - make_interval(secs => ${PRESENCE_TTL_MS / 1000})`;

/** Tells every instance that who reads `articleIds` changed; sent at commit, with the change. */
async function announce(db: Database, articleIds: Iterable<string>): Promise<void> {
  for (const articleId of new Set(articleIds)) {
    await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ kind: "presence", articleId })})`);
  }
}

export async function joinPresence(db: Database, entry: PresenceEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(presence).values(entry).onConflictDoUpdate({ target: presence.connectionId, set: { lastSeen: sql`now()` } });
    await announce(tx, [entry.articleId]);
  });
}

export async function leavePresence(db: Database, connectionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tx.delete(presence).where(eq(presence.connectionId, connectionId)).returning({ articleId: presence.articleId });
    await announce(
      tx,
      gone.map((row) => row.articleId),
    );
  });
}

/**
 * Refreshes the rows of this instance's open streams in one statement. A row that another instance
 * expired meanwhile (this one stalled for 30 s) comes back, and its article hears of it.
 */
export async function touchPresence(db: Database, entries: PresenceEntry[]): Promise<void> {
  if (!entries.length) return;
  await db.transaction(async (tx) => {
    const rows = await tx
      .insert(presence)
      .values(entries)
      .onConflictDoUpdate({ target: presence.connectionId, set: { lastSeen: sql`now()` } })
      // xmax is 0 on a row this statement inserted, not on one it updated.
      .returning({ articleId: presence.articleId, inserted: sql<boolean>`(xmax = 0)` });
    await announce(
      tx,
      rows.filter((row) => row.inserted).map((row) => row.articleId),
    );
  });
}

/** Deletes the rows nobody refreshed within the TTL, and tells their articles. Any instance may do it: it is idempotent. */
export async function expirePresence(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tx.delete(presence).where(lt(presence.lastSeen, ttl)).returning({ articleId: presence.articleId });
    await announce(
      tx,
      gone.map((row) => row.articleId),
    );
  });
}

/** Who has the article open now, once each, by name; stale rows and disabled users are left out. */
export async function listPresent(db: Database, articleId: string): Promise<Present[]> {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(presence)
    .innerJoin(users, eq(users.id, presence.userId))
    .where(and(eq(presence.articleId, articleId), gt(presence.lastSeen, ttl), eq(users.disabled, false)))
    .orderBy(asc(users.name), asc(users.id));
}

/** Of `userIds`, those that exist and are not disabled, with the session generation each honours: what an open stream re-checks. */
export async function activeSessionGenerations(db: Database, userIds: string[]): Promise<Map<string, number>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ id: users.id, sessionGeneration: users.sessionGeneration })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.disabled, false)));
  return new Map(rows.map((row) => [row.id, row.sessionGeneration]));
}
