import { describe, expect, it } from "vitest";
import { REVIEW_STATUSES, type ReviewStatus } from "@/lib/reviews/statuses";
import { actionsFrom, reviewActionFor, type ReviewAction } from "@/lib/reviews/transitions";

const ALLOWED: Record<string, ReviewAction> = {
  "draft->in_review": "submit",
  "changes_requested->in_review": "submit",
  "in_review->approved": "approve",
  "in_review->changes_requested": "request_changes",
  "in_review->rejected": "reject",
  "approved->in_review": "reopen",
  "rejected->in_review": "reopen",
};

const pairs = REVIEW_STATUSES.flatMap((from) => REVIEW_STATUSES.map((to) => [from, to] as [ReviewStatus, ReviewStatus]));

describe("reviewActionFor", () => {
  it.each(pairs)("gives %s -> %s the workflow's action, or none", (from, to) => {
    expect(reviewActionFor(from, to)).toBe(ALLOWED[`${from}->${to}`] ?? null);
  });

  it("allows exactly seven moves", () => {
    expect(pairs.filter(([from, to]) => reviewActionFor(from, to) !== null)).toHaveLength(7);
  });
});

describe("actionsFrom", () => {
  it("offers the actions of the moves out of each status", () => {
    expect(actionsFrom("draft")).toEqual(["submit"]);
    expect(actionsFrom("in_review")).toEqual(["approve", "request_changes", "reject"]);
    expect(actionsFrom("changes_requested")).toEqual(["submit"]);
    expect(actionsFrom("approved")).toEqual(["reopen"]);
    expect(actionsFrom("rejected")).toEqual(["reopen"]);
  });
});
