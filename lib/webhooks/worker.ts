import type { Database } from "@/db/database";
import { deliverDueWebhooks, pruneFinishedDeliveries } from "./delivery";

/** How often each instance looks for deliveries that are due: an event reaches its webhooks within this. */
export const POLL_MS = 3_000;

/** How often, in polls, an instance deletes the deliveries finished long ago (about hourly). */
const PRUNE_EVERY = Math.round(3_600_000 / POLL_MS);

const holder = globalThis as { __factcheckWebhookTimer?: ReturnType<typeof setInterval> };

/**
 * Posts due webhook deliveries every `POLL_MS` for as long as the server runs (once per process, however
 * often it is called), and about hourly deletes those finished long ago. Each instance polls; the claim in `deliverDueWebhooks` keeps them from posting
 * one delivery twice. A round never overlaps the previous one; a failure is logged, and the next round
 * tries again.
 */
export function startWebhookDelivery(db: Database): void {
  if (holder.__factcheckWebhookTimer) return;
  let running = false;
  let polls = 0;
  holder.__factcheckWebhookTimer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueWebhooks(db);
      if (polls++ % PRUNE_EVERY === 0) await pruneFinishedDeliveries(db);
    } catch (error) {
      console.error(`Webhooks: delivering failed (${error instanceof Error ? error.message : String(error)}); trying again in ${POLL_MS / 1000} s.`);
    } finally {
      running = false;
    }
  }, POLL_MS);
  holder.__factcheckWebhookTimer.unref?.();
}
