import { claimantLine } from "@/lib/annotations/claimant";
import { VERDICT_LABELS, type Verdict } from "@/lib/annotations/verdicts";
import { ARTICLE_DETAIL_LABELS } from "@/lib/articles/detail-fields";
import type { ClaimRef, WebhookEvent } from "./events";
import { shortened } from "@/lib/shortened";

/** Text as Slack's message format reads it: `&`, `<` and `>` escaped, so that what a user typed stays text and never a link or a mention. */
function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const link = (url: string, text: string) => `<${url}|${escape(text)}>`;

/** Who made the claim, when someone was named, to follow its quote: " (Jane Doe, mayor)". */
const madeBy = (claim: ClaimRef) => (claim.claimant ? ` (${escape(shortened(claimantLine(claim.claimant), 120))})` : "");

function quoteOf(claim: ClaimRef): string {
  return `“${escape(shortened(claim.quote, 200))}”${madeBy(claim)}`;
}

const rating = (verdict: string | null) => (verdict && verdict in VERDICT_LABELS ? `*${VERDICT_LABELS[verdict as Verdict]}*` : "*no rating*");

/** The one-line message a chat channel (Slack, Mattermost, a Teams workflow) gets for `event`: `{ text }`. */
export function chatMessageOf(event: WebhookEvent): { text: string } {
  return { text: chatTextOf(event) };
}

function chatTextOf(event: WebhookEvent): string {
  switch (event.type) {
    case "fact_check.published": {
      const { factCheck } = (event as WebhookEvent<"fact_check.published">).data;
      return `Published: ${link(factCheck.url, factCheck.title)}`;
    }
    case "fact_check.unpublished": {
      const { factCheck } = (event as WebhookEvent<"fact_check.unpublished">).data;
      return `Unpublished: *${escape(factCheck.title)}* (its public page is down)`;
    }
    case "fact_check.changed": {
      const data = (event as WebhookEvent<"fact_check.changed">).data;
      const page = link(data.factCheck.url, data.factCheck.title);
      if (data.change === "text_revised") return `Text revised (revision ${data.revision}) on ${page}`;
      if (data.change === "summary_changed") return `Summary rewritten on ${page}`;
      if (data.change === "topics_changed") return data.topics.length ? `Filed under ${data.topics.map((topic) => `*${escape(topic)}*`).join(", ")}: ${page}` : `Filed under no topic: ${page}`;
      if (data.change === "details_changed") return `Details changed (${data.fields.map((field) => ARTICLE_DETAIL_LABELS[field]).join(", ")}) on ${page}`;
      if (data.change === "claim_withdrawn") return `Rating withdrawn for another review: ${quoteOf(data.claim)} on ${page}`;
      if (data.change === "claim_placed") return `Placement checked: ${quoteOf(data.claim)} (${rating(data.claim.verdict)}) is on ${page}`;
      return `Rated ${rating(data.claim.verdict)}: ${quoteOf(data.claim)} on ${page}`;
    }
    case "claim.submitted": {
      const { claim, article, by } = (event as WebhookEvent<"claim.submitted">).data;
      return `${escape(by)} submitted a claim for review: ${link(claim.url, shortened(claim.quote, 200))}${madeBy(claim)} in *${escape(article.title)}*`;
    }
    case "reader_message.received": {
      const { factCheck, claim, message, url } = (event as WebhookEvent<"reader_message.received">).data;
      const about = claim ? `about “${escape(shortened(claim.quote, 120))}” in` : "about";
      return `A reader wrote ${about} ${link(factCheck.url, factCheck.title)}: “${escape(shortened(message.replace(/\s+/g, " "), 300))}” ${link(url, "Read and answer")}`;
    }
    case "reader_tip.received": {
      const { message, link: seenAt, url } = (event as WebhookEvent<"reader_tip.received">).data;
      // The reader's address stays text: a link's markup would take whatever "|" or ">" it holds.
      const where = seenAt ? ` (seen at ${escape(shortened(seenAt, 120))})` : "";
      return `A reader suggests a claim to check: “${escape(shortened(message.replace(/\s+/g, " "), 300))}”${where} ${link(url, "Read and answer")}`;
    }
    case "article.original_changed": {
      const { article, original, paragraphsAdded, paragraphsRemoved } = (event as WebhookEvent<"article.original_changed">).data;
      const count = (n: number) => `${n} paragraph${n === 1 ? "" : "s"}`;
      // The address as a URL writes it (">" encoded), and "|" encoded too: either would end the link's markup.
      const address = new URL(original).href.replace(/\|/g, "%7C");
      return `The original of ${link(article.url, article.title)} has changed at ${link(address, "its web address")}: ${count(paragraphsAdded)} only it has, ${count(paragraphsRemoved)} only the desk's text has`;
    }
    case "ping":
      return escape((event as WebhookEvent<"ping">).data.message);
  }
}
