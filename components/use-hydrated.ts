"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False while the page is the server's HTML, true once React has hydrated it: a button whose click
 * does nothing until then is better disabled than silently dead.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
