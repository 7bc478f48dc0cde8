import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/database";
import { webhookDeliveries, webhooks } from "@/db/schema";
import type { WebhookEvent, WebhookEventData, WebhookEventType } from "./events";

/**
 * Queues the event `type` for every active webhook that receives it (or only for `webhookId`), inside
 * `tx`, the transaction of the change it tells of: the event is sent if and only if the change
 * commits. Returns the event, or null when no webhook wanted it.
 */
export async function enqueueWebhookEvent<Type extends WebhookEventType>(
  tx: Transaction | Database,
  type: Type,
  data: WebhookEventData[Type],
  options: { webhookId?: string } = {},
): Promise<WebhookEvent<Type> | null> {
  const receivers = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.active, true), options.webhookId ? eq(webhooks.id, options.webhookId) : sql`${type} = any(${webhooks.events})`));
  if (receivers.length === 0) return null;
  const event: WebhookEvent<Type> = { id: randomUUID(), type, createdAt: new Date().toISOString(), data };
  await tx.insert(webhookDeliveries).values(receivers.map((webhook) => ({ webhookId: webhook.id, eventId: event.id, eventType: type, event })));
  return event;
}
