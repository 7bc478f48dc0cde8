/**
 * Dates in the queue, in UTC as its date filter reads them (see lib/reviews/queue-filters.ts), so that
 * the page says the same thing to everyone who opens a shared link; the page notes it.
 */
const day = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
const time = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit" });

/** "29 Nov 2026" for a YYYY-MM-DD day. */
export function formatDay(isoDay: string): string {
  return day.format(new Date(`${isoDay}T00:00:00Z`));
}

/** "29 Nov 2026" and "14:03" for an instant. */
export function formatMoment(iso: string): { day: string; time: string } {
  const instant = new Date(iso);
  return { day: day.format(instant), time: time.format(instant) };
}

/** Today as YYYY-MM-DD in UTC: a due date before it is overdue. */
export function todayUTC(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
