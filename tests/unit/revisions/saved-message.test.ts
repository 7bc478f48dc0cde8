import { describe, expect, it } from "vitest";
import { outcomeSummary, savedMessage } from "@/lib/revisions/saved-message";

describe("savedMessage", () => {
  it("says what a save did to the claims", () => {
    expect(savedMessage({ revision: 2, reanchored: 1, orphaned: 1, checkPlacement: 0, restored: 0 })).toBe("Saved revision 2: 1 claim re-anchored, 1 orphaned, 0 to check.");
  });

  it("counts the orphans a revision brought back, for a restore too", () => {
    expect(savedMessage({ revision: 5, reanchored: 3, orphaned: 0, checkPlacement: 1, restored: 2 }, "Restored as")).toBe(
      "Restored as revision 5: 3 claims re-anchored, 0 orphaned, 1 to check; 2 orphans back on their text.",
    );
    expect(savedMessage({ revision: 3, reanchored: 0, orphaned: 0, checkPlacement: 0, restored: 1 })).toMatch(/; 1 orphan back on its text\.$/);
  });
});

describe("outcomeSummary", () => {
  it("names only what a revision did to the claims", () => {
    expect(outcomeSummary({ reanchored: 4, orphaned: 1, checkPlacement: 0, restored: 0 })).toBe("4 claims re-anchored, 1 orphaned");
    expect(outcomeSummary({ reanchored: 1, orphaned: 0, checkPlacement: 2, restored: 1 })).toBe("1 claim re-anchored, 2 to check, 1 orphan back on its text");
    expect(outcomeSummary({ reanchored: 0, orphaned: 0, checkPlacement: 0, restored: 0 })).toBe("No claims to carry over");
  });
});
