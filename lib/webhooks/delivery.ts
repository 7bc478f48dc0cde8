import { and, eq, isNotNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { rowsOf } from "@/db/rows";
import { webhookDeliveries } from "@/db/schema";
import { chatMessageOf } from "./chat-message";
import { PrivateDestination, type DestinationPolicy } from "@/lib/http/destination";
import { ALLOWING, webhookDestinations } from "./destination";
import type { WebhookEvent, WebhookFormat } from "./events";
import { retryDelayMs } from "./retries";
import { NoAnswer, postTo } from "./send";
import { SIGNATURE_HEADER, signatureOf } from "./signature";

/** How long a receiver has to answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** How many deliveries one round claims. */
const ROUND = 20;

/**
 * How long a claimed delivery stays with the instance that claimed it: well beyond its request's
 * timeout, so that no other instance posts it meanwhile, and short enough that one that died with it
 * leaves it to the others soon.
 */
const LEASE = "2 minutes";

type ClaimedDelivery = { id: string; event: WebhookEvent; attempts: number; url: string; format: WebhookFormat; secret: string };

/** What one attempt came to. */
type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * Posts the deliveries that are due, of active webhooks, a round at a time until none is left; returns
 * how many it attempted. Any number of instances may run this at once: each claims its deliveries
 * (`FOR UPDATE SKIP LOCKED`, then a lease), so that none is posted twice at the same time. A delivery is
 * at-least-once: one whose instance died mid-request is posted again when its lease ends.
 */
export async function deliverDueWebhooks(db: Database, options: { timeoutMs?: number } = {}): Promise<number> {
  const sending = { policy: webhookDestinations(), timeoutMs: options.timeoutMs ?? DELIVERY_TIMEOUT_MS };
  let attempted = 0;
  for (;;) {
    const claimed = await claimDue(db);
    await Promise.all(claimed.map(async (delivery) => recordOutcome(db, delivery, await post(delivery, sending))));
    attempted += claimed.length;
    if (claimed.length < ROUND) return attempted;
  }
}

async function claimDue(db: Database): Promise<ClaimedDelivery[]> {
  const result = await db.execute(sql`
    with due as (
      select d.id from webhook_deliveries d join webhooks w on w.id = d.webhook_id
      where d.delivered_at is null and d.failed_at is null and d.next_attempt_at <= now() and w.active
      order by d.next_attempt_at
      limit ${ROUND}
      for update of d skip locked
    )
    update webhook_deliveries d
    set attempts = d.attempts + 1, next_attempt_at = now() + ${LEASE}::interval
    from due, webhooks w
    where d.id = due.id and w.id = d.webhook_id
    returning d.id, d.event, d.attempts, w.url, w.format, w.secret`);
  return rowsOf<ClaimedDelivery>(result);
}

/** The body a webhook gets: the event as JSON, or the chat message its format asks for. */
export function bodyOf(event: WebhookEvent, format: WebhookFormat): string {
  return JSON.stringify(format === "slack" ? chatMessageOf(event) : event);
}

async function post(delivery: ClaimedDelivery, options: { policy: DestinationPolicy; timeoutMs: number }): Promise<Outcome> {
  const body = bodyOf(delivery.event, delivery.format);
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": "FactCheckDesk-Webhooks/1",
    "Webhook-Id": delivery.event.id,
    "Webhook-Event": delivery.event.type,
    [SIGNATURE_HEADER]: signatureOf(delivery.secret, body, new Date()),
  };
  try {
    // A redirect is not followed: the secret's signature is for the address an admin gave.
    const { status, location } = await postTo(delivery.url, body, headers, options);
    if (status >= 200 && status < 300) return { ok: true, status };
    if (status >= 300 && status < 400) {
      return { ok: false, status, error: `Redirected (HTTP ${status}) to ${location ?? "another address"}: give the webhook its final address.` };
    }
    return { ok: false, status, error: `The receiver answered HTTP ${status}.` };
  } catch (error) {
    return { ok: false, status: null, error: failureOf(error) };
  }
}

function failureOf(error: unknown): string {
  if (error instanceof NoAnswer) return error.message;
  if (error instanceof PrivateDestination) return `Not sent: ${error.message}. ${ALLOWING}`;
  return `Could not reach the receiver: ${error instanceof Error ? error.message : String(error)}.`;
}

/** Delivered; or due again after its delay; or, after its last attempt, given up. */
async function recordOutcome(db: Database, delivery: ClaimedDelivery, outcome: Outcome): Promise<void> {
  if (outcome.ok) {
    await db
      .update(webhookDeliveries)
      .set({ deliveredAt: sql`now()`, responseStatus: outcome.status, lastError: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    return;
  }
  const delay = retryDelayMs(delivery.attempts);
  await db
    .update(webhookDeliveries)
    .set({
      responseStatus: outcome.status,
      lastError: outcome.error,
      ...(delay === null ? { failedAt: sql`now()` } : { nextAttemptAt: sql`now() + ${delay / 1000}::double precision * interval '1 second'` }),
    })
    .where(eq(webhookDeliveries.id, delivery.id));
}

/** How long the outcome of a finished delivery (delivered, or given up) is kept for admins to look at. */
export const KEEP_FINISHED_DAYS = 30;

/**
 * Deletes the deliveries that finished (delivered or given up) more than `KEEP_FINISHED_DAYS` ago, so
 * that the outbox does not grow with the desk's age; returns how many. Those still due are never deleted.
 */
export async function pruneFinishedDeliveries(db: Database): Promise<number> {
  const before = sql`now() - ${KEEP_FINISHED_DAYS} * interval '1 day'`;
  const deleted = await db
    .delete(webhookDeliveries)
    .where(or(and(isNotNull(webhookDeliveries.deliveredAt), lt(webhookDeliveries.deliveredAt, before)), and(isNotNull(webhookDeliveries.failedAt), lt(webhookDeliveries.failedAt, before))))
    .returning({ id: webhookDeliveries.id });
  return deleted.length;
}
