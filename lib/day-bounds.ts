import { sql, type SQL } from "drizzle-orm";

/**
 * The instant `day` (YYYY-MM-DD) begins in `timeZone`, `plusDays` later, as SQL for comparing with a
 * timestamp: `startOfDayIn(to, zone, 1)` ends the day `to`, 23 or 25 hours long when the clocks change.
 */
export function startOfDayIn(day: string, timeZone: string, plusDays = 0): SQL {
  return sql`((${day}::date + ${plusDays}::int)::timestamp at time zone ${timeZone})`;
}

/**
 * The latest moment, now or before, at which the clock in `timeZone` read `time` (HH:MM), as SQL: at
 * 07:59 with `time` 08:00, yesterday's 08:00. A time the clocks skip when they go forward is taken an
 * hour later, as PostgreSQL reads it.
 */
export function lastTimeOfDayIn(time: string, timeZone: string): SQL {
  const local = sql`(now() at time zone ${timeZone})`;
  return sql`((${local}::date - (${local}::time < ${time}::time)::int + ${time}::time) at time zone ${timeZone})`;
}
