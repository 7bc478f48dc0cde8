import { describe, expect, it } from "vitest";
import { quoteChange } from "@/lib/revisions/quote-change";

describe("quoteChange: what a revision did to a claim's words", () => {
  it("shows the changed words with a word of context either side, and counts a changed figure as changed words", () => {
    expect(quoteChange("The vote was 7 to 2.", "The vote was 8 to 1.")).toEqual({ before: "…was 7 to 2.", after: "…was 8 to 1.", wordsChanged: true });
  });

  it("counts an added or removed word as changed words, however small", () => {
    expect(quoteChange("In June 2022, just months into the war", "In June of 2022, just months into the war")).toEqual({
      before: "…June 2022,…",
      after: "…June of 2022,…",
      wordsChanged: true,
    });
    expect(quoteChange("The mines are deactivated", "The mines are not deactivated")?.wordsChanged).toBe(true);
  });

  it("takes a fixed typo for the same word, but not another word a letter away", () => {
    expect(quoteChange("The goverment recieved 12 complaints", "The government received 12 complaints")).toEqual({
      before: "The goverment recieved 12…",
      after: "The government received 12…",
      wordsChanged: false,
    });
    expect(quoteChange("a seperate study", "a separate study")?.wordsChanged).toBe(false);
    expect(quoteChange("12 million dollars", "12 billion dollars")?.wordsChanged).toBe(true);
    expect(quoteChange("prices rose", "prices rise")?.wordsChanged).toBe(true);
    expect(quoteChange("in 2022.", "in 2022,")?.wordsChanged).toBe(false);
  });

  it("is null when only white space changed", () => {
    expect(quoteChange("twelve  million\ndollars", "twelve million dollars")).toBeNull();
    expect(quoteChange("same words", "same words")).toBeNull();
  });
});
