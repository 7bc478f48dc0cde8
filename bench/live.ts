/**
 * `npm run bench:live`: live updates under load. Starts the app on a fresh PostgreSQL database (as
 * `npm start` would), opens BENCH_LIVE_CLIENTS (500) event streams on the demo article over plain HTTP
 * with a signed-in session, then adds one comment per second for BENCH_LIVE_SECONDS (30) through the
 * API and times how long each took to reach every stream. Prints delivery latency p50/p99 and the
 * server's resident memory before and after the streams opened.
 *
 * Latency is measured from just before the write request leaves to the moment a stream has the event,
 * so it includes the write itself (its p50 is printed too): an upper bound of commit → receipt.
 */
import fs from "node:fs";
import { demoArticle } from "./seed";
import { startApp, type RunningApp } from "./server";
import { api, setUpAdminSession, type Session } from "./session";
import { summarize } from "./stats";

const clients = Number(process.env.BENCH_LIVE_CLIENTS ?? 500);
const seconds = Number(process.env.BENCH_LIVE_SECONDS ?? 30);

/** The resident memory of the process listening on `port`, in MB, found through /proc (Linux). */
function serverRssMb(port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A") inodes.add(fields[9]!);
    }
  }
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const fds = fs.readdirSync(`/proc/${pid}/fd`);
      if (!fds.some((fd) => inodes.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`).replace(/^socket:\[(\d+)\]$/, "$1")))) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      return rss ? Math.round(Number(rss[1]) / 1024) : NaN;
    } catch {
      // Not ours, or gone.
    }
  }
  return NaN;
}

type Stream = { received: Map<string, number>; ready: Promise<void>; abort: AbortController };

/** One EventSource-like client: keeps, per comment id, when its `change` event arrived. */
function openStream(session: Session, articleId: string): Stream {
  const abort = new AbortController();
  const received = new Map<string, number>();
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  void (async () => {
    // Node's fetch opens as many connections to one origin as asked: one per stream, as browsers would.
    const response = await fetch(`${session.origin}/api/articles/${articleId}/events`, {
      headers: { Cookie: session.cookie, Accept: "text/event-stream" },
      signal: abort.signal,
    });
    if (!response.ok || !response.body) throw new Error(`stream: HTTP ${response.status}`);
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = response.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (message.includes("event: ready")) markReady();
        const data = /^data: (.*)$/m.exec(message)?.[1];
        if (message.includes("event: change") && data) {
          const event = JSON.parse(data) as { kind: string; subjectId: string };
          if (event.kind === "comment.created") received.set(event.subjectId, performance.now());
        }
      }
    }
  })().catch((error: unknown) => {
    if (!abort.signal.aborted) console.error("  a stream failed:", error);
  });
  return { received, ready, abort };
}

async function main(): Promise<void> {
  let app: RunningApp | null = null;
  try {
    console.log("Starting the app on a fresh PostgreSQL database…");
    app = await startApp("postgres");
    const port = Number(new URL(app.origin).port);
    const session = await setUpAdminSession(app.origin);
    const article = await demoArticle(session);
    const exact = article.plainText.slice(0, 40);
    const { annotation } = await api<{ annotation: { id: string } }>(session, "POST", `/api/articles/${article.id}/annotations`, {
      selectors: [
        { type: "TextQuoteSelector", exact, prefix: "", suffix: article.plainText.slice(40, 72) },
        { type: "TextPositionSelector", start: 0, end: 40 },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const rssBefore = serverRssMb(port);

    console.log(`Opening ${clients} event streams…`);
    const opening = performance.now();
    const streams = Array.from({ length: clients }, () => openStream(session, article.id));
    await Promise.all(streams.map((stream) => stream.ready));
    const openSeconds = (performance.now() - opening) / 1000;
    const rssOpen = serverRssMb(port);

    console.log(`Adding one comment per second for ${seconds} s…`);
    const sent = new Map<string, number>();
    const writeMs: number[] = [];
    for (let second = 0; second < seconds; second++) {
      const tick = performance.now();
      const { comment } = await api<{ comment: { id: string } }>(session, "POST", `/api/annotations/${annotation.id}/comments`, { body: `Live bench ${second}` });
      writeMs.push(performance.now() - tick);
      sent.set(comment.id, tick);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_000 - (performance.now() - tick))));
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const rssAfter = serverRssMb(port);

    const latencies: number[] = [];
    let missing = 0;
    for (const stream of streams) {
      for (const [commentId, at] of sent) {
        const arrived = stream.received.get(commentId);
        if (arrived === undefined) missing++;
        else latencies.push(arrived - at);
      }
      stream.abort.abort();
    }
    const latency = summarize(latencies.sort((a, b) => a - b));
    const write = summarize(writeMs.sort((a, b) => a - b));
    console.log("\nLive updates, one instance on PostgreSQL");
    console.log(`  streams: ${clients} (opened in ${openSeconds.toFixed(1)} s), events: ${sent.size}, deliveries: ${latencies.length}, missing: ${missing}`);
    console.log(`  delivery latency (write request start → stream receipt): p50 ${latency.p50.toFixed(0)} ms, p99 ${latency.p99.toFixed(0)} ms, max ${latency.max.toFixed(0)} ms`);
    console.log(`  write request itself: p50 ${write.p50.toFixed(0)} ms, p99 ${write.p99.toFixed(0)} ms`);
    console.log(`  server RSS: ${rssBefore} MB before the streams, ${rssOpen} MB with ${clients} open, ${rssAfter} MB after ${seconds} events`);
  } finally {
    await app?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
