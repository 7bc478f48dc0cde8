import { describe, expect, it } from "vitest";
import { placementNotice } from "@/lib/annotations/placement-notice";

describe("placementNotice", () => {
  it("shows the words a revision changed since the claim was checked, and the revision to compare with", () => {
    const notice = placementNotice({ checked: { quote: "The vote was 7 to 2.", revision: 3 }, quote: "The vote was 8 to 1.", anchorConfidence: 0.9 });
    expect(notice.lead).toBe("Its words changed since it was checked in revision 3:");
    expect(notice.changes).toEqual([
      { type: "equal", text: "The vote was " },
      { type: "delete", text: "7" },
      { type: "insert", text: "8" },
      { type: "equal", text: " to " },
      { type: "delete", text: "2" },
      { type: "insert", text: "1" },
      { type: "equal", text: "." },
    ]);
    expect(notice.compareFrom).toBe(3);
  });

  it("says a claim with the same words moved to an uncertain place, and how sure the move is", () => {
    const notice = placementNotice({ checked: { quote: "officials said", revision: 2 }, quote: "officials said", anchorConfidence: 0.614 });
    expect(notice).toMatchObject({ changes: null, compareFrom: 2 });
    expect(notice.lead).toBe("A revision moved it after it was checked in revision 2, and is not certain of the new place (61% sure).");
  });

  it("compares an imported claim with the quote in its file, with no revision to compare with", () => {
    const differs = placementNotice({ checked: { quote: "sent 300 mines", revision: null }, quote: "sent 3,000 mines", anchorConfidence: 0.5 });
    expect(differs.lead).toBe("Its words differ from the quote in the file it was imported from:");
    expect(differs.changes?.filter((change) => change.type !== "equal")).toEqual([
      { type: "delete", text: "300" },
      { type: "insert", text: "3,000" },
    ]);
    expect(differs.compareFrom).toBeNull();
    expect(placementNotice({ checked: { quote: "mines", revision: null }, quote: "mines", anchorConfidence: 0.5 }).lead).toMatch(/^It was placed on a passage with the words of the imported quote/);
  });

  it("falls back to the history when nobody recorded what was checked", () => {
    expect(placementNotice({ checked: null, quote: "mines", anchorConfidence: 0.5 })).toMatchObject({ changes: null, compareFrom: null, lead: expect.stringContaining("its history shows how") });
  });
});
