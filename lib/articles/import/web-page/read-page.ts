import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { Invalid } from "@/lib/errors";
import { isSafeHttpUrl } from "@/lib/urls";
import { plainTextOf } from "@/lib/articles/document";
import { decodeWindows1252 } from "../content";
import type { ImportFormat } from "../formats";
import { documentFromHtml } from "../html";
import { SAVE_INSTEAD, type FetchedPage } from "./fetch-page";

/** What a web page holds for an import: the article's text in an import format, and its details as the page gives them. */
export type ArticlePage = {
  format: ImportFormat;
  content: string;
  /** Whether `content` is the whole page: plain text, Markdown, or HTML too short for its article to be told from the rest. */
  wholePage: boolean;
  title: string | null;
  byline: string | null;
  /** The day the article was published (YYYY-MM-DD), as the publisher dated it. */
  publishedOn: string | null;
  /** The address the publisher gives as the article's own (its canonical link), else where the page was found. */
  originalUrl: string;
  siteName: string | null;
};

const MEDIA_FORMATS: Record<string, ImportFormat> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
};

/** What people call the media types a news link most often leads to instead of a page. */
const MEDIA_NAMES: [RegExp, string][] = [
  [/^application\/pdf$/, "a PDF document: copy its text and paste it"],
  [/^image\//, "an image"],
  [/^video\//, "a video"],
  [/^audio\//, "a sound file"],
  [/^application\/json$/, "JSON data"],
  [/^application\/(zip|gzip|octet-stream)$/, "a file to download"],
];

/**
 * Reads the article in a fetched page. An HTML page is reduced to its article, as a browser's reader
 * view does (Mozilla's Readability, on linkedom's DOM, which runs no script): the navigation, share
 * buttons, related stories, comments, advertisements and footer are left out, its links are made
 * absolute, and its title, byline, day of publication and canonical address are read from the page's metadata.
 * A page too short for Readability to find its article in, plain text and Markdown are taken whole.
 * @throws Invalid (field `url`) for what is not a page or holds no text.
 */
export function readArticlePage(page: FetchedPage): ArticlePage {
  const format = MEDIA_FORMATS[page.mediaType] ?? (page.mediaType === "" ? "html" : null);
  if (!format) {
    const name = MEDIA_NAMES.find(([type]) => type.test(page.mediaType))?.[1] ?? `a file of type ${page.mediaType}`;
    throw new Invalid(`The address leads to ${name}, not to a web page.`, { url: `leads to ${page.mediaType}, not a web page` });
  }
  const text = decodePage(page.bytes, page.charset, format);
  if (format !== "html") return { format, content: text, wholePage: true, title: null, byline: null, publishedOn: null, originalUrl: page.url, siteName: null };

  const document = pageDocument(text, page.url);
  const originalUrl = canonicalUrlOf(document, page.url);
  const article = new Readability(document as unknown as Document).parse();
  if (!article?.content || !article.textContent?.trim()) {
    // Too little for Readability to tell an article from the rest (a short page): the page's whole text, if it has any.
    // Readability changed the document as it searched, so the page is read again.
    const whole = pageDocument(text, page.url);
    if (!plainTextOf(documentFromHtml(whole.toString()).doc).trim()) {
      throw new Invalid(`The page at ${new URL(page.url).host} shows no article text to the desk: it may need JavaScript, a subscription or a cookie consent to show it. ${SAVE_INSTEAD}`, {
        url: "holds no article text",
      });
    }
    const title = clean(whole.querySelector("title")?.textContent);
    return { format: "html", content: whole.toString(), wholePage: true, title, byline: null, publishedOn: null, originalUrl, siteName: null };
  }
  return {
    format: "html",
    content: article.content,
    wholePage: false,
    title: clean(article.title),
    byline: clean(article.byline)?.replace(/^by\s+/i, "") || null,
    publishedOn: dayOf(article.publishedTime),
    originalUrl,
    siteName: clean(article.siteName),
  };
}

type PageDocument = ReturnType<typeof parseHTML>["document"];

/** The page's DOM without its advertisements, its links absolute (against its address, or its `<base>`), or dropped when not http(s). */
function pageDocument(html: string, pageUrl: string): PageDocument {
  const { document } = parseHTML(html);
  removeAdvertising(document);
  const base = absolute(document.querySelector("base[href]")?.getAttribute("href") ?? "", pageUrl) ?? pageUrl;
  for (const link of document.querySelectorAll("a[href]")) {
    const href = absolute(link.getAttribute("href")!, base);
    if (href) link.setAttribute("href", href);
    else link.removeAttribute("href");
  }
  return document;
}

/**
 * The text of a page, in the charset its answer names, else (for HTML) the one its `<meta>` names,
 * else UTF-8 when the bytes are valid UTF-8 and Windows-1252 (what browsers assume) when not.
 */
function decodePage(bytes: Uint8Array, declared: string | null, format: ImportFormat): string {
  const sniffed = format === "html" ? /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(new TextDecoder("latin1").decode(bytes.subarray(0, 2048)))?.[1] : undefined;
  const label = (declared ?? sniffed ?? "").toLowerCase();
  // The web's "latin1", "ascii" and "iso-8859-1" all mean Windows-1252 (the Encoding standard), which Node's TextDecoder lacks.
  if (/^(windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|latin1|l1|us-ascii|ascii)$/.test(label)) return decodeWindows1252(bytes);
  if (label && label !== "utf-8" && label !== "utf8") {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // A charset nobody knows: guessed below, as if none were named.
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** The page's canonical address (`<link rel="canonical">`, else `og:url`) when it is an http(s) one, else `pageUrl`. */
function canonicalUrlOf(document: PageDocument, pageUrl: string): string {
  const canonical = [...document.querySelectorAll("link[rel][href]")].find((link) => /(^|\s)canonical(\s|$)/i.test(link.getAttribute("rel")!));
  const ogUrl = document.querySelector('meta[property="og:url"][content]');
  for (const candidate of [canonical?.getAttribute("href"), ogUrl?.getAttribute("content")]) {
    const url = candidate ? absolute(candidate, pageUrl) : null;
    if (url) return url;
  }
  return pageUrl;
}

/** A class or id that marks an advertisement's slot, whatever the site calls the rest ("ad-slot", "dfp_ad", "adContainer"). */
const ADVERTISING = /^(ad|ads|advert|advertisement|advertising|adslot|adcontainer|adunit|dfp|gpt|sponsored|outbrain|taboola)([-_]|$)/i;

/**
 * Drops advertisements, which Readability keeps when they sit among the article's paragraphs: elements
 * whose class or id names an ad slot, and blocks whose whole text is "Advertisement".
 */
function removeAdvertising(document: PageDocument): void {
  for (const element of [...document.querySelectorAll("[class], [id]")]) {
    const names = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`.split(/\s+/);
    const label = names.some((name) => ADVERTISING.test(name)) || (element.children.length === 0 && /^\s*(advertisement|advertising|ad|sponsored)\s*$/i.test(element.textContent ?? ""));
    if (label && element.isConnected) element.remove();
  }
}

/** `href` made absolute against `base`, when it is then an http(s) address; null otherwise (javascript:, mailto:, malformed). */
function absolute(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base).href;
    return isSafeHttpUrl(url) ? url : null;
  } catch {
    return null;
  }
}

const clean = (value: string | null | undefined) => value?.replace(/\s+/g, " ").trim() || null;

/** The calendar day of an ISO 8601 moment as its publisher wrote it ("2024-11-20T23:30:00-05:00" is the 20th), or null. */
function dayOf(moment: string | null | undefined): string | null {
  const day = /^\s*(\d{4}-\d{2}-\d{2})/.exec(moment ?? "")?.[1];
  return day && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day) ? day : null;
}
