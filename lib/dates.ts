import { formatDayIn } from "./time-zone";

/** Today's date as `YYYY-MM-DD` in the local time zone of whoever runs this (the browser, in forms). */
export function todayISODate(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, "0");
  const day = String(now.getDate()).padStart(2, "0");
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A due date (`YYYY-MM-DD`) as people read it: "4 Dec 2026", the same day wherever it is read. */
export function formatDueDate(dueOn: string): string {
  return formatDayIn(`${dueOn}T12:00:00Z`, "UTC");
}
