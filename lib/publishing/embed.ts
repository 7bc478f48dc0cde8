import { isId } from "@/lib/ids";
import type { NewsroomConfig } from "@/lib/newsroom/config";
import { publicPageUrl } from "./claim-review";
import { isSlug } from "./slug";
import { shortened } from "@/lib/shortened";

/**
 * A fact-check embedded in another page (the newsroom's own story in its CMS, a partner's site): an
 * iframe of `/p/<slug>/embed` (the whole fact-check: its summary, its claims and their verdicts) or of
 * `/p/<slug>/embed/<claim id>` (one claim), which always shows what the public page shows now, so that a
 * rating corrected on the desk is corrected wherever it was embedded.
 */

/** The width an embed asks for, at most, and the height it starts with until it tells its host its own. */
export const EMBED_WIDTH = 560;
export const EMBED_HEIGHT = 360;

/** The message an embed posts to its host page, with its height in CSS pixels, whenever that changes. */
export const EMBED_HEIGHT_MESSAGE = "fact-check-embed:height";

/** What an embed shows: a public page's fact-check, or one claim of it (`claimId`). */
export type EmbedTarget = { slug: string; claimId?: string };

/** A claim of a public page. */
export type EmbeddedClaimRef = Required<EmbedTarget>;

/** The address of a claim's fact-check on its public page. */
export function claimPageUrl(appUrl: string, { slug, claimId }: EmbeddedClaimRef): string {
  return `${publicPageUrl(appUrl, slug)}#claim-${claimId}`;
}

/** The address of what the embed shows on the public page: the page, or the claim's note. */
export function targetPageUrl(appUrl: string, target: EmbedTarget): string {
  return target.claimId ? claimPageUrl(appUrl, { slug: target.slug, claimId: target.claimId }) : publicPageUrl(appUrl, target.slug);
}

/** The address of an embed: the page its iframe loads. */
export function embedUrl(appUrl: string, { slug, claimId }: EmbedTarget): string {
  return `${publicPageUrl(appUrl, slug)}/embed${claimId ? `/${claimId}` : ""}`;
}

/**
 * What an address names, if it is one of this desk's public pages: a fact-check (`/p/<slug>`, or its embed
 * `/p/<slug>/embed`), or a claim's (`/p/<slug>#claim-<id>`, or its embed `/p/<slug>/embed/<id>`). Anything
 * else, another site's address included, is null.
 */
export function embedTargetOf(appUrl: string, address: string): EmbedTarget | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.origin !== new URL(appUrl).origin) return null;
  const path = /^\/p\/([^/]+)(?:\/embed(?:\/([^/]+))?)?\/?$/.exec(url.pathname);
  if (!path || !isSlug(path[1]!)) return null;
  const embedsPage = url.pathname.replace(/\/$/, "").endsWith("/embed");
  const fragment = /^#claim-(.+)$/.exec(url.hash);
  const claimId = path[2] ?? (!embedsPage && fragment ? fragment[1] : undefined);
  if (claimId === undefined) return { slug: path[1]! };
  return isId(claimId) ? { slug: path[1]!, claimId } : null;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `text` fit for an HTML attribute value or element content: it stays text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/**
 * The HTML a newsroom pastes into a page to embed a fact-check or a claim's: an iframe, and a short script
 * that sets its height to the embed's own (the iframe tells it; a message from another origin, or about
 * another frame, is ignored). Without the script, or without JavaScript, the iframe keeps `height` and
 * scrolls. `title` names the frame to assistive technology.
 */
export function embedCode(appUrl: string, target: EmbedTarget, title: string, size = { width: EMBED_WIDTH, height: EMBED_HEIGHT }): string {
  const origin = new URL(appUrl).origin;
  const frame =
    `<iframe src="${escapeHtml(embedUrl(appUrl, target))}" title="${escapeHtml(title)}" width="${size.width}" height="${size.height}"` +
    ` style="width:100%;max-width:${size.width}px;border:0" loading="lazy"></iframe>`;
  // A JavaScript string literal (JSON), inside an element: escaped so that it cannot close the element.
  const originLiteral = JSON.stringify(origin).replace(/</g, "\\u003c");
  const resizer =
    `<script>(function(){if(window.factCheckEmbeds)return;window.factCheckEmbeds=1;` +
    `addEventListener("message",function(e){var d=e.data;` +
    `if(e.origin!==${originLiteral}||!d||d.type!=="${EMBED_HEIGHT_MESSAGE}"||typeof d.height!=="number")return;` +
    `var f=document.getElementsByTagName("iframe");for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].height=String(Math.ceil(d.height));});})();</script>`;
  return `${frame}\n${resizer}`;
}

/** What an oEmbed consumer (a CMS, a link preview service) gets for a fact-check or a claim: a "rich" embed, the same iframe. */
export type OEmbedResponse = {
  type: "rich";
  version: "1.0";
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
};

/** How long, in seconds, a consumer may keep an oEmbed answer: the iframe follows the claim anyway. */
const OEMBED_CACHE_AGE = 3_600;

/**
 * The oEmbed answer for an embed whose frame is titled `title`, no wider or higher than the consumer's
 * `maxwidth` and `maxheight` (the embed scrolls when it is given less height than it needs).
 */
export function oembedOf(
  newsroom: NewsroomConfig,
  target: EmbedTarget,
  title: string,
  limits: { maxwidth?: number; maxheight?: number } = {},
): OEmbedResponse {
  const width = Math.min(EMBED_WIDTH, limits.maxwidth ?? EMBED_WIDTH);
  const height = Math.min(EMBED_HEIGHT, limits.maxheight ?? EMBED_HEIGHT);
  return {
    type: "rich",
    version: "1.0",
    title,
    provider_name: newsroom.name,
    provider_url: newsroom.url ?? `${newsroom.appUrl}/p`,
    html: embedCode(newsroom.appUrl, target, title, { width, height }),
    width,
    height,
    cache_age: OEMBED_CACHE_AGE,
  };
}

/** The title of a claim's embed: what it checks. */
export function embedTitle(quote: string): string {
  return `Fact-check: “${shortened(quote, 100)}”`;
}

/** The title of a whole fact-check's embed. */
export function factCheckEmbedTitle(title: string): string {
  return `Fact-check: ${shortened(title, 100)}`;
}

/** The oEmbed endpoint's address for what an embed shows: what the embed page announces for discovery. */
export function oembedUrl(appUrl: string, target: EmbedTarget): string {
  return `${appUrl}/api/oembed?format=json&url=${encodeURIComponent(targetPageUrl(appUrl, target))}`;
}
