import { newsroomConfig } from "@/lib/newsroom/config";
import { formatDayIn } from "@/lib/time-zone";

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `at` as the public reads it: "30 November 2026". A `YYYY-MM-DD` day (an article's own date) is that
 * day; an instant is the day it fell on in the newsroom's time zone, which readers take the desk's dates in.
 */
export function publicDay(at: string | Date, timeZone = newsroomConfig().timeZone): string {
  return typeof at === "string" && CALENDAR_DAY.test(at) ? formatDayIn(`${at}T12:00:00Z`, "UTC", "long") : formatDayIn(at, timeZone, "long");
}
