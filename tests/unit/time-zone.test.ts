import { describe, expect, it } from "vitest";
import { dayIn, formatDayIn, formatMomentIn, formatTimeIn, isTimeZone, timeZoneLabel } from "@/lib/time-zone";

// 03:30 UTC on 3 December: still 2 December in New York, already 3 December in Kyiv.
const LATE_EVENING_IN_NEW_YORK = new Date("2026-12-03T03:30:00Z");

describe("the newsroom's days and clock times", () => {
  it("knows IANA time zones, in any case, and nothing else", () => {
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("asia/kolkata")).toBe(true);
    expect(isTimeZone("Europe/Kyiv")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Eastern")).toBe(false);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });

  it("says which day an instant falls on in the newsroom", () => {
    expect(dayIn("UTC", LATE_EVENING_IN_NEW_YORK)).toBe("2026-12-03");
    expect(dayIn("America/New_York", LATE_EVENING_IN_NEW_YORK)).toBe("2026-12-02");
    expect(dayIn("Europe/Kyiv", LATE_EVENING_IN_NEW_YORK)).toBe("2026-12-03");
    expect(dayIn("Asia/Kolkata", new Date("2026-12-03T18:45:00Z"))).toBe("2026-12-04");
  });

  it("writes an instant in the newsroom's clock, naming the zone, summer time included", () => {
    expect(formatMomentIn(LATE_EVENING_IN_NEW_YORK, "America/New_York")).toBe("2 Dec 2026, 22:30 GMT-5");
    expect(formatMomentIn("2026-07-03T03:30:00Z", "America/New_York")).toBe("2 Jul 2026, 23:30 GMT-4");
    expect(formatMomentIn("2026-07-03T18:05:09Z", "Europe/London", { seconds: true })).toBe("3 Jul 2026, 19:05:09 BST");
    expect(formatMomentIn(LATE_EVENING_IN_NEW_YORK, "UTC", { month: "long" })).toBe("3 December 2026 at 03:30 UTC");
    expect(formatDayIn(LATE_EVENING_IN_NEW_YORK, "America/New_York", "long")).toBe("2 December 2026");
    expect(formatTimeIn(LATE_EVENING_IN_NEW_YORK, "Asia/Kolkata")).toBe("09:00");
  });

  it("names the zone by its place", () => {
    expect(timeZoneLabel("UTC")).toBe("UTC");
    expect(timeZoneLabel("America/New_York")).toBe("New York time");
    expect(timeZoneLabel("America/Argentina/Buenos_Aires")).toBe("Buenos Aires time");
    expect(timeZoneLabel("Etc/GMT+5")).toBe("Etc/GMT+5");
  });
});
