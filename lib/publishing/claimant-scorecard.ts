import { and, count, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { annotations, articles } from "@/db/schema";
import { claimantOf, type Claimant } from "@/lib/annotations/claimant";
import { claimantSelection, madeBy } from "@/lib/annotations/claimant-sql";
import { inVerdictOrder, type VerdictCount } from "@/lib/annotations/verdicts";
import { IS_PUBLISHED } from "./public-index";
import { SHOWN_IN_PUBLIC } from "./public-view";

/**
 * One claimant's record, as readers see it at the top of the fact-checks of their claims: who they are
 * (as their latest checked claim names them) and how many of their claims got each verdict.
 */
export type ClaimantScorecard = { claimant: Claimant; verdicts: VerdictCount[]; claims: number };

const PUBLIC_CLAIM = and(IS_PUBLISHED, SHOWN_IN_PUBLIC);

/**
 * The scorecard of `name` (the whole name, any case) over the claims readers can see: approved, placed,
 * on a published page. Null when none of theirs is.
 */
export async function claimantScorecard(db: Database, name: string): Promise<ClaimantScorecard | null> {
  const theirs = and(PUBLIC_CLAIM, madeBy(name));
  const [latest, tally] = await Promise.all([
    db
      .select(claimantSelection)
      .from(annotations)
      .innerJoin(articles, eq(articles.id, annotations.articleId))
      .where(theirs)
      .orderBy(desc(annotations.updatedAt), desc(annotations.id))
      .limit(1),
    db
      .select({ verdict: annotations.verdict, count: count() })
      .from(annotations)
      .innerJoin(articles, eq(articles.id, annotations.articleId))
      .where(theirs)
      .groupBy(annotations.verdict),
  ]);
  const claimant = latest[0] ? claimantOf(latest[0]) : null;
  const claims = tally.reduce((sum, each) => sum + each.count, 0);
  return claimant && claims > 0 ? { claimant, verdicts: inVerdictOrder(tally), claims } : null;
}
