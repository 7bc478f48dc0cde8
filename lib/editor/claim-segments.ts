import type { ReviewStatus } from "@/lib/reviews/statuses";
import type { Verdict } from "@/lib/annotations/verdicts";

/** What the editor needs to draw one claim: where it is and how it looks. */
export type ClaimHighlight = {
  id: string;
  from: number;
  to: number;
  status: ReviewStatus;
  verdict: Verdict | null;
  /** What the highlight says of its claim, e.g. "Claim by Ada: False, approved": its tooltip and accessible description. */
  label: string;
};

/** A stretch of text covered by the same claims, innermost (shortest) first. */
export type ClaimSegment = { from: number; to: number; claims: ClaimHighlight[] };

const byLength = (a: ClaimHighlight, b: ClaimHighlight) => a.to - a.from - (b.to - b.from) || a.from - b.from;

/**
 * Cuts the claims into segments over which the set of covering claims does not change.
 * Drawing one element per segment, instead of one per claim, keeps overlapping claims flat: with
 * nested elements, many overlapping claims multiply the DOM (2,000 claims over a short article
 * made 40,000 nested marks) and slow every selection change.
 */
export function segmentClaims(highlights: ClaimHighlight[]): ClaimSegment[] {
  const boundaries = new Map<number, { starting: ClaimHighlight[]; ending: ClaimHighlight[] }>();
  const at = (pos: number) => {
    let boundary = boundaries.get(pos);
    if (!boundary) boundaries.set(pos, (boundary = { starting: [], ending: [] }));
    return boundary;
  };
  for (const highlight of highlights) {
    if (highlight.from >= highlight.to) continue;
    at(highlight.from).starting.push(highlight);
    at(highlight.to).ending.push(highlight);
  }
  const positions = [...boundaries.keys()].sort((a, b) => a - b);
  const covering = new Set<ClaimHighlight>();
  const segments: ClaimSegment[] = [];
  for (let i = 0; i < positions.length - 1; i++) {
    const boundary = boundaries.get(positions[i]!)!;
    for (const ended of boundary.ending) covering.delete(ended);
    for (const started of boundary.starting) covering.add(started);
    if (covering.size) segments.push({ from: positions[i]!, to: positions[i + 1]!, claims: [...covering].sort(byLength) });
  }
  return segments;
}

/**
 * The element attributes of a segment: classes from its innermost claim, the ids of all. The label
 * goes in `title`, which browsers expose as the mark's description: a mark's name is its text
 * (ARIA prohibits naming it), and the description adds whose claim it is and where it stands.
 */
export function segmentAttributes(segment: ClaimSegment): Record<string, string> {
  const [innermost, ...others] = segment.claims;
  const verdict = innermost!.verdict ? ` claim--verdict-${innermost!.verdict}` : "";
  const overlap = others.length ? ` claim--overlap claim--overlap-${Math.min(others.length, 3)}` : "";
  const label = others.length
    ? `${innermost!.label}; overlaps ${others.length} more ${others.length === 1 ? "claim" : "claims"}`
    : innermost!.label;
  return {
    nodeName: "mark",
    class: `claim claim--${innermost!.status}${verdict}${overlap}`,
    "data-claim-ids": segment.claims.map((claim) => claim.id).join(" "),
    title: label,
  };
}
