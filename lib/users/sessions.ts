import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { users } from "@/db/schema";

/**
 * Sessions are signed tokens held by the browser (next-auth's JWT strategy): the server keeps no list of
 * them, so it cannot end one by forgetting it. Instead each account has a session generation, copied
 * into every token at sign-in; a token of an older generation is not honoured. Bumping the generation
 * signs the account out on every device and every app instance at once, and costs nothing per request:
 * the account's row is read on every request anyway.
 */

/** The token's claim that holds the generation it was signed in under. */
export const SESSION_GENERATION_CLAIM = "sessionGeneration";

/**
 * Whether a session token still counts for its account. A token without the claim was issued before
 * generations existed: it belongs to generation 0, so that upgrading signs nobody out.
 */
export function isCurrentSession(token: Record<string, unknown>, account: { sessionGeneration: number }): boolean {
  const generation = token[SESSION_GENERATION_CLAIM];
  return (typeof generation === "number" ? generation : 0) === account.sessionGeneration;
}

/** The generation a new session of this account is signed in under (0 for an unknown account: it is refused later anyway). */
export async function sessionGenerationOf(db: Database, userId: string): Promise<number> {
  const [row] = await db.select({ sessionGeneration: users.sessionGeneration }).from(users).where(eq(users.id, userId));
  return row?.sessionGeneration ?? 0;
}

/** The column change that ends every session of an account, to merge into an update of its row. */
export const ENDED_SESSIONS = { sessionGeneration: sql`${users.sessionGeneration} + 1` };
