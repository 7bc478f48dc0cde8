import { z } from "zod";

/**
 * Who made a claim: the person or organization the article quotes or reports, as fact-checks name them
 * ("Claim by Jane Doe, governor of X") and as ClaimReview's `itemReviewed.author` tells search engines.
 */
export const CLAIMANT_KINDS = ["person", "organization"] as const;

export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

export type Claimant = {
  name: string;
  kind: ClaimantKind;
  /** What they are, in a few words ("governor of X", "a Facebook page"); null when not given. */
  role: string | null;
};

export const CLAIMANT_LIMITS = { name: 200, role: 200 } as const;

export const CLAIMANT_KIND_LABELS: Record<ClaimantKind, string> = { person: "A person", organization: "An organization" };

const lengthMessage = (max: number) => `must be at most ${max} characters`;

/** A claimant as the API takes it: a name, what kind of claimant (a person unless said), and a role if any. */
export const claimantSchema = z.strictObject({
  name: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(CLAIMANT_LIMITS.name, lengthMessage(CLAIMANT_LIMITS.name)),
  kind: z.enum(CLAIMANT_KINDS, { error: () => `must be one of ${CLAIMANT_KINDS.join(", ")}` }).default("person"),
  role: z
    .string()
    .trim()
    .max(CLAIMANT_LIMITS.role, lengthMessage(CLAIMANT_LIMITS.role))
    .nullable()
    .optional()
    .transform((role) => role || null),
});

/** The claimant as a line of text: "Jane Doe, governor of X". */
export function claimantLine(claimant: Claimant): string {
  return claimant.role ? `${claimant.name}, ${claimant.role}` : claimant.name;
}

/** The claimant's columns as they are stored; all null when nobody was named. */
export type ClaimantColumns = { claimantName: string | null; claimantKind: ClaimantKind | null; claimantRole: string | null };

export function claimantColumns(claimant: Claimant | null): ClaimantColumns {
  return { claimantName: claimant?.name ?? null, claimantKind: claimant?.kind ?? null, claimantRole: claimant?.role ?? null };
}

export function claimantOf(columns: ClaimantColumns): Claimant | null {
  if (columns.claimantName === null) return null;
  return { name: columns.claimantName, kind: columns.claimantKind ?? "person", role: columns.claimantRole };
}

/** The claimants already named on some claims, each once (by name, any case), the most often named first. */
export function namedClaimants(claims: readonly { claimant: Claimant | null }[]): Claimant[] {
  const byName = new Map<string, { claimant: Claimant; count: number }>();
  for (const { claimant } of claims) {
    if (!claimant) continue;
    const key = claimant.name.toLocaleLowerCase("en");
    const known = byName.get(key);
    if (known) known.count += 1;
    else byName.set(key, { claimant, count: 1 });
  }
  return [...byName.values()].sort((a, b) => b.count - a.count || a.claimant.name.localeCompare(b.claimant.name, "en")).map((entry) => entry.claimant);
}
