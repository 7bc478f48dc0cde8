import type { ReactNode } from "react";
import { VERDICT_LABELS, type Verdict } from "@/lib/annotations/verdicts";
import { isCorrection, type PublicChange } from "@/lib/publishing/corrections";
import type { PublicClaim } from "@/lib/publishing/public-view";
import { publicDay } from "@/lib/publishing/public-dates";


/** A date as the public page writes it, readable by machines too. */
export function PublicDate({ at }: { at: string }) {
  return <time dateTime={at}>{publicDay(at)}</time>;
}

const rating = (verdict: Verdict | null) => <strong>{verdict ? VERDICT_LABELS[verdict] : "no rating"}</strong>;

/** What one change did, in the desk's words to its readers (the desk's list of corrections says it the same way). */
export function ChangeSentence({ change }: { change: PublicChange }) {
  return <>{sentenceOf(change)}</>;
}

function sentenceOf(change: PublicChange): ReactNode {
  if (change.kind === "text_revised") {
    return `The article's text was revised${change.revisions > 1 ? ` (${change.revisions} revisions)` : ""}; the highlights follow the current text.`;
  }
  const quote = <q>{change.quote}</q>;
  switch (change.kind) {
    case "rating_changed":
      return (
        <>
          We changed our rating of {quote} from {rating(change.from)} to {rating(change.to)}.
        </>
      );
    case "rating_withdrawn":
      return (
        <>
          We withdrew our rating of {quote} ({rating(change.verdict)}) to review it again; it is no longer on this page.
        </>
      );
    case "rating_reviewed":
      return change.earlier === change.verdict ? (
        <>
          We reviewed {quote} again; our rating stands: {rating(change.verdict)}.
        </>
      ) : (
        <>
          We reviewed {quote} again and rated it {rating(change.verdict)}.
        </>
      );
    case "claim_added":
      return (
        <>
          We added a fact-check of {quote}: {rating(change.verdict)}.
        </>
      );
  }
}

/**
 * The page's "Corrections and updates": every change since its first publication, newest first, a
 * correction (a rating changed or withdrawn) said to be one. Each claim still on the page is linked.
 */
export function PublicCorrections({ changes, claims }: { changes: PublicChange[]; claims: PublicClaim[] }) {
  const numbers = new Map(claims.map((claim) => [claim.id, claim.number]));
  return (
    <section className="public-corrections" id="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">Corrections and updates</h2>
      <ol className="public-corrections__list">
        {changes.map((change, index) => {
          const number = "claimId" in change ? numbers.get(change.claimId) : undefined;
          return (
            <li key={index} className={isCorrection(change) ? "public-corrections__correction" : undefined}>
              <PublicDate at={change.at} /> · <strong>{isCorrection(change) ? "Correction" : "Update"}</strong>
              <p>
                {sentenceOf(change)}
                {number !== undefined && "claimId" in change && (
                  <>
                    {" "}
                    <a href={`#claim-${change.claimId}`}>See fact-check {number}</a>
                  </>
                )}
              </p>
              {"note" in change && change.note && <p className="public-corrections__note">{change.note}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
