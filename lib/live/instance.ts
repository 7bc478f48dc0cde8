import { getConnection } from "@/db/client";
import { LiveHub } from "./hub";

// On globalThis, like the connection, so that module reloads in development reuse the one hub (and its one LISTEN).
const holder = globalThis as typeof globalThis & { __factcheckLiveHub?: Promise<LiveHub> };

/** This instance's hub, started on first use: one LISTEN connection however many streams are open. */
export function getLiveHub(): Promise<LiveHub> {
  holder.__factcheckLiveHub ??= (async () => {
    const connection = await getConnection();
    const hub = new LiveHub(connection.db);
    await hub.start((channel, handlers) => connection.listen(channel, handlers));
    // `next start` waits for open responses before it exits on SIGTERM: event streams never finish by themselves.
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => hub.endStreams());
    return hub;
  })();
  holder.__factcheckLiveHub.catch(() => {
    holder.__factcheckLiveHub = undefined;
  });
  return holder.__factcheckLiveHub;
}
