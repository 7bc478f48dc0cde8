/** How the public pages and the feed write a date: "30 November 2026", in UTC like every date the desk publishes. */
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** `at` (an ISO time or a `YYYY-MM-DD` day) as the public reads it: "30 November 2026". */
export function publicDay(at: string | Date): string {
  return dayFormat.format(new Date(at));
}
