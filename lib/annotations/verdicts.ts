import { z } from "zod";

/** The verdicts a fact-checker can give a claim, in the order the form lists them. */
export const VERDICTS = [
  "true",
  "mostly_true",
  "half_true",
  "mostly_false",
  "false",
  "misleading",
  "unproven",
] as const;

export type Verdict = (typeof VERDICTS)[number];

export const verdictSchema = z.enum(VERDICTS, {
  error: () => `must be one of ${VERDICTS.join(", ")}`,
});

export const VERDICT_LABELS: Record<Verdict, string> = {
  true: "True",
  mostly_true: "Mostly true",
  half_true: "Half true",
  mostly_false: "Mostly false",
  false: "False",
  misleading: "Misleading",
  unproven: "Unproven",
};

/** How many claims have one verdict; `verdict` null counts those without one. */
export type VerdictCount = { verdict: Verdict | null; count: number };

/** Counts in the form's order of verdicts, those without a verdict last. */
export function inVerdictOrder(tally: VerdictCount[]): VerdictCount[] {
  const rank = (verdict: Verdict | null) => (verdict === null ? VERDICTS.length : VERDICTS.indexOf(verdict));
  return [...tally].sort((a, b) => rank(a.verdict) - rank(b.verdict));
}
