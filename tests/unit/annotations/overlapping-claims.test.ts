import { describe, expect, it } from "vitest";
import { overlappingClaims } from "@/lib/annotations/overlapping-claims";
import type { AnnotationRecord } from "@/lib/annotations/record";

const claim = (id: string, start: number, end: number, orphaned = false) =>
  ({ id, orphaned, selectors: [{ type: "TextQuoteSelector", exact: "", prefix: "", suffix: "" }, { type: "TextPositionSelector", start, end }] }) as unknown as AnnotationRecord;

describe("overlappingClaims", () => {
  it("lists the claims sharing text with the selection, those sharing the most first", () => {
    const claims = [claim("before", 0, 10), claim("edge", 10, 20), claim("inside", 22, 26), claim("around", 5, 60), claim("after", 40, 50)];
    expect(overlappingClaims(claims, 18, 30).map((c) => c.id)).toEqual(["around", "inside", "edge"]);
  });

  it("leaves out claims that only touch the selection, and orphans", () => {
    expect(overlappingClaims([claim("touching", 0, 10), claim("orphan", 12, 18, true)], 10, 20)).toEqual([]);
  });
});
