/**
 * Prints the results as tables against the targets and writes them as JSON to
 * bench-results/ (ignored by git), so that runs can be compared.
 */
import fs from "node:fs";
import path from "node:path";
import type { LoadResult, UncachedResult } from "./http-load";
import type { PageTiming } from "./page-timing";
import type { SeedReport } from "./seed";
import type { Engine } from "./server";
import { ms } from "./stats";

export const TARGETS = { listP99Ms: 100, interactiveMs: 1_500, selectionChangeMs: 16 } as const;

export type EngineResult = {
  engine: Engine;
  seed?: SeedReport;
  load?: LoadResult;
  /** The same load asking for uncompressed bodies: not what browsers do, but it shows what compression costs. */
  loadUncompressed?: LoadResult;
  uncached?: UncachedResult;
  page?: PageTiming;
  error?: string;
};

export type BenchResults = {
  startedAt: string;
  machine: { cpus: number; node: string; platform: string };
  settings: { claims: number; clients: number; warmupSeconds: number; seconds: number; uncachedRounds: number; pageLoads: number; presses: number };
  engines: EngineResult[];
};

function table(title: string, head: string[], rows: string[][]): void {
  if (!rows.length) return;
  const widths = head.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

const verdict = (value: number | undefined, limit: number) => (value === undefined || Number.isNaN(value) ? "–" : value < limit ? "met" : "MISSED");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

export function printResults(results: BenchResults): void {
  const { settings, engines } = results;
  const loadRows = engines.flatMap(({ engine, load, loadUncompressed }) => [
    ...(load ? [{ label: engine, engine, load }] : []),
    ...(loadUncompressed ? [{ label: `${engine}, identity (diagnostic)`, engine, load: loadUncompressed }] : []),
  ]);
  table(
    `GET /api/articles/:id/annotations, ${settings.claims} claims, ${settings.clients} clients, ${settings.seconds} s (cached list, full 200 bodies)`,
    ["engine", "req/s", "p50", "p90", "p99", "max", "requests", "errors", "body", "encoding", `p99 < ${TARGETS.listP99Ms} ms`],
    loadRows.map(({ label, engine, load }) => [
      label,
      load.requestsPerSecond.toFixed(0),
      ms(load.latency.p50),
      ms(load.latency.p90),
      ms(load.latency.p99),
      ms(load.latency.max),
      String(load.requests),
      String(load.errors),
      kb(load.bodyBytes),
      load.contentEncoding,
      `${verdict(load.latency.p99, TARGETS.listP99Ms)}${engine === "postgres" && label === engine ? " (target)" : ""}`,
    ]),
  );
  table(
    `Single GET right after a change to the claims (cache miss), ${settings.uncachedRounds * 2} times, no other load`,
    ["engine", "uncached p50", "uncached max", "then cached p50", "then cached max"],
    engines
      .filter((result) => result.uncached)
      .map(({ engine, uncached }) => [engine, ms(uncached!.uncached.p50), ms(uncached!.uncached.max), ms(uncached!.cachedRightAfter.p50), ms(uncached!.cachedRightAfter.max)]),
  );
  const withPage = engines.filter((result) => result.page);
  table(
    `Article page in Chromium, ${settings.claims} highlights: ms from navigation start (median of ${settings.pageLoads} loads; first load cold)`,
    ["engine", "first byte", "DOMContentLoaded", "highlights in DOM", "main thread free", "last long task end", "interactive", "loads", "long tasks", `< ${TARGETS.interactiveMs} ms`],
    withPage.map(({ engine, page }) => {
      const loads = page!.loads;
      const mid = (pick: (load: (typeof loads)[number]) => number) => ms([...loads.map(pick)].sort((a, b) => a - b)[Math.floor((loads.length - 1) / 2)]);
      return [
        engine,
        mid((load) => load.firstByte),
        mid((load) => load.domContentLoaded),
        mid((load) => load.highlightsInDom),
        mid((load) => load.firstFreeTaskAfterHighlights),
        mid((load) => load.lastLongTaskEnd),
        ms(page!.interactiveMedian),
        loads.map((load) => load.interactive.toFixed(0)).join("/"),
        `${loads[loads.length - 1]!.longTasks} (${loads[loads.length - 1]!.longTaskTotal.toFixed(0)} ms, max ${loads[loads.length - 1]!.longestTask.toFixed(0)})`,
        verdict(page!.interactiveMedian, TARGETS.interactiveMs),
      ];
    }),
  );
  for (const { engine, page } of withPage) {
    const last = page!.loads[page!.loads.length - 1]!;
    console.log(`  ${engine}: ${last.claims} claims drawn as ${last.markElements} <mark> elements; ${last.domElements} DOM elements; HTML ${kb(last.htmlBytes)}`);
  }
  table(
    `One selection change (Shift+ArrowRight in the editor), ${settings.presses} presses`,
    ["engine", "work p50", "work max", "input→handled p50", "(keydown+native p50", "+ selectionchange handlers p50)", "frame render p50", "input→next paint p50", "Event Timing ≥16 ms: n / median / max", `work < ${TARGETS.selectionChangeMs} ms`],
    withPage.map(({ engine, page }) => {
      const s = page!.selection;
      const timing = s.eventTimingKeydown;
      return [
        engine,
        ms(s.work.p50),
        ms(s.work.max),
        ms(s.inputToSelectionHandled.p50),
        ms(s.inputToSelectionChange.p50),
        ms(s.selectionHandlers.p50),
        ms(s.frameRendering.p50),
        ms(s.inputToNextPaint.p50),
        `${timing.slowPresses}/${s.presses} / ${ms(timing.median)} / ${ms(timing.max)}`,
        verdict(s.work.p50, TARGETS.selectionChangeMs),
      ];
    }),
  );
  for (const { engine, seed } of engines.filter((result) => result.seed)) {
    console.log(`\nSeeding on ${engine}: ${seed!.created} claims (${seed!.submitted} submitted for review) in ${seed!.seconds.toFixed(1)} s`);
  }
  for (const { engine, error } of engines.filter((result) => result.error)) console.log(`\n${engine} FAILED: ${error}`);
}

export function writeResults(results: BenchResults): string {
  const folder = path.resolve(import.meta.dirname, "..", "bench-results");
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `bench-${results.startedAt.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
