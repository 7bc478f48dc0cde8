import { describe, expect, it } from "vitest";
import { formatHours } from "@/lib/statistics/durations";

describe("formatHours", () => {
  it.each([
    [0, "under a minute"],
    [0.005, "under a minute"],
    [0.5, "30 min"],
    [59.6 / 60, "1 h"],
    [1, "1 h"],
    [2.5, "2 h 30 min"],
    [3.7, "3 h 42 min"],
    [23.99, "23 h 59 min"],
    [24, "1 day"],
    [27.4, "1 day 3 h"],
    [76, "3 days 4 h"],
    [48.2, "2 days"],
  ])("says %s hours as %s", (hours, said) => {
    expect(formatHours(hours)).toBe(said);
  });
});
