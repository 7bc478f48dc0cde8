type Claim = { verdict: string | null; explanation: string; sources: readonly unknown[] };

/** What a claim lacks before it can be submitted for review, by field; empty when it is complete. */
export function missingForReview(claim: Claim): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!claim.verdict) missing.verdict = "is required to submit for review";
  if (!claim.explanation.trim()) missing.explanation = "is required to submit for review";
  if (!claim.sources.length) missing.sources = "at least one source is required to submit for review";
  return missing;
}
