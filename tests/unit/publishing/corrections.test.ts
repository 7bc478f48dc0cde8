import { describe, expect, it } from "vitest";
import { isCorrection, lastCorrectionAt, publicChangesOf, ratingChangesByClaim, toldToReaders, withNotes, type ApprovalStep } from "@/lib/publishing/corrections";

const PUBLISHED = new Date("2026-11-20T12:00:00Z");

/** A claim's step on a day of November 2026 at 09:00 or at `hour`. */
const step = (claimId: string, day: number, to: ApprovalStep["to"], verdict: ApprovalStep["verdict"], hour = 9): ApprovalStep => ({
  eventId: eventOf(claimId, day, hour),
  claimId,
  quote: `claim ${claimId}`,
  at: new Date(Date.UTC(2026, 10, day, hour)),
  to,
  verdict,
});

/** The id of the event `step` makes for that claim at that time. */
const eventOf = (claimId: string, day: number, hour = 9) => `${claimId}@${day}T${hour}`;

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();

describe("publicChangesOf", () => {
  it("lists nothing for what happened before the first publication", () => {
    const steps = [step("a", 18, "approved", "false"), step("a", 19, "in_review", "false"), step("a", 19, "approved", "mostly_false", 15)];
    expect(publicChangesOf(steps, [new Date("2026-11-19T10:00:00Z")], PUBLISHED)).toEqual([]);
  });

  it("says a rating readers saw was changed, when a withdrawal ends in an approval with another verdict: one correction, dated by the approval", () => {
    const steps = [step("a", 18, "approved", "mostly_true"), step("a", 21, "in_review", "mostly_true"), step("a", 22, "approved", "false")];
    const changes = publicChangesOf(steps, [], PUBLISHED);
    expect(changes).toEqual([
      // Its events: the approval, then the withdrawal it ended (whose note to readers, if any, it carries).
      { kind: "rating_changed", at: at(22), claimId: "a", quote: "claim a", from: "mostly_true", to: "false", eventIds: [eventOf("a", 22), eventOf("a", 21)], note: null },
    ]);
    expect(changes.every(isCorrection)).toBe(true);
  });

  it("keeps a withdrawal that has not ended as a correction of its own", () => {
    const steps = [step("a", 18, "approved", "true"), step("a", 21, "in_review", "true")];
    expect(publicChangesOf(steps, [], PUBLISHED)).toEqual([
      { kind: "rating_withdrawn", at: at(21), claimId: "a", quote: "claim a", verdict: "true", eventIds: [eventOf("a", 21)], note: null },
    ]);
  });

  it("calls a claim reviewed again and approved with the same rating an update, and one first approved after publication an addition", () => {
    const steps = [
      step("a", 18, "approved", "true"),
      step("a", 21, "in_review", "true"),
      step("a", 21, "approved", "true", 15),
      step("b", 19, "approved", "false"),
      step("b", 19, "in_review", "false", 15),
      step("b", 23, "approved", "half_true"),
    ];
    const changes = publicChangesOf(steps, [], PUBLISHED);
    expect(changes).toMatchObject([
      // b was withdrawn before readers saw it: its approval is new to them, not a change of rating.
      { kind: "claim_added", at: at(23), claimId: "b", quote: "claim b", verdict: "half_true", eventIds: [eventOf("b", 23)] },
      { kind: "rating_reviewed", at: at(21, 15), claimId: "a", quote: "claim a", verdict: "true", earlier: "true" },
    ]);
    expect(changes.some(isCorrection)).toBe(false);
    expect(lastCorrectionAt(changes)).toBeNull();
  });

  it("compares with the rating readers last saw, through several rounds, whatever order the steps come in", () => {
    const steps = [
      step("a", 25, "approved", "false"),
      step("a", 21, "approved", "mostly_false"),
      step("a", 18, "approved", "true"),
      step("a", 24, "in_review", "mostly_false"),
      step("a", 20, "in_review", "true", 15),
    ];
    const changes = publicChangesOf(steps, [], PUBLISHED);
    expect(changes.map((change) => change.kind === "rating_changed" && [change.from, change.to, change.at])).toEqual([
      ["mostly_false", "false", at(25)],
      ["true", "mostly_false", at(21)],
    ]);
    expect(lastCorrectionAt(changes)).toBe(at(25));
    expect(ratingChangesByClaim(changes)).toEqual(new Map([["a", { at: at(25), from: "mostly_false" }]]));
  });

  it("does not claim a change it cannot know: an approval recorded without its verdict is reviewed again, not corrected", () => {
    const steps = [step("a", 18, "approved", null), step("a", 21, "in_review", null), step("a", 22, "approved", "false")];
    expect(publicChangesOf(steps, [], PUBLISHED)).toMatchObject([{ kind: "rating_reviewed", at: at(22), claimId: "a", quote: "claim a", verdict: "false", earlier: null }]);
  });

  it("counts a claim approved in the article's unpublished weeks against what readers saw before", () => {
    // Published on the 20th with "true"; the same claim re-rated while the page was down is still a correction.
    const steps = [step("a", 18, "approved", "true"), step("a", 21, "in_review", "true"), step("a", 22, "approved", "false")];
    expect(publicChangesOf(steps, [], PUBLISHED)[0]).toMatchObject({ kind: "rating_changed", from: "true", to: "false" });
  });

  it("lists the text's revisions after publication as one update a day, dated by the day's last", () => {
    const revisions = [new Date("2026-11-19T10:00:00Z"), new Date("2026-11-21T10:00:00Z"), new Date("2026-11-21T16:30:00Z"), new Date("2026-11-21T11:00:00Z"), new Date("2026-11-24T08:00:00Z")];
    expect(publicChangesOf([], revisions, PUBLISHED)).toEqual([
      { kind: "text_revised", at: "2026-11-24T08:00:00.000Z", revisions: 1 },
      { kind: "text_revised", at: "2026-11-21T16:30:00.000Z", revisions: 3 },
    ]);
  });

  it("counts the days of the revisions in the newsroom's time zone", () => {
    // 23:00 on the 21st and 01:00 on the 22nd in UTC are one evening in New York.
    const revisions = [new Date("2026-11-21T23:00:00Z"), new Date("2026-11-22T01:00:00Z")];
    expect(publicChangesOf([], revisions, PUBLISHED)).toHaveLength(2);
    expect(publicChangesOf([], revisions, PUBLISHED, "America/New_York")).toEqual([{ kind: "text_revised", at: "2026-11-22T01:00:00.000Z", revisions: 2 }]);
  });
});

describe("withNotes", () => {
  it("gives a change the note on its own event, else the one on the withdrawal it ended; a revision has none", () => {
    const steps = [
      step("a", 18, "approved", "true"),
      step("a", 21, "in_review", "true"),
      step("a", 22, "approved", "false"),
      step("b", 18, "approved", "true"),
      step("b", 21, "in_review", "true"),
      step("b", 22, "approved", "false"),
      step("c", 18, "approved", "true"),
      step("c", 23, "in_review", "true"),
    ];
    const changes = publicChangesOf(steps, [new Date("2026-11-24T08:00:00Z")], PUBLISHED);
    const notes = new Map([
      [eventOf("a", 21), "We are checking the amended tender."],
      [eventOf("b", 21), "We are checking the amended tender."],
      [eventOf("b", 22), "The amended tender puts the cost at 13 million euros."],
      [eventOf("c", 23), "A reader sent us the 2024 census."],
    ]);
    const noted = withNotes(changes, notes);
    expect(noted.map((change) => [change.kind, change.kind === "text_revised" ? null : [change.claimId, change.note]])).toEqual([
      ["text_revised", null],
      ["rating_withdrawn", ["c", "A reader sent us the 2024 census."]],
      ["rating_changed", ["a", "We are checking the amended tender."]],
      ["rating_changed", ["b", "The amended tender puts the cost at 13 million euros."]],
    ]);
    expect(changes.every((change) => change.kind === "text_revised" || change.note === null)).toBe(true);
  });
});

describe("toldToReaders", () => {
  it("tells an addition or a confirmed rating only with its fact-check on the page, and every correction", () => {
    const steps = [
      step("shown", 21, "approved", "true"),
      step("waiting", 21, "approved", "false"),
      step("rerated", 18, "approved", "true"),
      step("rerated", 21, "in_review", "true"),
      step("rerated", 22, "approved", "false"),
      step("withdrawn", 18, "approved", "true"),
      step("withdrawn", 23, "in_review", "true"),
    ];
    const told = toldToReaders(publicChangesOf(steps, [], PUBLISHED), new Set(["shown"]));
    expect(told.map((change) => "claimId" in change && [change.kind, change.claimId])).toEqual([
      ["rating_withdrawn", "withdrawn"],
      ["rating_changed", "rerated"],
      ["claim_added", "shown"],
    ]);
  });
});
