import { describe, expect, it } from "vitest";
import { DEFAULT_EMAIL_KEEP_DAYS, emailErasedAfter, readerEmailKeepDays } from "@/lib/reader-messages/retention";

describe("how long readers' emails are kept", () => {
  it("is 90 days after the message is handled unless READER_EMAIL_KEEP_DAYS says otherwise", () => {
    expect(readerEmailKeepDays({})).toEqual({ days: DEFAULT_EMAIL_KEEP_DAYS, problem: null });
    expect(DEFAULT_EMAIL_KEEP_DAYS).toBe(90);
    expect(readerEmailKeepDays({ READER_EMAIL_KEEP_DAYS: " 30 " })).toEqual({ days: 30, problem: null });
    expect(readerEmailKeepDays({ READER_EMAIL_KEEP_DAYS: "0" })).toEqual({ days: 0, problem: null });
    expect(readerEmailKeepDays({ READER_EMAIL_KEEP_DAYS: "" })).toEqual({ days: 90, problem: null });
  });

  it("keeps the default for a malformed value and says why", () => {
    expect(readerEmailKeepDays({ READER_EMAIL_KEEP_DAYS: "a month" })).toEqual({
      days: 90,
      problem: 'READER_EMAIL_KEEP_DAYS must be a whole number of days (it is "a month"): keeping readers\' emails 90 days.',
    });
    expect(readerEmailKeepDays({ READER_EMAIL_KEEP_DAYS: "-1" }).problem).toMatch(/^READER_EMAIL_KEEP_DAYS must be 0 or more/);
    expect(readerEmailKeepDays({ READER_EMAIL_KEEP_DAYS: "2.5" }).problem).toMatch(/must be a whole number of days/);
  });

  it("counts from when the message was handled, and not before", () => {
    expect(emailErasedAfter(null, 90)).toBeNull();
    expect(emailErasedAfter(new Date("2026-12-01T10:00:00Z"), 90)).toEqual(new Date("2027-03-01T10:00:00Z"));
  });
});
