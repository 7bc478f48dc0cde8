import type { AnnotationRecord } from "@/lib/annotations/record";
import { VERDICT_LABELS } from "@/lib/annotations/verdicts";
import { REVIEW_STATUS_LABELS } from "@/lib/reviews/statuses";

/** The accessible name of a claim's card and the description of its highlight, e.g. "Claim by Ada: False, approved". */
export function claimLabel(annotation: Pick<AnnotationRecord, "verdict" | "status" | "author">): string {
  const verdict = annotation.verdict ? VERDICT_LABELS[annotation.verdict] : "no verdict yet";
  return `Claim by ${annotation.author.name}: ${verdict}, ${REVIEW_STATUS_LABELS[annotation.status].toLowerCase()}`;
}
