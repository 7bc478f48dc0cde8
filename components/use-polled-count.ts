"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";

/** How often an open page asks for a count again, while the reader can see it. */
const POLL_MS = 60_000;

/**
 * A header count kept current: the server's count for the first page (`initial`), then `ask`ed again at
 * each move between pages (the root layout is not drawn again), when the reader comes back to the tab, and
 * every minute while they look at it. The window event `changed` sets it at once (its `detail`, a number)
 * or has it asked again (no detail). A failed ask keeps the last count; an answer to an older question
 * than the latest change is dropped.
 */
export function usePolledCount(initial: number, ask: () => Promise<number>, changed: string): number {
  const [count, setCount] = useState(initial);
  const pathname = usePathname();
  const first = useRef(true);
  const generation = useRef(0);
  const askRef = useRef(ask);
  useEffect(() => {
    askRef.current = ask;
  });

  const refresh = useCallback(() => {
    const asked = ++generation.current;
    askRef.current().then(
      (answer) => asked === generation.current && setCount(answer),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    // The server counted for the first page.
    if (first.current) {
      first.current = false;
      return;
    }
    refresh();
  }, [pathname, refresh]);

  useEffect(() => {
    const whenVisible = () => document.visibilityState === "visible" && refresh();
    const timer = window.setInterval(whenVisible, POLL_MS);
    document.addEventListener("visibilitychange", whenVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", whenVisible);
    };
  }, [refresh]);

  useEffect(() => {
    const onChanged = (event: Event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail !== "number") return refresh();
      generation.current++;
      setCount(detail);
    };
    window.addEventListener(changed, onChanged);
    return () => window.removeEventListener(changed, onChanged);
  }, [changed, refresh]);

  return count;
}
