"use client";

import type { AnnotationRecord } from "@/lib/annotations/record";
import { VERDICT_LABELS } from "@/lib/annotations/verdicts";
import { REVIEW_STATUS_LABELS } from "@/lib/reviews/statuses";

/** Claims named at most; the rest are counted. */
const SHOWN = 3;

type Props = { claims: AnnotationRecord[]; onOpen(id: string): void };

/**
 * Under a new claim's quote: the claims already on that text, whose they are and where they stand,
 * each a click away. Claims may overlap; this only keeps two fact-checkers from checking one
 * sentence twice without knowing it.
 */
export function OverlapNote({ claims, onOpen }: Props) {
  if (claims.length === 0) return null;
  const more = claims.length - SHOWN;
  return (
    <div className="notice annotation-form__overlap" role="status">
      <p>
        {claims.length === 1 ? "This text has a claim already:" : `This text has ${claims.length} claims already:`}
      </p>
      <ul>
        {claims.slice(0, SHOWN).map((claim) => (
          <li key={claim.id}>
            <button type="button" className="link-button" onClick={() => onOpen(claim.id)}>
              “{claim.quote.length > 80 ? `${claim.quote.slice(0, 79)}…` : claim.quote}”
            </button>{" "}
            <span className="muted">
              by {claim.author.name}, {claim.verdict ? `${VERDICT_LABELS[claim.verdict]}, ` : ""}
              {REVIEW_STATUS_LABELS[claim.status].toLowerCase()}
            </span>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="muted">and {more} more.</p>}
    </div>
  );
}
