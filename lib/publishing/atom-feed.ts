import { claimantLine } from "@/lib/annotations/claimant";
import { VERDICT_LABELS } from "@/lib/annotations/verdicts";
import type { NewsroomConfig } from "@/lib/newsroom/config";
import { publicPageUrl } from "./claim-review";
import { describeTally, type FeedClaim, type PublishedFactCheck } from "./public-index";
import { publicDay } from "@/lib/publishing/public-dates";

/** How many fact-checks the feed holds: the newest publications. */
export const FEED_LENGTH = 50;

/** The public index's address, and the feed's. */
export const publicIndexUrl = (appUrl: string) => `${appUrl}/p`;
export const feedUrl = (appUrl: string) => `${appUrl}/p/feed.xml`;

/** The public index of the fact-checks filed under `topic`: a page of its own for readers and search engines. */
export const topicIndexUrl = (appUrl: string, topic: string) => `${appUrl}/p?topic=${encodeURIComponent(topic)}`;

/** The feed of the fact-checks filed under `topic`. */
export const topicFeedUrl = (appUrl: string, topic: string) => `${feedUrl(appUrl)}?topic=${encodeURIComponent(topic)}`;

/**
 * The newsroom's published fact-checks as an Atom 1.0 feed (RFC 4287), newest publication first: each
 * entry is one public page, its id the page's address (kept for good), a category for each topic it is
 * filed under, its content the claims the page shows with their verdicts, who made them and the
 * explanations. With a `topic`, the feed is that topic's, for readers who follow one subject (its
 * fact-checks are the caller's to choose). Everything is text the desk typed, escaped: nothing in it
 * becomes markup in a feed reader.
 */
export function atomFeed(newsroom: NewsroomConfig, factChecks: (PublishedFactCheck & { claims: FeedClaim[] })[], now: Date, topic: string | null = null): string {
  const index = topic ? topicIndexUrl(newsroom.appUrl, topic) : publicIndexUrl(newsroom.appUrl);
  const updated = factChecks.map(lastChangeOf).reduce((latest, each) => (each > latest ? each : latest), factChecks.length ? "" : now.toISOString());
  const entries = factChecks.map((factCheck) => {
    const url = publicPageUrl(newsroom.appUrl, factCheck.slug);
    const summary = factCheck.summary ?? `${describeTally(factCheck.verdicts)}.`;
    return [
      "  <entry>",
      `    <title>${xml(factCheck.title)}</title>`,
      `    <id>${xml(url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      `    <published>${factCheck.publishedAt}</published>`,
      `    <updated>${lastChangeOf(factCheck)}</updated>`,
      ...factCheck.topics.map((topic) => `    <category term="${xml(topic)}"/>`),
      `    <summary>${xml(summary)}</summary>`,
      `    <content type="html">${xml(contentOf(factCheck, url))}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xml(topic ? `Fact-checks on ${topic} by ${newsroom.name}` : `Fact-checks by ${newsroom.name}`)}</title>`,
    `  <id>${xml(index)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(topic ? topicFeedUrl(newsroom.appUrl, topic) : feedUrl(newsroom.appUrl))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(index)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xml(newsroom.name)}</name>${newsroom.url ? `<uri>${xml(newsroom.url)}</uri>` : ""}</author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

const lastChangeOf = (factCheck: PublishedFactCheck) => factCheck.updatedAt ?? factCheck.publishedAt;

/**
 * The entry's body as HTML: the editors' summary, the tally, whether it was corrected, then each claim's
 * verdict, quote, who made it and the explanation, then the link.
 */
function contentOf(factCheck: PublishedFactCheck & { claims: FeedClaim[] }, url: string): string {
  const claims = factCheck.claims.map(
    (claim) =>
      `<p><strong>${html(claim.verdict ? VERDICT_LABELS[claim.verdict] : "No verdict")}</strong>: “${html(claim.quote)}”` +
      (claim.claimant ? ` (${html(claimantLine(claim.claimant))})` : "") +
      "</p>" +
      (claim.explanation ? `<p>${html(claim.explanation)}</p>` : ""),
  );
  const corrected = factCheck.correctedAt ? [`<p><strong>Corrected on ${html(publicDay(factCheck.correctedAt))}</strong>: see the corrections on the page.</p>`] : [];
  const tally = `${describeTally(factCheck.verdicts)}.`;
  const paragraphs = factCheck.summary ? [...factCheck.summary.split(/\n+/).map((line) => `<p>${html(line)}</p>`), `<p>${html(tally)}</p>`] : [`<p>${html(tally)}</p>`];
  return [...paragraphs, ...corrected, ...claims, `<p><a href="${html(url)}">Read the fact-check</a></p>`].join("");
}

/**
 * Characters XML 1.0 cannot hold at all (control characters but tab and line breaks, lone surrogates,
 * U+FFFE and U+FFFF): one pasted into an article would make the whole feed unreadable, so it is dropped.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data or an attribute value. */
function xml(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text as HTML inside the entry's content (which `xml` then escapes once more, as `type="html"` wants). */
const html = xml;
