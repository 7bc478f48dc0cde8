import { describe, expect, it } from "vitest";
import { missingForReview } from "@/lib/reviews/readiness";

const complete = { verdict: "false", explanation: "The report says otherwise.", sources: [{ url: "https://example.com" }] };

describe("missingForReview", () => {
  it("finds nothing missing in a complete claim", () => {
    expect(missingForReview(complete)).toEqual({});
  });

  it("names every missing field of an empty claim", () => {
    expect(Object.keys(missingForReview({ verdict: null, explanation: "", sources: [] }))).toEqual(["verdict", "explanation", "sources"]);
  });

  it("counts an explanation of white space as missing", () => {
    expect(Object.keys(missingForReview({ ...complete, explanation: " \n\t" }))).toEqual(["explanation"]);
  });
});
