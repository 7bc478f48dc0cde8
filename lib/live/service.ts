import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { articles } from "@/db/schema";
import { Invalid, NotFound } from "@/lib/errors";
import { mayViewArticles } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import type { SessionActor } from "@/lib/users/actor";
import type { LiveHub } from "./hub";
import { articleEventStream } from "./stream";

/** A cursor is an audit entry id; absent (a page opening the stream for the first time) means "from now". */
const cursorSchema = z
  .string()
  .regex(/^\d{1,15}$/, "must be the id of the last event received")
  .transform(Number)
  .nullable();

/**
 * The article's event stream for `actor`: only signed-in active users, on an article that exists.
 * The hub is started only for such a request. The cursor comes from `Last-Event-ID` (a browser reconnecting) or `?after=` (a page that had to
 * open a new EventSource), whichever is later.
 */
export async function openArticleEvents(
  db: Database,
  hub: () => Promise<LiveHub>,
  actor: SessionActor | null,
  articleId: string,
  request: { lastEventId: string | null; after: string | null; signal: AbortSignal },
): Promise<ReadableStream<Uint8Array>> {
  enforce(mayViewArticles(actor), actor);
  const [article] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  const cursors = [request.lastEventId, request.after].map((value) => {
    const parsed = cursorSchema.safeParse(value === "" ? null : value);
    if (!parsed.success) throw new Invalid("The event cursor must be the id of the last event received.", { cursor: parsed.error.issues[0]!.message });
    return parsed.data;
  });
  const known = cursors.filter((cursor): cursor is number => cursor !== null);
  return articleEventStream({ db, hub: await hub(), actor: actor!, articleId, cursor: known.length ? Math.max(...known) : null, signal: request.signal });
}
