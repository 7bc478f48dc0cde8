import { sql, type SQL } from "drizzle-orm";
import { annotations } from "@/db/schema";

/**
 * A claim made by `claimant`: the whole name, in any case, as a reader or a desk asks for one claimant's
 * claims ("Jane Doe" finds the claims named "jane doe"). Served by the index on the lowered name.
 */
export const madeBy = (claimant: string): SQL => sql`lower(${annotations.claimantName}) = lower(${claimant})`;
