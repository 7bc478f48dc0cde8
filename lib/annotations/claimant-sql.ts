import { sql, type SQL } from "drizzle-orm";
import { annotations } from "@/db/schema";

/** The columns of who made a claim, read together (`claimantOf` makes them one value). */
export const claimantSelection = {
  claimantName: annotations.claimantName,
  claimantKind: annotations.claimantKind,
  claimantRole: annotations.claimantRole,
};

/**
 * A claim made by `claimant`: the whole name, in any case, as a reader or a desk asks for one claimant's
 * claims ("Jane Doe" finds the claims named "jane doe"). Served by the index on the lowered name.
 */
export const madeBy = (claimant: string): SQL => sql`lower(${annotations.claimantName}) = lower(${claimant})`;
