import type { ClaimantClaim } from "@/lib/publishing/public-index";
import { PublicVerdict } from "./public-claim-parts";

/** Under a fact-check in the index asked for one claimant: each of their claims it rated, linking to its note. */
export function ClaimantClaims({ slug, claimant, claims }: { slug: string; claimant: string; claims: ClaimantClaim[] }) {
  if (claims.length === 0) return null;
  return (
    <ul className="claimant-claims" aria-label={`Claims by ${claimant}`}>
      {claims.map((claim) => (
        <li key={claim.id}>
          <PublicVerdict verdict={claim.verdict} />{" "}
          <a href={`/p/${encodeURIComponent(slug)}#claim-${claim.id}`}>“{claim.quote}”</a>
        </li>
      ))}
    </ul>
  );
}
