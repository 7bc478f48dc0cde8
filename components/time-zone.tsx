"use client";

import { createContext, useContext, type ReactNode } from "react";
import { formatDayIn, formatTimeIn } from "@/lib/time-zone";

const TimeZoneContext = createContext("UTC");

/** Gives the components within the newsroom's time zone (NEWSROOM_TIME_ZONE), read on the server. */
export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext value={timeZone}>{children}</TimeZoneContext>;
}

/**
 * The newsroom's time zone, in which the desk writes every date and time (lib/time-zone.ts): the same
 * in the server's HTML and in the browser, whoever reads it, wherever they are.
 */
export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

/**
 * A moment on the desk, "3 Dec 2026, 13:05", in the newsroom's time zone (named at the foot of every
 * desk page). With `timeClassName`, the clock time is set apart in a span of that class instead of after a comma.
 */
export function DeskTime({ at, timeClassName }: { at: string; timeClassName?: string }) {
  const timeZone = useTimeZone();
  const day = formatDayIn(at, timeZone);
  const time = formatTimeIn(at, timeZone);
  return (
    <time dateTime={at}>
      {timeClassName ? (
        <>
          {day}
          <span className={timeClassName}>{time}</span>
        </>
      ) : (
        `${day}, ${time}`
      )}
    </time>
  );
}
