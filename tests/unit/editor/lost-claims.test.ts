import { describe, expect, it } from "vitest";
import { lostClaimsNotice } from "@/lib/editor/lost-claims";

describe("lostClaimsNotice", () => {
  it("says nothing while every claim keeps some text", () => {
    expect(lostClaimsNotice([])).toBeNull();
  });

  it("names the status of one claim, and counts the approved among several", () => {
    expect(lostClaimsNotice(["approved"])).toBe("Your edits delete all the text of 1 claim (approved). Saving moves it to the Orphaned panel; undo (Ctrl+Z) to keep the text.");
    expect(lostClaimsNotice(["approved", "draft", "approved"])).toMatch(/^Your edits delete all the text of 3 claims, 2 of them approved\. Saving moves them/);
    expect(lostClaimsNotice(["draft", "in_review"])).toMatch(/^Your edits delete all the text of 2 claims\. /);
  });
});
