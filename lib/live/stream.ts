import { randomUUID } from "node:crypto";
import type { Database } from "@/db/database";
import type { SessionActor } from "@/lib/users/actor";
import { FEED_PAGE, readArticleEvents, type ArticleEvent } from "./feed";
import type { LiveHub } from "./hub";
import { joinPresence, leavePresence } from "./presence";

/** Comment lines this often keep proxies and load balancers from closing an idle stream. */
const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting a dropped stream (the `retry:` field). */
export const RETRY_MS = 2_000;
/** A client further behind than this reloads everything instead of replaying every entry. */
const REPLAY_LIMIT = 5 * FEED_PAGE;

export type StreamRequest = {
  db: Database;
  hub: LiveHub;
  actor: SessionActor;
  articleId: string;
  /** The last event id the client received (`Last-Event-ID`), or null for a new page: start from now. */
  cursor: number | null;
  signal: AbortSignal;
};

/**
 * The server-sent events of one article for one reader:
 * - `ready` once connected, with the cursor the stream starts after (the page refetches its list then);
 * - `change` per audit entry of the article, with the entry's id as event id, replaying from `cursor` first;
 * - `presence`: who has the article open, whenever that changes;
 * - `reset` when the client was too far behind to replay (it reloads everything);
 * - `refused` when the reader's account was disabled or their sessions ended: the stream then ends.
 */
export function articleEventStream(request: StreamRequest): ReadableStream<Uint8Array> {
  const { db, hub, actor, articleId, signal } = request;
  const connectionId = randomUUID();
  const encoder = new TextEncoder();
  let closed = false;
  const cleanups: (() => void)[] = [];

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        for (const cleanup of cleanups) cleanup();
        void leavePresence(db, connectionId).catch(() => {});
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      // Both: some runtimes abort the request's signal on disconnect, others only cancel the body.
      signal.addEventListener("abort", close, { once: true });
      cleanups.push(() => signal.removeEventListener("abort", close));

      let lastSent = request.cursor ?? -1;
      let held: ArticleEvent[] | null = [];
      const deliver = (events: ArticleEvent[]) => {
        for (const event of events) {
          if (event.id <= lastSent) continue;
          send(`id: ${event.id}\nevent: change\ndata: ${JSON.stringify(event)}\n\n`);
          lastSent = event.id;
        }
      };

      send(`retry: ${RETRY_MS}\n\n`);
      // Subscribe first, then read where the hub stands: what it delivers from here on is held until the
      // replay up to that point is sent, so that nothing falls between the two and nothing comes twice.
      cleanups.push(
        hub.subscribe({
          connectionId,
          articleId,
          userId: actor.id,
          sessionGeneration: actor.sessionGeneration,
          onEvents: (events) => (held ? held.push(...events) : deliver(events)),
          onPresence: (present) => send(`event: presence\ndata: ${JSON.stringify({ present })}\n\n`),
          onCutOff: () => {
            send(`event: refused\ndata: ${JSON.stringify({ error: "Your session ended: a password changed or reset, Sign out everywhere, or a disabled account. Sign in again." })}\n\n`);
            close();
          },
          onShutdown: close,
        }),
      );
      const upTo = hub.delivered;
      try {
        if (request.cursor !== null && request.cursor < upTo) await replay(upTo);
      } catch {
        close();
        return;
      }
      lastSent = Math.max(lastSent, upTo);
      send(`id: ${lastSent}\nevent: ready\ndata: ${JSON.stringify({ cursor: lastSent })}\n\n`);
      const waiting = held;
      held = null;
      deliver(waiting);

      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      // Closed already (ended by a shutdown during the replay, say): the cleanups have run.
      if (closed) clearInterval(heartbeat);
      else cleanups.push(() => clearInterval(heartbeat));
      await joinPresence(db, { connectionId, articleId, userId: actor.id }).catch(() => close());
      if (closed) void leavePresence(db, connectionId).catch(() => {});

      async function replay(until: number): Promise<void> {
        for (let replayed = 0; lastSent < until; replayed += FEED_PAGE) {
          if (replayed >= REPLAY_LIMIT) {
            send(`event: reset\ndata: {}\n\n`);
            return;
          }
          const page = await readArticleEvents(db, { after: lastSent, upTo: until, articleId });
          deliver(page);
          if (page.length < FEED_PAGE) return;
        }
      }
    },
    cancel() {
      closed = true;
      for (const cleanup of cleanups) cleanup();
      void leavePresence(db, connectionId).catch(() => {});
    },
  });
}
