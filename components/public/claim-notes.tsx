import { VERDICT_LABELS, type Verdict } from "@/lib/annotations/verdicts";
import type { PublicClaim } from "@/lib/publishing/public-view";
import { publicDay } from "@/lib/publishing/public-dates";
import { ClaimantLine } from "../claimant-line";
import { PublicSourceItems, PublicVerdict } from "./public-claim-parts";

/**
 * The fact-check's notes, one per approved claim: the quote, its verdict, why, and the sources; a claim
 * re-rated since publication says what it was rated before (`ratingChanges`), with a link to the correction.
 */
export function ClaimNotes({ claims, ratingChanges }: { claims: PublicClaim[]; ratingChanges: Map<string, { at: string; from: Verdict }> }) {
  return (
    <ol className="claim-notes">
      {claims.map((claim) => (
        <li key={claim.id} id={`claim-${claim.id}`} className="claim-note">
          <p className="claim-note__head">
            <span className="claim-note__number">{claim.number}</span>
            <PublicVerdict verdict={claim.verdict} />
          </p>
          <blockquote className="claim-note__quote">
            <p>“{claim.quote}”</p>
          </blockquote>
          <ClaimantLine
            claimant={claim.claimant}
            className="claim-note__claimant"
            href={claim.claimant ? `/p?${new URLSearchParams({ claimant: claim.claimant.name })}` : undefined}
          />
          {claim.explanation && <p className="claim-note__explanation">{claim.explanation}</p>}
          {claim.sources.length > 0 && (
            <div className="claim-note__sources">
              <h3>Sources</h3>
              <PublicSourceItems sources={claim.sources} />
            </div>
          )}
          <p className="claim-note__meta muted">
            Checked {publicDay(claim.approvedAt)}
            {claim.approvedBy && <> · reviewed by {claim.approvedBy}</>}
            {ratingChanges.has(claim.id) && (
              <>
                {" · "}
                <a href="#corrections">Corrected: rated {VERDICT_LABELS[ratingChanges.get(claim.id)!.from]} before</a>
              </>
            )}
            <span className="claim-note__tell-us">
              {" · "}
              <a href={`?about=${claim.id}#tell-us`}>
                Tell us if we got it wrong<span className="visually-hidden"> in fact-check {claim.number}</span>
              </a>
            </span>
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
