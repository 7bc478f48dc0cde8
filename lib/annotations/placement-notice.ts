import { compareTexts, groupForReading, type Change } from "@/lib/revisions/compare";
import type { AnnotationRecord } from "./record";

/**
 * What a claim waiting for a placement check asks of the reviewer, from what changed since someone
 * last checked it: `lead` says what happened, `changes` (when its words changed) shows the checked
 * quote turned into the current one word by word, `ask` says what to check, and `compareFrom` is the
 * revision to compare the article with (null when unknown, or for a claim imported from a file).
 */
export type PlacementNotice = { lead: string; changes: Change[] | null; ask: string; compareFrom: number | null };

export function placementNotice({ checked, quote, anchorConfidence }: Pick<AnnotationRecord, "checked" | "quote" | "anchorConfidence">): PlacementNotice {
  if (!checked) {
    return {
      lead: "A revision moved this claim to an uncertain place, or changed its words (its history shows how).",
      changes: null,
      ask: "Check that the highlight covers the claim and that the verdict still holds, then confirm.",
      compareFrom: null,
    };
  }
  const imported = checked.revision === null;
  if (checked.quote !== quote) {
    return {
      lead: imported ? "Its words differ from the quote in the file it was imported from:" : `Its words changed since it was checked in revision ${checked.revision}:`,
      changes: groupForReading(compareTexts(checked.quote, quote)),
      ask: "Check that the verdict still holds for these words, then confirm.",
      compareFrom: checked.revision,
    };
  }
  const sure = `${Math.round(anchorConfidence * 100)}% sure`;
  return {
    lead: imported
      ? `It was placed on a passage with the words of the imported quote, but not with certainty (${sure}).`
      : `A revision moved it after it was checked in revision ${checked.revision}, and is not certain of the new place (${sure}).`,
    changes: null,
    ask: "Check that the highlight covers the claim the annotation was made on, then confirm.",
    compareFrom: checked.revision,
  };
}
