/**
 * Scripts that run inside the article page to time it from the inside. They are plain JavaScript
 * strings rather than functions: tsx compiles functions with helpers that do not exist in the page.
 *
 * The load probe notes, from navigation start (`performance.now()`'s origin): the first frame in
 * which the editor holds claim highlights (they arrive in one transaction, so all at once), then the
 * first task after that frame has been rendered (the main thread is free again), and every long
 * task (> 50 ms) and slow event (Event Timing, >= 16 ms, the smallest threshold allowed).
 *
 * The selection probe splits each Shift+ArrowRight into: input -> selection handled (keydown,
 * the browser moving the selection, ProseMirror's selectionchange handler and React's update, which
 * React runs synchronously for this discrete event) and the rendering of the next frame (from its
 * animation-frame callback to the first task after it). Their sum is the main thread's work for the
 * selection change; the wait for the frame to begin is not work and is left out of it, though the
 * Event Timing duration includes it.
 */

export const PAGE_BENCH_GLOBAL = "__factcheckBench";

export const loadProbe = `(() => {
  const bench = { longTasks: [], events: [], marksAt: null, readyAt: null, keys: [], unsupported: [] };
  Object.defineProperty(window, "${PAGE_BENCH_GLOBAL}", { value: bench });
  const observe = (type, options, into) => {
    try {
      new PerformanceObserver((list) => { for (const entry of list.getEntries()) into.push(entry.toJSON()); })
        .observe({ type, buffered: true, ...options });
    } catch {
      bench.unsupported.push(type);
    }
  };
  observe("longtask", {}, bench.longTasks);
  observe("event", { durationThreshold: 16 }, bench.events);
  const watch = () => {
    if (document.querySelector(".ProseMirror mark.claim")) {
      bench.marksAt = performance.now();
      requestAnimationFrame(() => setTimeout(() => { bench.readyAt = performance.now(); }, 0));
    } else {
      requestAnimationFrame(watch);
    }
  };
  requestAnimationFrame(watch);
  let pending = null;
  window.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowRight" || !event.shiftKey) return;
    pending = { input: event.timeStamp };
    bench.keys.push(pending);
  }, true);
  document.addEventListener("selectionchange", () => {
    if (pending && pending.selectionStart === undefined) pending.selectionStart = performance.now();
  });
})()`;

/** What the page holds once ready: run after the timing, since counting walks every highlight. */
export const countHighlights = `(() => {
  const marks = document.querySelectorAll(".ProseMirror mark.claim");
  const ids = new Set(Array.from(marks).flatMap((mark) => (mark.getAttribute("data-claim-ids") || "").split(" ")));
  const navigation = performance.getEntriesByType("navigation")[0];
  return {
    markElements: marks.length,
    claims: ids.size,
    domElements: document.getElementsByTagName("*").length,
    navigation: navigation ? navigation.toJSON() : null,
  };
})()`;

/**
 * Focuses the editor with the caret at the start of its first paragraph, and adds the selectionchange
 * listener that runs after ProseMirror's (listeners run in the order they were added).
 */
export const prepareSelection = `(() => {
  const bench = window.${PAGE_BENCH_GLOBAL};
  const editor = document.querySelector(".ProseMirror");
  editor.focus();
  const text = document.createTreeWalker(editor.querySelector("p"), NodeFilter.SHOW_TEXT).nextNode();
  getSelection().collapse(text, 0);
  document.addEventListener("selectionchange", () => {
    const key = bench.keys[bench.keys.length - 1];
    if (!key || key.selectionEnd !== undefined) return;
    key.selectionEnd = performance.now();
    requestAnimationFrame(() => {
      key.frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { key.painted = performance.now(); };
      channel.port2.postMessage(null);
    });
  });
})()`;
