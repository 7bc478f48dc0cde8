import type { Client as PgClient } from "pg";

/** What a listener is told: each notification's payload, and that it (re)connected, when notifications may have been missed. */
export type ListenHandlers = { onPayload(payload: string): void; onConnected(): void };

/** Stops listening and closes what the listener holds. */
export type Unlisten = () => Promise<void>;

const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 10_000;

/**
 * LISTENs on `channel` over a dedicated connection to PostgreSQL (not one of the pool's: a pooled
 * connection goes back to the pool and its LISTEN with it). When that connection drops it reconnects
 * with doubling back-off; `onConnected` then runs again, since notifications sent in between are lost.
 */
export async function listenOnPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<Unlisten> {
  const { Client } = await import("pg");
  let client: PgClient | null = null;
  let stopped = false;
  let retryMs = FIRST_RETRY_MS;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const scheduleReconnect = () => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
  };

  async function connect(): Promise<void> {
    const attempt = new Client({ connectionString: url, keepAlive: true });
    attempt.on("notification", (message) => {
      if (message.channel === channel) handlers.onPayload(message.payload ?? "");
    });
    // Errors after connecting (the server restarted, the network dropped) end the connection: start over.
    attempt.on("error", () => {
      void attempt.end().catch(() => {});
      if (client === attempt) client = null;
      scheduleReconnect();
    });
    attempt.on("end", () => {
      if (client === attempt) client = null;
      scheduleReconnect();
    });
    try {
      await attempt.connect();
      await attempt.query(`LISTEN ${quoteIdentifier(channel)}`);
    } catch {
      void attempt.end().catch(() => {});
      scheduleReconnect();
      return;
    }
    if (stopped) {
      await attempt.end().catch(() => {});
      return;
    }
    client = attempt;
    retryMs = FIRST_RETRY_MS;
    handlers.onConnected();
  }

  await connect();
  return async () => {
    stopped = true;
    if (retryTimer) clearTimeout(retryTimer);
    await client?.end().catch(() => {});
    client = null;
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
