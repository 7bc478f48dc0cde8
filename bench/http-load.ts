/**
 * The annotation list under load: `GET /api/articles/:id/annotations` from concurrent clients that
 * each send their next request as soon as the last one has been read (a closed loop), for a fixed
 * time. The clients send no `If-None-Match`, so every answer is a full 200 body served from the
 * server's per-article cache (the steady state of a busy article). Also times single requests that
 * miss that cache, right after a change to the article's claims, which is what the first reader
 * after every edit pays.
 */
import { describe } from "@/lib/anchoring";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { api, type Session } from "./session";
import { summarize, type Summary } from "./stats";
import type { SeededArticle } from "./seed";

export type LoadResult = {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  latency: Summary;
  /** Decoded body size of one answer, and the `Content-Encoding` the server chose. */
  bodyBytes: number;
  contentEncoding: string;
};

export type UncachedResult = { uncached: Summary; cachedRightAfter: Summary };

type Timed = { ms: number; status: number; bytes: number; encoding: string };

/** `acceptEncoding` left undefined sends what fetch sends by default (gzip, deflate, br), as browsers do. */
async function timedGet(session: Session, path: string, acceptEncoding?: string): Promise<Timed> {
  const headers: Record<string, string> = { Cookie: session.cookie };
  if (acceptEncoding) headers["Accept-Encoding"] = acceptEncoding;
  const began = performance.now();
  const response = await fetch(`${session.origin}${path}`, { headers, signal: AbortSignal.timeout(30_000) });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - began, status: response.status, bytes: body.byteLength, encoding: response.headers.get("content-encoding") ?? "identity" };
}

/**
 * `clients` closed-loop clients for `warmupMs` (not recorded) then `durationMs` (recorded),
 * stopping early after `maxRequests` recorded requests. `acceptEncoding: "identity"` asks for
 * uncompressed bodies, to tell the cost of compressing them apart from the rest.
 */
export async function measureLoad(
  session: Session,
  path: string,
  options: { clients: number; warmupMs: number; durationMs: number; maxRequests: number; acceptEncoding?: string },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const samples: Timed[] = [];
  const warmupEnds = performance.now() + options.warmupMs;
  const ends = warmupEnds + options.durationMs;
  const client = async () => {
    while (performance.now() < ends && latencies.length < options.maxRequests) {
      const began = performance.now();
      const result = await timedGet(session, path, options.acceptEncoding).catch(() => null);
      if (began < warmupEnds) continue;
      if (!result || result.status !== 200) errors++;
      else latencies.push(result.ms);
      if (result && !samples.length) samples.push(result);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  // Recorded requests began after the warm-up and all ended by now.
  const seconds = (performance.now() - warmupEnds) / 1000;
  return {
    clients: options.clients,
    seconds,
    requests: latencies.length,
    errors,
    requestsPerSecond: latencies.length / seconds,
    latency: summarize(latencies),
    bodyBytes: samples[0]?.bytes ?? 0,
    contentEncoding: samples[0]?.encoding ?? "–",
  };
}

/**
 * `rounds` times: change the article's claims (create one claim, later delete it), then time the
 * one GET that must query and serialize the list afresh, and a second GET that the cache answers.
 */
export async function measureUncached(session: Session, article: SeededArticle, rounds: number): Promise<UncachedResult> {
  const path = `/api/articles/${article.id}/annotations`;
  const uncached: number[] = [];
  const cached: number[] = [];
  const words = article.plainText.indexOf(" ");
  const selectors = describe(article.plainText, 0, words > 0 ? words : 1);
  const timePair = async () => {
    const first = await timedGet(session, path);
    const second = await timedGet(session, path);
    if (first.status !== 200 || second.status !== 200) throw new Error(`GET ${path}: HTTP ${first.status}/${second.status}`);
    uncached.push(first.ms);
    cached.push(second.ms);
  };
  for (let round = 0; round < rounds; round++) {
    const { annotation } = await api<{ annotation: AnnotationRecord }>(session, "POST", path, { selectors });
    await timePair();
    await api(session, "DELETE", `/api/annotations/${annotation.id}?version=${annotation.version}`);
    await timePair();
  }
  return { uncached: summarize(uncached), cachedRightAfter: summarize(cached) };
}
