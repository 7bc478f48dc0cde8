import type { Claimant } from "@/lib/annotations/claimant";

/**
 * Who made the claim, as a line under its quote: "Claim by **Jane Doe**, mayor"; nothing when nobody was
 * named. With `href`, the name links there (on the public page: the fact-checks of their other claims).
 */
export function ClaimantLine({ claimant, className, href }: { claimant: Claimant | null; className: string; href?: string }) {
  if (!claimant) return null;
  const name = <strong>{claimant.name}</strong>;
  return (
    <p className={className}>
      Claim by{" "}
      {href ? (
        <a href={href}>
          {name}
          <span className="visually-hidden"> (every fact-check of their claims)</span>
        </a>
      ) : (
        name
      )}
      {claimant.role && `, ${claimant.role}`}
    </p>
  );
}
