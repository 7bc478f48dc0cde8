import { describe, expect, it } from "vitest";
import { DEFAULT_CHECK_HOURS, originalCheckHours } from "@/lib/articles/original-watch";

describe("ORIGINAL_CHECK_HOURS", () => {
  it("reads originals every 6 hours unless told otherwise, never with 0, and keeps the default for a malformed value, naming it", () => {
    expect(originalCheckHours({})).toEqual({ hours: DEFAULT_CHECK_HOURS, problem: null });
    expect(originalCheckHours({ ORIGINAL_CHECK_HOURS: " 1.5 " })).toEqual({ hours: 1.5, problem: null });
    expect(originalCheckHours({ ORIGINAL_CHECK_HOURS: "0" })).toEqual({ hours: 0, problem: null });
    expect(originalCheckHours({ ORIGINAL_CHECK_HOURS: "daily" })).toEqual({
      hours: DEFAULT_CHECK_HOURS,
      problem: 'ORIGINAL_CHECK_HOURS must be a number of hours (it is "daily"): reading originals every 6 hours.',
    });
    expect(originalCheckHours({ ORIGINAL_CHECK_HOURS: "0.1" }).problem).toBe('ORIGINAL_CHECK_HOURS must be 0 (no reads) or at least 0.25 (a quarter of an hour) (it is "0.1"): reading originals every 6 hours.');
    expect(originalCheckHours({ ORIGINAL_CHECK_HOURS: "-1" }).hours).toBe(DEFAULT_CHECK_HOURS);
    expect(originalCheckHours({ ORIGINAL_CHECK_HOURS: "500" }).problem).toBe('ORIGINAL_CHECK_HOURS must be at most 168 (a week) (it is "500"): reading originals every 6 hours.');
  });
});
