import { describe, expect, it } from "vitest";
import { containsPattern } from "@/lib/like-pattern";

describe("containsPattern", () => {
  it("matches the text anywhere, with LIKE's own characters escaped", () => {
    expect(containsPattern("mines")).toBe("%mines%");
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
    expect(containsPattern("")).toBe("%%");
  });
});
