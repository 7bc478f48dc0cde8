import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { rowsOf } from "@/db/rows";
import { articles, originalChecks } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { Invalid, NotFound, PayloadTooLarge } from "@/lib/errors";
import { mayEditArticle, mayViewArticles } from "@/lib/policies/article";
import { enforce } from "@/lib/policies/enforce";
import { isSafeHttpUrl } from "@/lib/urls";
import type { Actor } from "@/lib/users/actor";
import { tellOriginalChanged } from "@/lib/webhooks/desk-events";
import { takePageRead } from "./import/web-page/read-allowance";
import { readWebPage } from "./import/web-page/service";
import { fanOutOriginalChange } from "./original-inbox";

/**
 * The watch on an article's original. News sites change published articles, often without a word (a
 * figure corrected, a quote softened, a paragraph added): a fact-check of the old text then speaks of
 * words readers no longer find. Every instance reads, in turn, the originals of the articles added in
 * the last `WATCH_DAYS` days (not archived) every `ORIGINAL_CHECK_HOURS`, as an import from their web
 * address would, and compares the text with what the desk last knew of it. When it differs, the article
 * says so (since when, how much) until an editor imports the new version or dismisses the change; the
 * inbox of those working on it (`./original-inbox.ts`) and webhooks (`article.original_changed`) tell
 * of it, once for each new text.
 */

/** How often an original is read by default, in hours. */
export const DEFAULT_CHECK_HOURS = 6;
/** Articles added within this many days are watched: stealth edits come in a story's first days. */
export const WATCH_DAYS = 30;
/** How long a check an instance took stays its own: one that died with it leaves it to another after this. */
const LEASE_MS = 10 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** A site is not read more often than every quarter of an hour: a newsroom's stealth edits are not news by the minute, and sites turn eager robots away. */
const MIN_HOURS = 0.25;

const hoursSchema = z.coerce
  .number({ error: "must be a number of hours" })
  .max(168, "must be at most 168 (a week)")
  .refine((hours) => hours === 0 || hours >= MIN_HOURS, `must be 0 (no reads) or at least ${MIN_HOURS} (a quarter of an hour)`);

/** `ORIGINAL_CHECK_HOURS`: hours between two reads of an original (0: never read). A malformed value keeps the default and is named in `problem`. */
export function originalCheckHours(env: Record<string, string | undefined> = process.env): { hours: number; problem: string | null } {
  const value = env.ORIGINAL_CHECK_HOURS;
  if (value === undefined || value.trim() === "") return { hours: DEFAULT_CHECK_HOURS, problem: null };
  const parsed = hoursSchema.safeParse(value.trim());
  if (parsed.success) return { hours: parsed.data, problem: null };
  return { hours: DEFAULT_CHECK_HOURS, problem: `ORIGINAL_CHECK_HOURS ${parsed.error.issues[0]!.message} (it is "${value}"): reading originals every ${DEFAULT_CHECK_HOURS} hours.` };
}

/** What the desk knows of an article's original, for the article's page. */
export type OriginalWatch = {
  url: string;
  /** When the original was last read; null before the first read. */
  checkedAt: string | null;
  /** How the original differs from what the desk knew, since when, seen in which revision; null when it does not (or a later revision answered it). */
  changed: { at: string; inRevision: number; paragraphsAdded: number; paragraphsRemoved: number } | null;
  /** The last read's failure, while reads fail. */
  failure: { at: string; message: string } | null;
};

/** Reads the article at an address: its plain text as an import would have it. */
export type OriginalReader = (url: string) => Promise<{ plainText: string }>;

const readOriginal: OriginalReader = async (url) => readWebPage(url);

/**
 * Takes up to `limit` watches that are due, for this instance: the articles with an http(s) original,
 * current and added in the last `WATCH_DAYS` days, never read or due. Each is moved on by `LEASE_MS` in
 * the same statement, so another instance taking at once gets others.
 */
export async function takeDueChecks(db: Database, now: Date, limit: number): Promise<string[]> {
  const lease = new Date(now.getTime() + LEASE_MS).toISOString();
  const rows = rowsOf<{ article_id: string }>(
    await db.execute(sql`
      with due as (
        select a.id, a.original_url from ${articles} a
        left join ${originalChecks} c on c.article_id = a.id
        where a.original_url ~* '^https?://' and a.archived_at is null
          and a.created_at > ${new Date(now.getTime() - WATCH_DAYS * DAY_MS).toISOString()}::timestamptz
          and (c.article_id is null or c.due_at <= ${now.toISOString()}::timestamptz)
        order by c.due_at nulls first
        limit ${limit}
      )
      insert into ${originalChecks} (article_id, url, due_at)
      select id, original_url, ${lease}::timestamptz from due
      on conflict (article_id) do update set due_at = excluded.due_at
        where ${originalChecks}.due_at <= ${now.toISOString()}::timestamptz
      returning article_id`),
  );
  return rows.map((row) => row.article_id);
}

/**
 * Reads the article's original and records what it found (see `OriginalWatch`): the first read, or a read
 * of a new address, is what the desk knows; a text that differs is a change, dated when first seen, until
 * a revision saved after it or a dismissal makes it known. A failed read is recorded with its reason.
 * The next read is due `hours` later either way.
 */
export async function checkOriginal(db: Database, articleId: string, hours: number, read: OriginalReader = readOriginal, now = new Date()): Promise<void> {
  const [article] = await db.select({ originalUrl: articles.originalUrl }).from(articles).where(eq(articles.id, articleId));
  const url = article?.originalUrl;
  if (!url || !isSafeHttpUrl(url)) {
    await db.delete(originalChecks).where(eq(originalChecks.articleId, articleId));
    return;
  }
  // With reads off (0), an editor's Check now still reads: the next is then due as soon as reads could be.
  const dueAt = new Date(now.getTime() + Math.max(hours, MIN_HOURS) * HOUR_MS);
  await db.insert(originalChecks).values({ articleId, url, dueAt }).onConflictDoNothing();
  let text: string;
  try {
    text = (await read(url)).plainText;
  } catch (error) {
    const told = error instanceof Invalid || error instanceof PayloadTooLarge;
    const message = told ? error.message : "The desk could not read it (an unexpected error; the server's log says more).";
    if (!told) console.error(`Original of article ${articleId}: ${error instanceof Error ? error.stack : String(error)}`);
    const [watch] = await db.select({ url: originalChecks.url }).from(originalChecks).where(eq(originalChecks.articleId, articleId));
    // A new address that fails is still the one watched: what the desk knew of the old one is forgotten.
    const afresh = watch?.url !== url ? { url, checkedAt: null, knownDigest: null, changedAt: null, changedDigest: null, changedInRevision: null } : {};
    await db.update(originalChecks).set({ failedAt: now, failure: message, dueAt, ...afresh }).where(eq(originalChecks.articleId, articleId));
    return;
  }
  const digest = digestOf(text);
  await db.transaction(async (tx) => {
    // Locked, and read again, after the read: a dismissal or a revision meanwhile is taken into account.
    const [watch] = await tx.select().from(originalChecks).where(eq(originalChecks.articleId, articleId)).for("update");
    const [current] = await tx
      .select({ title: articles.title, originalUrl: articles.originalUrl, plainText: articles.plainText, revision: articles.revision })
      .from(articles)
      .where(eq(articles.id, articleId));
    if (!watch || !current || current.originalUrl !== url) return;
    const fresh = watch.url !== url || watch.knownDigest === null;
    let known = fresh ? digest : watch.knownDigest!;
    let change = !fresh && watch.changedAt ? { at: watch.changedAt, digest: watch.changedDigest!, revision: watch.changedInRevision! } : null;
    // A revision saved since the change was seen answered it (the new version imported, or the text edited to match).
    if (change && current.revision > change.revision) {
      known = change.digest;
      change = null;
    }
    let news = false;
    if (digest === known) change = null;
    else if (!change || change.digest !== digest) {
      change = { at: change?.at ?? now, digest, revision: current.revision };
      news = true;
    }
    const difference = change ? paragraphDifference(text, current.plainText) : null;
    if (news) {
      const told = { original: url, seenAt: now, revision: current.revision, paragraphsAdded: difference!.added, paragraphsRemoved: difference!.removed };
      await tellOriginalChanged(tx, { id: articleId, title: current.title }, told);
      await fanOutOriginalChange(tx, articleId, { ...told, url });
    }
    await tx
      .update(originalChecks)
      .set({
        url,
        checkedAt: now,
        dueAt,
        knownDigest: known,
        changedAt: change?.at ?? null,
        changedDigest: change?.digest ?? null,
        changedInRevision: change?.revision ?? null,
        paragraphsAdded: difference?.added ?? null,
        paragraphsRemoved: difference?.removed ?? null,
        failedAt: null,
        failure: null,
      })
      .where(eq(originalChecks.articleId, articleId));
  });
}

/** What the desk knows of the article's original, for anyone who may read the article; null when it is not watched (no address, or never read). */
export async function readOriginalWatch(db: Database, actor: Actor | null, articleId: string): Promise<OriginalWatch | null> {
  enforce(mayViewArticles(actor), actor);
  const [row] = await db
    .select({ watch: originalChecks, revision: articles.revision, originalUrl: articles.originalUrl })
    .from(articles)
    .leftJoin(originalChecks, eq(originalChecks.articleId, articles.id))
    .where(eq(articles.id, articleId));
  if (!row) throw new NotFound(`No article with id ${articleId}.`);
  const { watch } = row;
  if (!watch || row.originalUrl !== watch.url || (!watch.checkedAt && !watch.failedAt)) return null;
  const answered = watch.changedInRevision !== null && row.revision > watch.changedInRevision;
  return {
    url: watch.url,
    checkedAt: watch.checkedAt?.toISOString() ?? null,
    changed:
      watch.changedAt && !answered
        ? { at: watch.changedAt.toISOString(), inRevision: watch.changedInRevision!, paragraphsAdded: watch.paragraphsAdded ?? 0, paragraphsRemoved: watch.paragraphsRemoved ?? 0 }
        : null,
    failure: watch.failedAt && watch.failure ? { at: watch.failedAt.toISOString(), message: watch.failure } : null,
  };
}

/**
 * An editor reads the article's original now, rather than when it is next due; answers what the desk
 * then knows. The read counts against the editor's allowance (import/web-page/read-allowance.ts).
 */
export async function checkOriginalNow(db: Database, actor: Actor | null, articleId: string, hours: number, read: OriginalReader = readOriginal): Promise<OriginalWatch | null> {
  enforce(mayEditArticle(actor), actor);
  const [article] = await db.select({ originalUrl: articles.originalUrl }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  if (!article.originalUrl || !isSafeHttpUrl(article.originalUrl)) {
    throw new Invalid("The article has no web address of its original to read: add one under Edit details.", { originalUrl: "is required to check the original" });
  }
  await takePageRead(db, actor!.id);
  await checkOriginal(db, articleId, hours, read);
  return readOriginalWatch(db, actor, articleId);
}

/** An editor dismisses the original's change (nothing in it for the fact-check): its text is what the desk knows from now on; audited. */
export async function dismissOriginalChange(db: Database, actor: Actor | null, articleId: string): Promise<OriginalWatch | null> {
  enforce(mayEditArticle(actor), actor);
  const [article] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  await db.transaction(async (tx) => {
    const [change] = await tx
      .select({ url: originalChecks.url, seenAt: originalChecks.changedAt, paragraphsAdded: originalChecks.paragraphsAdded, paragraphsRemoved: originalChecks.paragraphsRemoved })
      .from(originalChecks)
      .where(sql`${originalChecks.articleId} = ${articleId} and ${originalChecks.changedAt} is not null`)
      .for("update");
    if (!change) return;
    await tx
      .update(originalChecks)
      .set({ knownDigest: sql`${originalChecks.changedDigest}`, changedAt: null, changedDigest: null, changedInRevision: null, paragraphsAdded: null, paragraphsRemoved: null })
      .where(eq(originalChecks.articleId, articleId));
    // A decision that the fact-check stands on a text its original no longer has: someone answers for it.
    await recordAudit(tx, { actorId: actor!.id, subject: "article", subjectId: articleId, articleId, action: "updated", before: { originalChange: change }, after: { originalChangeDismissed: true } });
  });
  return readOriginalWatch(db, actor, articleId);
}

const holder = globalThis as { __factcheckOriginalChecks?: ReturnType<typeof setInterval> };

/** How often each instance looks for due originals, and how many it reads in a round (one after the other). */
const ROUND_MS = 60 * 1000;
const PER_ROUND = 5;

/** Reads due originals every minute, a minute after the start, for as long as the server runs (once per process; not at all with 0 hours). */
export function startOriginalChecks(db: Database, hours: number): void {
  if (holder.__factcheckOriginalChecks || hours === 0) return;
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      for (const articleId of await takeDueChecks(db, new Date(), PER_ROUND)) await checkOriginal(db, articleId, hours);
    } catch (error) {
      console.error(`Originals: a round of checks failed (${error instanceof Error ? error.message : String(error)}); trying again in a minute.`);
    } finally {
      running = false;
    }
  };
  holder.__factcheckOriginalChecks = setInterval(() => void round(), ROUND_MS);
  holder.__factcheckOriginalChecks.unref?.();
}

/** The text's digest, blind to how its lines are spaced: a page that only re-wraps is not a change. */
function digestOf(text: string): string {
  const lines = text.split("\n").map((line) => line.replace(/\s+/g, " ").trim()).filter(Boolean);
  return createHash("sha256").update(lines.join("\n")).digest("base64url");
}

/** The paragraphs only `original` has, and only `article` has (as many times as each occurs), blind to spacing. */
export function paragraphDifference(original: string, article: string): { added: number; removed: number } {
  const paragraphs = (text: string) => text.split("\n").map((line) => line.replace(/\s+/g, " ").trim()).filter(Boolean);
  const left = new Map<string, number>();
  for (const paragraph of paragraphs(article)) left.set(paragraph, (left.get(paragraph) ?? 0) + 1);
  let added = 0;
  for (const paragraph of paragraphs(original)) {
    const count = left.get(paragraph) ?? 0;
    if (count > 0) left.set(paragraph, count - 1);
    else added++;
  }
  return { added, removed: [...left.values()].reduce((total, count) => total + count, 0) };
}
