import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { webhookDeliveries, webhooks } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { Conflict, Invalid, NotFound } from "@/lib/errors";
import { enforce } from "@/lib/policies/enforce";
import { mayManageWebhooks } from "@/lib/policies/webhook";
import { isSafeHttpUrl } from "@/lib/urls";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { destinationProblem } from "@/lib/http/destination";
import { ALLOWING, webhookDestinations } from "./destination";
import { webhookEventSchema, webhookFormatSchema, type WebhookEventType, type WebhookFormat } from "./events";
import { enqueueWebhookEvent } from "./outbox";
import { newWebhookSecret } from "./signature";

/** How many of a webhook's latest deliveries its admin sees. */
export const RECENT_DELIVERIES = 10;

/** One attempt series of one event, as admins follow it. */
export type WebhookDelivery = {
  id: string;
  eventId: string;
  eventType: WebhookEventType;
  createdAt: string;
  attempts: number;
  /** `delivered`; `retrying` (failed, due again at `nextAttemptAt`); `failed` (given up); `pending` (not tried yet). */
  state: "pending" | "delivered" | "retrying" | "failed";
  nextAttemptAt: string | null;
  at: string | null;
  responseStatus: number | null;
  lastError: string | null;
};

/** A webhook as its admin sees it, secret included. */
export type Webhook = {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  format: WebhookFormat;
  secret: string;
  active: boolean;
  createdAt: string;
  deliveries: WebhookDelivery[];
};

const urlSchema = z
  .string("must be an http:// or https:// address")
  .trim()
  .min(1, "is required")
  .max(2_000, "must be at most 2,000 characters")
  .refine(isSafeHttpUrl, "must be an http:// or https:// address");

const eventsSchema = z
  .array(webhookEventSchema, "must list the events to send")
  .min(1, "must list at least one event")
  .transform((events) => [...new Set(events)]);

export const webhookCreateSchema = z.strictObject({
  url: urlSchema,
  description: z.string("must be text").trim().max(200, "must be at most 200 characters").default(""),
  events: eventsSchema,
  format: webhookFormatSchema.default("json"),
});

export const webhookChangeSchema = z.strictObject({
  url: urlSchema.optional(),
  description: z.string("must be text").trim().max(200, "must be at most 200 characters").optional(),
  events: eventsSchema.optional(),
  format: webhookFormatSchema.optional(),
  active: z.boolean("must be true or false").optional(),
  /** A new secret replaces the old at once: receivers must be given it. */
  newSecret: z.literal(true, "must be true").optional(),
});

/** Every webhook with its latest deliveries, newest first; admins only. */
export async function listWebhooks(db: Database, actor: Actor | null): Promise<Webhook[]> {
  enforce(mayManageWebhooks(actor), actor);
  return webhooksWhere(db, undefined);
}

/** The webhooks `which` selects, newest first, each with its latest deliveries. */
async function webhooksWhere(db: Database, which: SQL | undefined): Promise<Webhook[]> {
  const rows = await db.select().from(webhooks).where(which).orderBy(desc(webhooks.createdAt));
  if (rows.length === 0) return [];
  const deliveries = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        inArray(
          webhookDeliveries.webhookId,
          rows.map((row) => row.id),
        ),
        // Each webhook's latest few, without reading its whole history.
        sql`${webhookDeliveries.id} in (select id from webhook_deliveries latest where latest.webhook_id = ${webhookDeliveries.webhookId} order by created_at desc, id desc limit ${RECENT_DELIVERIES})`,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id));
  return rows.map((row) => ({
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as WebhookEventType[],
    format: row.format as WebhookFormat,
    secret: row.secret,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    deliveries: deliveries.filter((delivery) => delivery.webhookId === row.id).map(deliveryOf),
  }));
}

function deliveryOf(row: typeof webhookDeliveries.$inferSelect): WebhookDelivery {
  const state = row.deliveredAt ? "delivered" : row.failedAt ? "failed" : row.attempts > 0 ? "retrying" : "pending";
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType as WebhookEventType,
    createdAt: row.createdAt.toISOString(),
    attempts: row.attempts,
    state,
    nextAttemptAt: state === "retrying" || state === "pending" ? row.nextAttemptAt.toISOString() : null,
    at: (row.deliveredAt ?? row.failedAt)?.toISOString() ?? null,
    responseStatus: row.responseStatus,
    lastError: row.lastError,
  };
}

/** One webhook as its admin sees it, once a service has checked who asks. */
async function webhookOf(db: Database, id: string): Promise<Webhook> {
  const [found] = await webhooksWhere(db, eq(webhooks.id, id));
  if (!found) throw new NotFound(`No webhook with id ${id}.`);
  return found;
}

/** What the audit trail keeps of a webhook: never its secret. */
const auditedOf = (webhook: { url: string; description: string; events: string[]; format: string; active: boolean }) => ({
  url: webhook.url,
  description: webhook.description,
  events: webhook.events,
  format: webhook.format,
  active: webhook.active,
});

/** Refuses (400 naming `url`) an address webhooks may not reach: see ./destination.ts. */
async function checkDestination(url: string): Promise<void> {
  const problem = await destinationProblem(url, webhookDestinations());
  if (!problem) return;
  throw new Invalid(`Webhooks reach only public addresses, and ${problem}. ${ALLOWING}`, { url: `must be a public address: ${problem}; the server's operator can allow it in WEBHOOK_PRIVATE_HOSTS` });
}

/** Adds a webhook (`{url, description?, events, format?}`) with a new secret; admins only, audited. */
export async function createWebhook(db: Database, actor: Actor | null, input: unknown): Promise<Webhook> {
  enforce(mayManageWebhooks(actor), actor);
  const values = parseInput(webhookCreateSchema, input);
  await checkDestination(values.url);
  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(webhooks)
      .values({ ...values, secret: newWebhookSecret(), createdBy: actor!.id })
      .returning();
    await recordAudit(tx, { actorId: actor!.id, subject: "webhook", subjectId: created!.id, action: "created", after: auditedOf(created!) });
    return created!.id;
  });
  return webhookOf(db, id);
}

/** Changes a webhook: its address, description, events, format, whether it is active, or (`newSecret`) its secret. Admins only, audited. */
export async function updateWebhook(db: Database, actor: Actor | null, id: string, input: unknown): Promise<Webhook> {
  enforce(mayManageWebhooks(actor), actor);
  const { newSecret, ...change } = parseInput(webhookChangeSchema, input);
  if (change.url !== undefined) await checkDestination(change.url);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(webhooks).where(eq(webhooks.id, id)).for("update");
    if (!before) throw new NotFound(`No webhook with id ${id}.`);
    const [after] = await tx
      .update(webhooks)
      .set({ ...change, ...(newSecret && { secret: newWebhookSecret() }) })
      .where(eq(webhooks.id, id))
      .returning();
    await recordAudit(tx, {
      actorId: actor!.id,
      subject: "webhook",
      subjectId: id,
      action: "updated",
      before: auditedOf(before),
      after: { ...auditedOf(after!), ...(newSecret && { secret: "replaced" }) },
    });
  });
  return webhookOf(db, id);
}

/** Deletes a webhook and its deliveries (those not sent yet are not); admins only, audited. */
export async function deleteWebhook(db: Database, actor: Actor | null, id: string): Promise<void> {
  enforce(mayManageWebhooks(actor), actor);
  await db.transaction(async (tx) => {
    const [deleted] = await tx.delete(webhooks).where(eq(webhooks.id, id)).returning();
    if (!deleted) throw new NotFound(`No webhook with id ${id}.`);
    await recordAudit(tx, { actorId: actor!.id, subject: "webhook", subjectId: id, action: "deleted", before: auditedOf(deleted) });
  });
}

/** Queues a `ping` for one active webhook, whatever events it receives: to check that the receiver answers and checks signatures. */
export async function sendTestEvent(db: Database, actor: Actor | null, id: string): Promise<Webhook> {
  enforce(mayManageWebhooks(actor), actor);
  const [webhook] = await db.select({ active: webhooks.active }).from(webhooks).where(eq(webhooks.id, id));
  if (!webhook) throw new NotFound(`No webhook with id ${id}.`);
  if (!webhook.active) throw new Conflict("The webhook is paused: resume it to send it events.");
  await enqueueWebhookEvent(db, "ping", { message: `A test event from the fact-check desk, sent by ${actor!.name}.` }, { webhookId: id });
  return webhookOf(db, id);
}

/** Sends a delivery again from its first attempt, now: one given up on once its receiver is mended, or one delivered that a receiver lost. */
export async function redeliver(db: Database, actor: Actor | null, deliveryId: string): Promise<Webhook> {
  enforce(mayManageWebhooks(actor), actor);
  const [delivery] = await db
    .update(webhookDeliveries)
    .set({ attempts: 0, nextAttemptAt: sql`now()`, deliveredAt: null, failedAt: null, responseStatus: null, lastError: null })
    .where(eq(webhookDeliveries.id, deliveryId))
    .returning({ webhookId: webhookDeliveries.webhookId });
  if (!delivery) throw new NotFound(`No webhook delivery with id ${deliveryId}.`);
  return webhookOf(db, delivery.webhookId);
}
