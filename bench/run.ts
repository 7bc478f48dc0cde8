/**
 * `npm run bench`: the performance targets of the annotation list and the article page with many
 * claims, on PGlite and on PostgreSQL. For each engine: start the app on a fresh database, sign in,
 * seed the demo article with claims, load the list API, time cache misses, then time the page in
 * Chromium; stop the app and drop its database. Prints tables and writes bench-results/*.json.
 *
 * Settings (environment): BENCH_ENGINES=pglite,postgres  BENCH_CLAIMS=2000  BENCH_CLIENTS=20
 * BENCH_SECONDS=10  BENCH_PAGE=0 to skip the browser.
 */
import os from "node:os";
import { measureLoad, measureUncached } from "./http-load";
import { measureArticlePage } from "./page-timing";
import { printResults, writeResults, type BenchResults, type EngineResult } from "./report";
import { demoArticle, seedClaims } from "./seed";
import { startApp, type Engine, type RunningApp } from "./server";
import { setUpAdminSession } from "./session";

function setting(name: string, fallback: number, max: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);
  return Math.min(value, max);
}

const engines = (process.env.BENCH_ENGINES ?? "pglite,postgres").split(",").map((name) => name.trim()) as Engine[];
const settings = {
  claims: setting("BENCH_CLAIMS", 2_000, 10_000),
  clients: setting("BENCH_CLIENTS", 20, 200),
  warmupSeconds: 2,
  seconds: setting("BENCH_SECONDS", 10, 120),
  uncachedRounds: 5,
  pageLoads: 3,
  presses: 20,
};
const withPage = process.env.BENCH_PAGE !== "0";

let running: RunningApp | null = null;

async function benchEngine(engine: Engine): Promise<EngineResult> {
  const result: EngineResult = { engine };
  const step = (what: string) => console.log(`[${engine}] ${what}`);
  try {
    step("starting the app on a fresh database…");
    running = await startApp(engine);
    step(`serving at ${running.origin}; signing in and seeding ${settings.claims} claims…`);
    const session = await setUpAdminSession(running.origin);
    const article = await demoArticle(session);
    result.seed = await seedClaims(session, article, settings.claims);
    step(`seeded in ${result.seed.seconds.toFixed(1)} s; ${settings.clients} clients for ${settings.seconds} s…`);
    const load = {
      clients: settings.clients,
      warmupMs: settings.warmupSeconds * 1000,
      durationMs: settings.seconds * 1000,
      maxRequests: 200_000,
    };
    result.load = await measureLoad(session, `/api/articles/${article.id}/annotations`, load);
    step("the same load without compression (diagnostic)…");
    result.loadUncompressed = await measureLoad(session, `/api/articles/${article.id}/annotations`, { ...load, acceptEncoding: "identity" });
    step("timing cache misses…");
    result.uncached = await measureUncached(session, article, settings.uncachedRounds);
    if (withPage) {
      step("timing the article page in Chromium…");
      result.page = await measureArticlePage(session, article.id, { loads: settings.pageLoads, presses: settings.presses });
    }
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`[${engine}] failed:`, result.error);
  } finally {
    await running?.stop();
    running = null;
  }
  return result;
}

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void (running?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
    });
  }
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}` },
    settings,
    engines: [],
  };
  for (const engine of engines) {
    if (engine !== "pglite" && engine !== "postgres") throw new Error(`Unknown engine ${engine}: use pglite or postgres.`);
    results.engines.push(await benchEngine(engine));
  }
  printResults(results);
  console.log(`\nResults written to ${writeResults(results)}`);
  if (results.engines.some((result) => result.error)) process.exitCode = 1;
}

await main();
