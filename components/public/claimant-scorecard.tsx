import { VERDICT_LABELS } from "@/lib/annotations/verdicts";
import type { ClaimantScorecard as Scorecard } from "@/lib/publishing/claimant-scorecard";
import { describeTally } from "@/lib/publishing/public-index";
import type { Verdict } from "@/lib/annotations/verdicts";

type Props = {
  scorecard: Scorecard;
  /** The verdict the list is narrowed to, or "" for any. */
  verdict: Verdict | "";
  /** The index's address for their fact-checks with a claim of `verdict` ("" for any). */
  href(verdict: Verdict | ""): string;
};

/**
 * At the top of the fact-checks of one claimant's claims: who they are, how many of their claims got each
 * verdict, and each verdict a link narrowing the list to the fact-checks with such a claim of theirs.
 */
export function ClaimantScorecard({ scorecard, verdict, href }: Props) {
  const { claimant, verdicts } = scorecard;
  return (
    <section className="claimant-scorecard" aria-label={`The record of ${claimant.name}`}>
      {claimant.role && <p className="claimant-scorecard__role">{claimant.role}</p>}
      <p className="claimant-scorecard__tally">{describeTally(verdicts)}.</p>
      <ul className="claimant-scorecard__verdicts" aria-label="Show the fact-checks with their claims rated">
        {verdicts.map((each) =>
          each.verdict ? (
            <li key={each.verdict}>
              <a
                className={`verdict-badge verdict-badge--${each.verdict}`}
                href={href(each.verdict)}
                aria-current={verdict === each.verdict ? "page" : undefined}
              >
                {each.count} {VERDICT_LABELS[each.verdict]}
              </a>
            </li>
          ) : (
            <li key="none">
              <span className="verdict-badge verdict-badge--none">{each.count} No verdict</span>
            </li>
          ),
        )}
        {verdict && (
          <li>
            <a href={href("")}>Any verdict</a>
          </li>
        )}
      </ul>
    </section>
  );
}
