/**
 * When a failed delivery is tried again: after 1 minute, then 5, 30, 2 hours, 6, 12 and 24, so that a
 * receiver down for a night still gets every event, and one gone for good stops being called after
 * about two days (eight attempts).
 */
const DELAYS_MINUTES = [1, 5, 30, 120, 360, 720, 1440];

/** The most attempts a delivery gets. */
export const MAX_ATTEMPTS = DELAYS_MINUTES.length + 1;

/** How long after its `attempts`-th failed attempt a delivery is tried again, or null when it has had its last. */
export function retryDelayMs(attempts: number): number | null {
  const minutes = DELAYS_MINUTES[attempts - 1];
  return minutes === undefined ? null : minutes * 60_000;
}
