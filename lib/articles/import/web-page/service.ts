import { z } from "zod";
import type { Database } from "@/db/database";
import { getArticle } from "@/lib/articles/service";
import { isId } from "@/lib/ids";
import { compareTexts, groupForReading } from "@/lib/revisions/compare";
import type { RevisionComparison } from "@/lib/revisions/service";
import { plainTextOf } from "@/lib/articles/document";
import { destinationPolicy, type DestinationPolicy } from "@/lib/http/destination";
import { newsroomConfig } from "@/lib/newsroom/config";
import { shortened } from "@/lib/shortened";
import { mayImportArticle } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import { isSafeHttpUrl, withWebScheme } from "@/lib/urls";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { convertImport } from "../index";
import { MAX_IMPORT_BYTES } from "../formats";
import { fetchPage } from "./fetch-page";
import { takePageRead } from "./read-allowance";
import { readArticlePage, type ArticlePage } from "./read-page";

/** What the desk found at a web address: the article's text and details, and how it reads once imported. */
export type WebPagePreview = ArticlePage & {
  /** Where the page was found, after redirects. */
  url: string;
  /** The title an import takes: the page's, else the first heading or line of its text. */
  title: string;
  /** Words as a word processor counts them: what stands between spaces, with a letter or digit in it. */
  words: number;
  /** The text's paragraphs, headings and list items, each at most `PREVIEW_LENGTH` characters. */
  opening: string[];
  ending: string | null;
  paragraphs: number;
  /** With `article` asked: how this text differs from the article's current revision, word by word (what importing it as a new version changes). */
  comparison?: RevisionComparison;
};

const PREVIEW_PARAGRAPHS = 3;
const PREVIEW_LENGTH = 400;
const FETCH_TIMEOUT_MS = 20_000;
const MAX_URL_LENGTH = 2_048;

/** The addresses inside the newsroom's network (its CMS) that articles may be fetched from: `IMPORT_PRIVATE_HOSTS`. */
const importDestinations = () => destinationPolicy(process.env.IMPORT_PRIVATE_HOSTS ?? "");
const ALLOWING = "If the page is inside your newsroom's network, the server's operator can allow its host in IMPORT_PRIVATE_HOSTS.";

const webPageInputSchema = z.strictObject({
  url: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(MAX_URL_LENGTH, `must be at most ${MAX_URL_LENGTH} characters`)
    .transform(withWebScheme)
    .refine(isSafeHttpUrl, "must be an http:// or https:// address"),
  /** An article to compare the page's text with, for a new version of it. */
  article: z.string({ error: "must be an article id" }).refine(isId, "must be an article id").optional(),
});

/**
 * Fetches the article at a web address (editors and admins, who import articles) and says what an
 * import of it would hold, for them to check before importing it as a new article or a new revision:
 * `input` is `{ url, article? }`; with `article` (and `db`), how its text differs from that article's.
 * With `db` (a request's), the read counts against the person's allowance of reads (./read-allowance.ts).
 * Nothing else is stored.
 * @throws Forbidden for reviewers; Invalid (field `url`) for a malformed, private or failing address,
 * or a page without text; NotFound for an unknown `article`; PayloadTooLarge over 5 MB;
 * TooManyRequests past the allowance.
 */
export async function previewWebPage(actor: Actor | null, input: unknown, policy: DestinationPolicy = importDestinations(), db?: Database): Promise<WebPagePreview> {
  enforce(mayImportArticle(actor), actor);
  const { url, article } = parseInput(webPageInputSchema, input);
  const current = article && db ? await getArticle(db, actor, article) : null;
  if (db) await takePageRead(db, actor!.id);
  const { preview, plainText } = await readWebPage(url, policy);
  if (!current) return preview;
  return { ...preview, comparison: { from: current.revision, to: current.revision + 1, changes: groupForReading(compareTexts(current.plainText, plainText)) } };
}

/**
 * Fetches the page at `url` (an http(s) address) and reads its article, as `previewWebPage` does, and
 * the plain text an import of it would have; for anyone: the caller decides who may.
 */
export async function readWebPage(url: string, policy: DestinationPolicy = importDestinations()): Promise<{ preview: WebPagePreview; plainText: string }> {
  const { name, appUrl } = newsroomConfig();
  const fetched = await fetchPage(url, {
    policy,
    allowing: ALLOWING,
    userAgent: `Mozilla/5.0 (compatible; ${name.replace(/[^\x20-\x7e]/g, "")} fact-check desk; +${appUrl})`,
    timeoutMs: FETCH_TIMEOUT_MS,
    maxBytes: MAX_IMPORT_BYTES,
  });
  const page = readArticlePage(fetched);
  const imported = convertImport({ format: page.format, content: page.content, pageHost: new URL(fetched.url).host });
  const plainText = plainTextOf(imported.doc);
  const blocks = plainText.split("\n").filter((block) => block.trim());
  const cut = (block: string) => shortened(block, PREVIEW_LENGTH);
  const preview = {
    ...page,
    url: fetched.url,
    title: page.title ?? imported.title,
    words: blocks.reduce((total, block) => total + block.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length, 0),
    paragraphs: blocks.length,
    opening: blocks.slice(0, PREVIEW_PARAGRAPHS).map(cut),
    ending: blocks.length > PREVIEW_PARAGRAPHS ? cut(blocks[blocks.length - 1]!) : null,
  };
  return { preview, plainText };
}
