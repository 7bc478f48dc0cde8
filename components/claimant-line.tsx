import type { Claimant } from "@/lib/annotations/claimant";

type Props = {
  claimant: Claimant | null;
  className: string;
  href?: string;
  /** What the link leads to, for screen readers, after the name. */
  linkHint?: string;
};

/**
 * Who made the claim, as a line under its quote: "Claim by **Jane Doe**, mayor"; nothing when nobody was
 * named. With `href`, the name links there (on the public page: the fact-checks of their other claims;
 * in the queue: their claims).
 */
export function ClaimantLine({ claimant, className, href, linkHint = "(every fact-check of their claims)" }: Props) {
  if (!claimant) return null;
  const name = <strong>{claimant.name}</strong>;
  return (
    <p className={className}>
      Claim by{" "}
      {href ? (
        <a href={href}>
          {name}
          <span className="visually-hidden"> {linkHint}</span>
        </a>
      ) : (
        name
      )}
      {claimant.role && `, ${claimant.role}`}
    </p>
  );
}
