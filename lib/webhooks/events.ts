import { z } from "zod";
import type { Claimant } from "@/lib/annotations/claimant";
import type { ArticleDetailField } from "@/lib/articles/detail-fields";

/**
 * What the desk tells other systems (a CMS, a Slack channel, a newsroom's own tools) through webhooks.
 * A webhook subscribes to some of them; `ping` is the test event an admin sends by hand, to every webhook.
 */
export const WEBHOOK_EVENTS = [
  "fact_check.published",
  "fact_check.unpublished",
  "fact_check.changed",
  "claim.submitted",
  "reader_message.received",
  "reader_tip.received",
  "article.original_changed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number] | "ping";

export const webhookEventSchema = z.enum(WEBHOOK_EVENTS, { error: () => `must be one of ${WEBHOOK_EVENTS.join(", ")}` });

export const WEBHOOK_EVENT_LABELS: Record<(typeof WEBHOOK_EVENTS)[number], string> = {
  "fact_check.published": "A fact-check is published",
  "fact_check.unpublished": "A fact-check is unpublished",
  "fact_check.changed": "A published fact-check changes: a claim approved, re-rated or withdrawn, the text revised, the summary rewritten, its details or topics changed",
  "claim.submitted": "A claim is submitted for review",
  "reader_message.received": "A reader writes to the desk about a published fact-check",
  "reader_tip.received": "A reader suggests a claim to check",
  "article.original_changed": "The original of an article being checked changes at its web address (read every few hours)",
};

/** How a webhook's body is written: the desk's JSON, signed, or a Slack (or Mattermost, Teams workflow) message. */
export const WEBHOOK_FORMATS = ["json", "slack"] as const;

export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const webhookFormatSchema = z.enum(WEBHOOK_FORMATS, { error: () => `must be one of ${WEBHOOK_FORMATS.join(", ")}` });

/** A published fact-check, as every event about one names it. */
export type FactCheckRef = { articleId: string; title: string; url: string };

/** A claim, as events name it: never a draft's verdict as if it stood, hence the status beside it; who made it, or null. */
export type ClaimRef = { id: string; quote: string; claimant: Claimant | null; status: string; verdict: string | null; url: string };

/** What each event says. */
export type WebhookEventData = {
  /** `topics`: what the fact-check is filed under, in the desk's order (a CMS's categories). */
  "fact_check.published": { factCheck: FactCheckRef & { publishedAt: string; topics: string[] } };
  "fact_check.unpublished": { factCheck: FactCheckRef };
  "fact_check.changed":
    | { factCheck: FactCheckRef; change: "claim_approved" | "claim_withdrawn" | "claim_placed"; claim: ClaimRef }
    | { factCheck: FactCheckRef; change: "text_revised"; revision: number }
    | { factCheck: FactCheckRef; change: "summary_changed" }
    | { factCheck: FactCheckRef; change: "details_changed"; fields: ArticleDetailField[] }
    | { factCheck: FactCheckRef; change: "topics_changed"; topics: string[] };
  "claim.submitted": { claim: ClaimRef; article: { id: string; title: string }; by: string };
  /** The reader's words, never their email; `url` is the desk's list of the fact-check's messages. */
  "reader_message.received": { factCheck: FactCheckRef; claim: { id: string; quote: string } | null; message: string; url: string };
  /** A claim a reader would like checked, where they saw it (or null); `url` is the desk's list of tips. Never their email. */
  "reader_tip.received": { message: string; link: string | null; url: string };
  /**
   * The desk saw the original of `article` (`url` the desk's page of it) differ at `original` from what it knew,
   * at `seenAt`, in its revision `revision`: paragraphs only the original has, and only the desk's text has.
   */
  "article.original_changed": {
    article: { id: string; title: string; url: string };
    original: string;
    seenAt: string;
    revision: number;
    paragraphsAdded: number;
    paragraphsRemoved: number;
  };
  ping: { message: string };
};

/** One event as a webhook receives it (the JSON format's body): the same `id` on every webhook it went to and on every retry. */
export type WebhookEvent<Type extends WebhookEventType = WebhookEventType> = { id: string; type: Type; createdAt: string; data: WebhookEventData[Type] };
