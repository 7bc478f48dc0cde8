import { VERDICT_LABELS } from "@/lib/annotations/verdicts";
import type { PublicClaim } from "@/lib/publishing/public-view";

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** The fact-check's notes, one per approved claim: the quote, its verdict, why, and the sources. */
export function ClaimNotes({ claims }: { claims: PublicClaim[] }) {
  return (
    <ol className="claim-notes">
      {claims.map((claim) => (
        <li key={claim.id} id={`claim-${claim.id}`} className="claim-note">
          <p className="claim-note__head">
            <span className="claim-note__number">{claim.number}</span>
            <span className={`verdict-badge verdict-badge--${claim.verdict ?? "none"}`}>{claim.verdict ? VERDICT_LABELS[claim.verdict] : "No verdict"}</span>
          </p>
          <blockquote className="claim-note__quote">
            <p>“{claim.quote}”</p>
          </blockquote>
          {claim.explanation && <p className="claim-note__explanation">{claim.explanation}</p>}
          {claim.sources.length > 0 && (
            <div className="claim-note__sources">
              <h3>Sources</h3>
              <ul>
                {claim.sources.map((source, index) => (
                  <li key={index}>
                    <a href={source.url} rel="nofollow noopener ugc">
                      {source.title || source.url}
                    </a>
                    {source.publisher && <span className="muted"> · {source.publisher}</span>}
                    {source.archiveUrl && (
                      <>
                        {" · "}
                        <a href={source.archiveUrl} rel="nofollow noopener ugc">
                          archived copy
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p className="claim-note__meta muted">
            Checked {dateFormat.format(new Date(claim.approvedAt))}
            {claim.approvedBy && <> · reviewed by {claim.approvedBy}</>}
            <span className="claim-note__back">
              {" · "}
              <a href={`#claim-text-${claim.id}`}>
                Back to the text<span className="visually-hidden"> of fact-check {claim.number}</span>
              </a>
            </span>
          </p>
        </li>
      ))}
    </ol>
  );
}
