/**
 * Loads the demo article with many claims through the public API, as fact-checkers would make them:
 * word-aligned spans of varied length inside one paragraph, overlapping freely (the demo article
 * has about 2,400 characters, so 2,000 claims pile up), each with a verdict, an explanation and
 * sources; a quarter submitted for review so that the highlights differ in class. Deterministic.
 */
import { describe } from "@/lib/anchoring";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { VERDICTS } from "@/lib/annotations/verdicts";
import { api, type Session } from "./session";

export type SeededArticle = { id: string; title: string; plainText: string; annotationIds: string[] };

export type SeedReport = { created: number; submitted: number; seconds: number };

const CONCURRENCY = 8;
const SEED_TIMEOUT_MS = 4 * 60_000;

/** A small deterministic generator (mulberry32), so that every run seeds the same claims. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Word = { start: number; end: number; line: number };

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let line = 0;
  let lineStart = 0;
  for (const match of text.matchAll(/\S+/g)) {
    const start = match.index;
    line += (text.slice(lineStart, start).match(/\n/g) ?? []).length;
    lineStart = start;
    words.push({ start, end: start + match[0].length, line });
  }
  return words;
}

/** `count` spans of 1 to 40 words (mostly short, as claims are), never crossing a paragraph. */
export function claimSpans(text: string, count: number, random: () => number): { start: number; end: number }[] {
  const words = wordsOf(text);
  if (!words.length) throw new Error("The article has no words to annotate.");
  return Array.from({ length: count }, () => {
    const first = Math.floor(random() * words.length);
    const wanted = 1 + Math.floor(random() ** 2 * 40);
    let last = first;
    while (last + 1 < words.length && last - first + 1 < wanted && words[last + 1]!.line === words[first]!.line) last++;
    return { start: words[first]!.start, end: words[last]!.end };
  });
}

function claimBody(text: string, span: { start: number; end: number }, n: number) {
  return {
    selectors: describe(text, span.start, span.end),
    verdict: VERDICTS[n % VERDICTS.length],
    explanation: `Bench claim ${n}: checked against the sources below. `.repeat(1 + (n % 4)),
    sources: Array.from({ length: 1 + (n % 3) }, (_, i) => ({
      url: `https://example.com/source/${n}/${i}`,
      title: `Source ${i + 1} for claim ${n}`,
      publisher: "Example News",
    })),
  };
}

/** Runs `task` over `items` with at most `limit` in flight; stops starting new ones after `deadline`. */
async function inPool<T>(items: T[], limit: number, deadline: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      if (Date.now() > deadline) throw new Error(`Seeding took longer than ${SEED_TIMEOUT_MS / 1000} s.`);
      const index = next++;
      await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

export async function demoArticle(session: Session): Promise<SeededArticle> {
  const { articles } = await api<{ articles: { id: string; title: string }[] }>(session, "GET", "/api/articles");
  const first = articles[0];
  if (!first) throw new Error("The server has no article: the demo article should have been seeded on first start.");
  const { article } = await api<{ article: { plainText: string } }>(session, "GET", `/api/articles/${first.id}`);
  return { id: first.id, title: first.title, plainText: article.plainText, annotationIds: [] };
}

export async function seedClaims(session: Session, article: SeededArticle, count: number): Promise<SeedReport> {
  const began = performance.now();
  const deadline = Date.now() + SEED_TIMEOUT_MS;
  const spans = claimSpans(article.plainText, count, randomGenerator(2_000));
  let submitted = 0;
  await inPool(spans, CONCURRENCY, deadline, async (span, n) => {
    const path = `/api/articles/${article.id}/annotations`;
    const { annotation } = await api<{ annotation: AnnotationRecord }>(session, "POST", path, claimBody(article.plainText, span, n));
    article.annotationIds.push(annotation.id);
    if (n % 4 === 0) {
      await api(session, "POST", `/api/annotations/${annotation.id}/status`, { to: "in_review", version: annotation.version });
      submitted++;
    }
  });
  return { created: article.annotationIds.length, submitted, seconds: (performance.now() - began) / 1000 };
}
