import { claimantLine } from "@/lib/annotations/claimant";
import type { EmbeddedFactCheck } from "@/lib/publishing/embedded-fact-check";
import { shortened } from "@/lib/shortened";
import { EmbedFrame } from "./claim-embed";
import { PublicVerdict } from "./public-claim-parts";
import { PublicDate } from "./public-corrections";
import { VerdictTally } from "./verdict-tally";

/** How many claims the embed lists; the page has the rest. */
const LISTED_CLAIMS = 5;

/**
 * A whole fact-check inside another site's page: its title, the editors' summary, its claims counted by
 * verdict and the first few with theirs and who made them, each a link (in a new tab) to its note on the
 * public page.
 */
export function FactCheckEmbed({ factCheck, newsroomName, pageUrl }: { factCheck: EmbeddedFactCheck; newsroomName: string; pageUrl: string }) {
  const rest = factCheck.claims.length - LISTED_CLAIMS;
  return (
    <EmbedFrame newsroomName={newsroomName}>
      <h1 className="claim-embed__title">
        <a href={pageUrl} target="_blank" rel="noopener">
          {factCheck.title}
        </a>
      </h1>
      {factCheck.byline && <p className="claim-embed__article">{factCheck.byline}</p>}
      {factCheck.correctedAt && (
        <p className="claim-embed__corrected">
          <a href={`${pageUrl}#corrections`} target="_blank" rel="noopener">
            Corrected on <PublicDate at={factCheck.correctedAt} />
          </a>
        </p>
      )}
      {factCheck.summary && <p className="claim-embed__explanation">{factCheck.summary}</p>}
      <VerdictTally tally={factCheck.verdicts} />
      {factCheck.claims.length > 0 && (
        <ol className="claim-embed__claims">
          {factCheck.claims.slice(0, LISTED_CLAIMS).map((claim) => (
            <li key={claim.id}>
              <PublicVerdict verdict={claim.verdict} />{" "}
              <a href={`${pageUrl}#claim-${claim.id}`} target="_blank" rel="noopener">
                “{shortened(claim.quote, 140)}”
              </a>
              {claim.claimant && <span className="claim-embed__by"> — {shortened(claimantLine(claim.claimant), 80)}</span>}
            </li>
          ))}
        </ol>
      )}
      {rest > 0 && <p className="claim-embed__meta muted">and {rest} more {rest === 1 ? "claim" : "claims"}</p>}
      <p className="claim-embed__more">
        <a href={pageUrl} target="_blank" rel="noopener">
          Read the full fact-check<span className="visually-hidden"> on {newsroomName}</span>
        </a>
      </p>
    </EmbedFrame>
  );
}
