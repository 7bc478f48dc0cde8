import type { Claimant } from "@/lib/annotations/claimant";

/** Who made the claim, as a line under its quote: "Claim by **Jane Doe**, mayor"; nothing when nobody was named. */
export function ClaimantLine({ claimant, className }: { claimant: Claimant | null; className: string }) {
  if (!claimant) return null;
  return (
    <p className={className}>
      Claim by <strong>{claimant.name}</strong>
      {claimant.role && `, ${claimant.role}`}
    </p>
  );
}
