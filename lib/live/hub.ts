import type { Connection } from "@/db/connect";
import type { Database } from "@/db/database";
import type { Unlisten } from "@/db/listen";
import { LIVE_CHANNEL, parseLivePayload } from "./channel";
import { FEED_PAGE, readArticleEvents, readLogSnapshot, type ArticleEvent } from "./feed";
import { SettledHorizon } from "./horizon";
import { activeSessionGenerations, expirePresence, listPresent, PRESENCE_TOUCH_MS, touchPresence, type Present } from "./presence";

/** An open event stream, as the hub knows it. */
export type Subscriber = {
  connectionId: string;
  articleId: string;
  userId: string;
  /** The session generation its reader signed in under: a later one (signed out everywhere) ends the stream. */
  sessionGeneration: number;
  /** Events of its article, in id order, each once. */
  onEvents(events: ArticleEvent[]): void;
  onPresence(present: Present[]): void;
  /** Its user was disabled or deleted, or their sessions ended: the stream must end. */
  onCutOff(): void;
  /** The instance is shutting down: the stream ends, and the browser reconnects to another instance. */
  onShutdown(): void;
};

/** Re-read the log this often while a read waits for transactions in flight, or a NOTIFY could have been missed. */
const PENDING_POLL_MS = 1_000;
/** Without any NOTIFY, re-read at least this often: a safety net, not the way events normally arrive. */
const IDLE_POLL_MS = 5_000;
/**
 * Presence changes of one article within this long are announced once: 500 readers opening an article
 * would otherwise send 500 lists to each of 500 streams (measured: writes stalled for seconds).
 */
const PRESENCE_COALESCE_MS = 250;
/** A user disabled, or signed out everywhere, while reading is cut off within this long. */
export const ACTOR_CHECK_MS = 30_000;

/**
 * One per app instance: listens for NOTIFY on the live channel, reads the audit trail up to its settled
 * horizon (horizon.ts) and fans each new entry out to the streams of its article, with one database
 * read per batch however many streams are open. It holds no truth of its own: where it stands in the
 * log is only how far it has delivered; presence and the log are in the database, shared by every instance.
 */
export class LiveHub {
  private horizon = SettledHorizon.start();
  /** Every article event up to this id has been handed to the subscribers; -1 until the first settled read. */
  private deliveredUpTo = -1;
  private readonly subscribers = new Set<Subscriber>();
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private lastRead = 0;
  private timers: ReturnType<typeof setInterval>[] = [];
  private unlisten: Unlisten | null = null;
  private readonly presenceDue = new Set<string>();
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private shuttingDown = false;

  constructor(private readonly db: Database) {}

  /** Starts listening and reads the log once, so that `delivered` is known before a stream asks. */
  async start(listen: Connection["listen"]): Promise<void> {
    this.unlisten = await listen(LIVE_CHANNEL, {
      onPayload: (payload) => this.receive(payload),
      // A fresh LISTEN may have missed notifications: read from where the hub stands.
      onConnected: () => void this.read(),
    });
    while (this.deliveredUpTo < 0) {
      await this.read();
      if (this.deliveredUpTo < 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.every(PENDING_POLL_MS, () => {
      if (this.horizon.pending || Date.now() - this.lastRead >= IDLE_POLL_MS) void this.read();
    });
    this.every(PRESENCE_TOUCH_MS, () => void this.touch());
    this.every(ACTOR_CHECK_MS, () => void this.checkActors());
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    await this.unlisten?.();
    await this.reading;
  }

  /** Every article event up to this id has been delivered to the subscribers; a new stream catches up to here from the log. */
  get delivered(): number {
    return this.deliveredUpTo;
  }

  get streamCount(): number {
    return this.subscribers.size;
  }

  subscribe(subscriber: Subscriber): () => void {
    if (this.shuttingDown) {
      // Opened while the instance stops: it ends at once, and the browser reconnects to another instance.
      queueMicrotask(() => subscriber.onShutdown());
      return () => {};
    }
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Reads the log up to the settled horizon and delivers; calls during a read make one more read after it. */
  read(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = (async () => {
      try {
        do {
          this.readAgain = false;
          await this.readOnce();
        } while (this.readAgain);
      } catch (error) {
        // The database is away: the next tick or notification tries again from the same place.
        console.error("live: reading the audit trail failed:", error);
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }

  private async readOnce(): Promise<void> {
    this.lastRead = Date.now();
    this.horizon = this.horizon.observe(await readLogSnapshot(this.db));
    const settled = this.horizon.settled;
    if (this.deliveredUpTo < 0) {
      // A hub starts from now: streams replay the past from the log themselves.
      this.deliveredUpTo = settled;
      return;
    }
    while (this.deliveredUpTo < settled) {
      const events = await readArticleEvents(this.db, { after: this.deliveredUpTo, upTo: settled, articleId: null });
      const upTo = events.length === FEED_PAGE ? events[events.length - 1]!.id : settled;
      this.fanOut(events);
      this.deliveredUpTo = upTo;
    }
  }

  private fanOut(events: ArticleEvent[]): void {
    if (!events.length) return;
    const byArticle = new Map<string, ArticleEvent[]>();
    for (const event of events) byArticle.set(event.articleId, [...(byArticle.get(event.articleId) ?? []), event]);
    for (const subscriber of this.subscribers) {
      const mine = byArticle.get(subscriber.articleId);
      if (mine) subscriber.onEvents(mine);
    }
  }

  private receive(payload: string): void {
    const message = parseLivePayload(payload);
    if (!message) return;
    if (message.kind === "audit") {
      void this.read();
      return;
    }
    if (!this.hasReaders(message.articleId)) return;
    this.presenceDue.add(message.articleId);
    this.presenceTimer ??= setTimeout(() => {
      this.presenceTimer = null;
      const due = [...this.presenceDue];
      this.presenceDue.clear();
      for (const articleId of due) void this.announcePresence(articleId);
    }, PRESENCE_COALESCE_MS);
  }

  private hasReaders(articleId: string): boolean {
    for (const subscriber of this.subscribers) if (subscriber.articleId === articleId) return true;
    return false;
  }

  private async announcePresence(articleId: string): Promise<void> {
    const here = [...this.subscribers].filter((subscriber) => subscriber.articleId === articleId);
    if (!here.length) return;
    try {
      const present = await listPresent(this.db, articleId);
      for (const subscriber of here) subscriber.onPresence(present);
    } catch (error) {
      console.error("live: reading presence failed:", error);
    }
  }

  private async touch(): Promise<void> {
    try {
      await touchPresence(
        this.db,
        [...this.subscribers].map(({ connectionId, articleId, userId }) => ({ connectionId, articleId, userId })),
      );
      await expirePresence(this.db);
    } catch (error) {
      console.error("live: refreshing presence failed:", error);
    }
  }

  /**
   * Ends every open stream, and every stream opened from now on, so that a graceful shutdown (which waits
   * for open responses) is not held up by them.
   */
  endStreams(): void {
    this.shuttingDown = true;
    for (const subscriber of [...this.subscribers]) subscriber.onShutdown();
  }

  /** Ends the streams of users disabled (or deleted) since they connected, and of sessions since ended. */
  async checkActors(): Promise<void> {
    const streams = [...this.subscribers];
    if (!streams.length) return;
    try {
      const active = await activeSessionGenerations(this.db, [...new Set(streams.map((subscriber) => subscriber.userId))]);
      for (const subscriber of streams) if (active.get(subscriber.userId) !== subscriber.sessionGeneration) subscriber.onCutOff();
    } catch (error) {
      console.error("live: checking users failed:", error);
    }
  }

  private every(ms: number, tick: () => void): void {
    const timer = setInterval(tick, ms);
    // The hub never keeps a process (a test, a CLI) alive on its own.
    timer.unref?.();
    this.timers.push(timer);
  }
}
