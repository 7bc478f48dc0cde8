import { describe as group, expect, it } from "vitest";
import { describe } from "@/lib/anchoring";
import { followRevision } from "@/lib/annotations/follow-revision";

const OLD = [
  "The council approved a budget of 12 million dollars on Monday, the mayor said.",
  "Critics said the plan would cost about 40 million dollars over ten years.",
  "Inflation rose by 3 percent, the statistics office said.",
].join("\n");
const CLAIM = "The council approved a budget of 12 million dollars on Monday";

const selecting = (text: string, quote: string) => describe(text, text.indexOf(quote), text.indexOf(quote) + quote.length);

group("followRevision: a selection for a claim not saved yet, after a revision", () => {
  it("follows the same words to where the revision moved them, as 'moved'", () => {
    const revised = `Updated on Tuesday.\n${OLD}`;
    const followed = followRevision(OLD, revised, selecting(OLD, CLAIM));
    expect(followed).toEqual({ outcome: "moved", selectors: selecting(revised, CLAIM) });
  });

  it("follows words the revision edited, as 'changed', quoting the new text", () => {
    const revised = OLD.replace("12 million", "14 million");
    const followed = followRevision(OLD, revised, selecting(OLD, CLAIM));
    expect(followed.outcome).toBe("changed");
    expect(followed.outcome !== "removed" && followed.selectors[0].exact).toBe("The council approved a budget of 14 million dollars on Monday");
  });

  it("says 'removed' when the revision deleted the selected sentence, even with a lookalike elsewhere", () => {
    const revised = OLD.replace(/^The council approved[^\n]*\n/, "").replace("Inflation rose", "The council approved a budget of 12 million dollars on Monday. Inflation rose");
    expect(revised).not.toContain("Monday, the mayor said.");
    expect(followRevision(OLD, revised, selecting(OLD, "12 million dollars on Monday, the mayor said"))).toEqual({ outcome: "removed" });
  });

  it("keeps an unchanged text's selection as it was", () => {
    const selectors = selecting(OLD, "40 million dollars");
    expect(followRevision(OLD, OLD, selectors)).toEqual({ outcome: "moved", selectors });
  });
});
