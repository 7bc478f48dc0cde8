/**
 * The article page in Chromium with every claim highlighted: how long until the editor is
 * interactive after navigation starts (target 1.5 s), and what one selection change costs the main
 * thread (target 16 ms, one frame at 60 Hz). The in-page probes are described in page-probes.ts.
 */
import { chromium, type Page } from "playwright-core";
import { countHighlights, loadProbe, PAGE_BENCH_GLOBAL, prepareSelection } from "./page-probes";
import { SESSION_COOKIE, type Session } from "./session";
import { median, summarize, type Summary } from "./stats";

const CHROMIUM = process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** After the editor is ready, how long the main thread must stay free of long tasks to count as idle. */
const QUIET_MS = 1_000;
const LOAD_TIMEOUT_MS = 60_000;

type TimingEntry = { name: string; startTime: number; duration: number; processingStart?: number; processingEnd?: number };
type KeyTiming = { input: number; selectionStart?: number; selectionEnd?: number; frame?: number; painted?: number };
type PageBench = { longTasks: TimingEntry[]; events: TimingEntry[]; marksAt: number | null; readyAt: number | null; keys: KeyTiming[]; unsupported: string[] };
type Navigation = { responseStart: number; domContentLoadedEventEnd: number; loadEventEnd: number; transferSize: number; decodedBodySize: number };
type Highlights = { markElements: number; claims: number; domElements: number; navigation: Navigation | null };

export type LoadTiming = {
  /** Milliseconds from navigation start. */
  firstByte: number;
  domContentLoaded: number;
  highlightsInDom: number;
  firstFreeTaskAfterHighlights: number;
  lastLongTaskEnd: number;
  interactive: number;
  longTasks: number;
  longTaskTotal: number;
  longestTask: number;
  htmlBytes: number;
  claims: number;
  markElements: number;
  domElements: number;
};

export type SelectionTiming = {
  presses: number;
  /** Input to selection handled plus the next frame's rendering: the main thread's work. */
  work: Summary;
  inputToSelectionHandled: Summary;
  /** Part of it: the keydown handlers (ProseMirror's included) and the browser moving the selection, up to selectionchange. */
  inputToSelectionChange: Summary;
  /** The other part: the selectionchange handlers (ProseMirror's update, placing the Annotate button). */
  selectionHandlers: Summary;
  frameRendering: Summary;
  /** Input to the first task after the next frame, frame wait included. */
  inputToNextPaint: Summary;
  /** Event Timing keydown durations; presses under 16 ms leave no entry. */
  eventTimingKeydown: { slowPresses: number; median: number; max: number };
};

export type PageTiming = { loads: LoadTiming[]; interactiveMedian: number; selection: SelectionTiming; unsupported: string[] };

const readBench = (page: Page) => page.evaluate<PageBench>(`window.${PAGE_BENCH_GLOBAL}`);

async function waitForQuiet(page: Page): Promise<PageBench> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    await page.waitForTimeout(250);
    const bench = await readBench(page);
    const now = await page.evaluate<number>("performance.now()");
    const lastEnd = Math.max(bench.readyAt ?? 0, ...bench.longTasks.map((task) => task.startTime + task.duration));
    if (now - lastEnd >= QUIET_MS || Date.now() > deadline) return bench;
  }
}

async function loadArticle(page: Page, url: string): Promise<{ timing: LoadTiming; unsupported: string[] }> {
  await page.goto(url, { waitUntil: "commit", timeout: LOAD_TIMEOUT_MS });
  await page.waitForFunction(`window.${PAGE_BENCH_GLOBAL}?.readyAt != null`, undefined, { timeout: LOAD_TIMEOUT_MS, polling: 100 });
  const bench = await waitForQuiet(page);
  const found = await page.evaluate<Highlights>(countHighlights);
  const ends = bench.longTasks.map((task) => task.startTime + task.duration);
  const lastLongTaskEnd = ends.length ? Math.max(...ends) : 0;
  const durations = bench.longTasks.map((task) => task.duration);
  return {
    unsupported: bench.unsupported,
    timing: {
      firstByte: found.navigation?.responseStart ?? Number.NaN,
      domContentLoaded: found.navigation?.domContentLoadedEventEnd ?? Number.NaN,
      highlightsInDom: bench.marksAt!,
      firstFreeTaskAfterHighlights: bench.readyAt!,
      lastLongTaskEnd,
      interactive: Math.max(bench.readyAt!, lastLongTaskEnd),
      longTasks: durations.length,
      longTaskTotal: durations.reduce((sum, value) => sum + value, 0),
      longestTask: durations.length ? Math.max(...durations) : 0,
      htmlBytes: found.navigation?.decodedBodySize ?? 0,
      claims: found.claims,
      markElements: found.markElements,
      domElements: found.domElements,
    },
  };
}

async function changeSelection(page: Page, presses: number): Promise<SelectionTiming> {
  await page.evaluate(prepareSelection);
  await page.waitForTimeout(200);
  for (let press = 0; press < presses; press++) {
    await page.keyboard.press("Shift+ArrowRight");
    await page
      .waitForFunction(`window.${PAGE_BENCH_GLOBAL}.keys[${press}]?.painted !== undefined`, undefined, { timeout: 5_000, polling: 20 })
      .catch(() => undefined);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(500);
  const bench = await readBench(page);
  const complete = bench.keys.filter((key): key is Required<KeyTiming> => key.selectionEnd !== undefined && key.painted !== undefined);
  const handled = complete.map((key) => key.selectionEnd - key.input);
  const rendering = complete.map((key) => key.painted - key.frame);
  const keydowns = bench.events.filter((entry) => entry.name === "keydown" && complete.some((key) => Math.abs(entry.startTime - key.input) < 1));
  const keydownDurations = keydowns.map((entry) => entry.duration);
  return {
    presses: complete.length,
    work: summarize(handled.map((value, i) => value + rendering[i]!)),
    inputToSelectionHandled: summarize(handled),
    inputToSelectionChange: summarize(complete.map((key) => key.selectionStart - key.input)),
    selectionHandlers: summarize(complete.map((key) => key.selectionEnd - key.selectionStart)),
    frameRendering: summarize(rendering),
    inputToNextPaint: summarize(complete.map((key) => key.painted - key.input)),
    eventTimingKeydown: {
      slowPresses: keydowns.length,
      median: keydownDurations.length ? median(keydownDurations) : Number.NaN,
      max: keydownDurations.length ? Math.max(...keydownDurations) : Number.NaN,
    },
  };
}

/** Loads the article `loads` times (the first with a cold browser cache), then changes the selection `presses` times. */
export async function measureArticlePage(session: Session, articleId: string, options: { loads: number; presses: number }): Promise<PageTiming> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: SESSION_COOKIE, value: session.token, url: session.origin, httpOnly: true, sameSite: "Lax" }]);
    await context.addInitScript(loadProbe);
    const page = await context.newPage();
    const loads: LoadTiming[] = [];
    let unsupported: string[] = [];
    for (let load = 0; load < options.loads; load++) {
      const result = await loadArticle(page, `${session.origin}/articles/${articleId}`);
      loads.push(result.timing);
      unsupported = result.unsupported;
    }
    const selection = await changeSelection(page, options.presses);
    return { loads, interactiveMedian: median(loads.map((load) => load.interactive)), selection, unsupported };
  } finally {
    await browser.close();
  }
}
