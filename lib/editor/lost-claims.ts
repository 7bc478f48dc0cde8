import { REVIEW_STATUS_LABELS, type ReviewStatus } from "@/lib/reviews/statuses";

/**
 * What an editor is told while their edits delete every word of some claims: how many, how many of
 * them the desk approved, and what saving would do. Null while no claim has lost its text.
 */
export function lostClaimsNotice(statuses: readonly ReviewStatus[]): string | null {
  if (statuses.length === 0) return null;
  const approved = statuses.filter((status) => status === "approved").length;
  const claims = statuses.length === 1 ? `1 claim (${REVIEW_STATUS_LABELS[statuses[0]!].toLowerCase()})` : `${statuses.length} claims${approved ? `, ${approved} of them approved` : ""}`;
  return `Your edits delete all the text of ${claims}. Saving moves ${statuses.length === 1 ? "it" : "them"} to the Orphaned panel; undo (Ctrl+Z) to keep the text.`;
}
