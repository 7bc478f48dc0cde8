/**
 * The newsroom's days and clock times. Everything the desk stores is an instant (or, for a due date,
 * a calendar day); where people read a day or a time, or ask for the claims of a day, it is the
 * newsroom's day and clock (NEWSROOM_TIME_ZONE, see lib/newsroom/config.ts), so that "today", "overdue"
 * and "3 December" mean the same to everyone on the desk and to its readers, wherever each one is.
 */

/**
 * Whether this runtime knows `name` as a time zone: an IANA name such as "America/New_York" (any case,
 * as PostgreSQL takes it too), or "UTC".
 */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

// Building a formatter costs far more than using one: one per zone and style for the process's life.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

/** The calendar day (`YYYY-MM-DD`) that `instant` falls on in `timeZone`: "today" when it is now. */
export function dayIn(timeZone: string, instant: Date = new Date()): string {
  const parts = formatter(timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

type Instant = Date | string;
type MonthStyle = "short" | "long";

/** The day of an instant in `timeZone`: "3 Dec 2026", or "3 December 2026" with `month: "long"`. */
export function formatDayIn(instant: Instant, timeZone: string, month: MonthStyle = "short"): string {
  return formatter(timeZone, { day: "numeric", month, year: "numeric" }).format(new Date(instant));
}

/** The clock time of an instant in `timeZone`, 24-hour: "13:05". */
export function formatTimeIn(instant: Instant, timeZone: string): string {
  return formatter(timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(instant));
}

/**
 * An instant as people read it, its zone named so that it cannot be misread wherever it is read:
 * "3 Dec 2026, 13:05 GMT-5", "3 July 2026, 19:05 BST", "3 Dec 2026, 18:05:09 UTC" (with `seconds`).
 */
export function formatMomentIn(instant: Instant, timeZone: string, { month = "short", seconds = false }: { month?: MonthStyle; seconds?: boolean } = {}): string {
  return formatter(timeZone, {
    day: "numeric",
    month,
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(new Date(instant));
}

/**
 * How a page names the zone its times are in: "UTC", or the zone's place ("New York time" for
 * America/New_York); a zone of no place ("Etc/GMT+5") by its name.
 */
export function timeZoneLabel(timeZone: string): string {
  if (!timeZone.includes("/") || timeZone.startsWith("Etc/")) return timeZone;
  return `${timeZone.slice(timeZone.lastIndexOf("/") + 1).replaceAll("_", " ")} time`;
}
