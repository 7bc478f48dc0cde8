import { describe, expect, it } from "vitest";
import { describeWaiting, publishQuestion, type PublicationReadiness } from "@/lib/publishing/readiness";

const NOTHING_WAITS = { in_review: 0, changes_requested: 0, draft: 0, placement: 0, orphaned: 0 };
const readiness = (shown: number, waiting: Partial<PublicationReadiness["waiting"]> = {}): PublicationReadiness => ({ shown, waiting: { ...NOTHING_WAITS, ...waiting } });

describe("what an editor is asked before publishing", () => {
  it("asks nothing when every claim that could be public is", () => {
    expect(publishQuestion(readiness(3))).toBeNull();
  });

  it("names what waits, in words, when some claims are still on their way", () => {
    expect(publishQuestion(readiness(1, { in_review: 2, draft: 1, placement: 1 }))).toEqual({
      question: "Publish with 1 checked claim?",
      detail: "Not on the public page yet: 2 in review, 1 draft and 1 approved claim whose placement is to check. Each appears there by itself once it is approved and placed.",
      action: "Publish",
    });
  });

  it("warns before a page with no checked claim at all, waiting or not", () => {
    expect(publishQuestion(readiness(0))).toMatchObject({ question: "Publish without any checked claim?", action: "Publish anyway" });
    expect(publishQuestion(readiness(0, { orphaned: 2 }))!.detail).toContain("Waiting: 2 approved orphans to re-attach.");
  });

  it("joins the reasons as a sentence", () => {
    expect(describeWaiting(NOTHING_WAITS)).toBe("");
    expect(describeWaiting({ ...NOTHING_WAITS, changes_requested: 1 })).toBe("1 with changes requested");
    expect(describeWaiting({ ...NOTHING_WAITS, draft: 2, orphaned: 1 })).toBe("2 drafts and 1 approved orphan to re-attach");
  });
});
