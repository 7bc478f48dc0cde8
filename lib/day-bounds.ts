import { sql, type SQL } from "drizzle-orm";

/**
 * The instant `day` (YYYY-MM-DD) begins in `timeZone`, `plusDays` later, as SQL for comparing with a
 * timestamp: `startOfDayIn(to, zone, 1)` ends the day `to`, 23 or 25 hours long when the clocks change.
 */
export function startOfDayIn(day: string, timeZone: string, plusDays = 0): SQL {
  return sql`((${day}::date + ${plusDays}::int)::timestamp at time zone ${timeZone})`;
}
