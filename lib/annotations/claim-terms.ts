import { sql } from "drizzle-orm";
import type { Database } from "@/db/database";
import { rowsOf } from "@/db/rows";

/** How many of the claims "checked before" may show hold each text-search term, and how many there are. */
export type TermCounts = { claims: number; claimsWith(term: string): number };

/**
 * Counting reads every such claim's terms: a few milliseconds on a small desk, where it is done for
 * every search so that the counts are exact; about 200 ms on a desk of 100,000 claims (44,000
 * approved; `npm run bench:earlier-checks`), where counts a few minutes old weigh terms just as well
 * (they change slowly): each app instance counts anew at most every `RECOUNT_MS`, in the background,
 * answering meanwhile with the counts it has.
 */
const EXACT_BELOW_CLAIMS = 2_000;
const RECOUNT_MS = 10 * 60_000;

/**
 * The claims "checked before" may show, as SQL over `annotations`: approved, on their article's text
 * (not orphaned nor discarded), with no placement to check. One text for the search, the term
 * counts and the benchmark, so that they cannot drift apart; `discarded_at is null` is also the
 * predicate of the index on the claims' words, which the planner needs to see.
 */
export const STOOD_BY_CLAIMS =
  "annotations.status = 'approved' and annotations.discarded_at is null and annotations.orphaned_at is null and annotations.placement_checked";

const counted = new WeakMap<Database, { at: number; counts: Promise<TermCounts> }>();

async function countTerms(db: Database): Promise<TermCounts> {
  const result = await db.execute(sql`
    select word, ndoc from ts_stat(${`select quote_terms from annotations where ${STOOD_BY_CLAIMS}`})
    union all
    select '', count(*)::int from annotations where ${sql.raw(STOOD_BY_CLAIMS)}`);
  const rows = rowsOf<{ word: string; ndoc: number }>(result);
  const byTerm = new Map<string, number>();
  let claims = 0;
  for (const row of rows) {
    if (row.word === "") claims = Number(row.ndoc);
    else byTerm.set(row.word, Number(row.ndoc));
  }
  return { claims, claimsWith: (term) => byTerm.get(term) ?? 0 };
}

/** The term counts of the approved claims, exact on a small desk, at most `RECOUNT_MS` old on a large one. */
export async function approvedTermCounts(db: Database, now = Date.now()): Promise<TermCounts> {
  const known = counted.get(db);
  const kept = known && (await known.counts).claims >= EXACT_BELOW_CLAIMS ? known : null;
  if (kept && now - kept.at < RECOUNT_MS) return kept.counts;
  const recount = countTerms(db);
  counted.set(db, { at: now, counts: kept?.counts ?? recount });
  recount.then(
    (counts) => counted.set(db, { at: now, counts: Promise.resolve(counts) }),
    () => counted.delete(db),
  );
  // A large desk's counts are recounted in the background: this search weighs terms with the ones it has.
  return kept?.counts ?? recount;
}

/** A figure's term ("2,500", "3.5"). */
const isFigure = (term: string) => /^\d[\d.,]*$/.test(term);

/**
 * How much sharing `term` says about two claims being the same: a name or a place that few claims
 * hold says much, "percent" or "said" little (inverse document frequency, smoothed so that a desk of
 * a few claims weighs every term about alike). A figure weighs nothing: a claim restated with
 * another figure is the same claim checked anew, and the form points the figures out (`otherFigures`).
 */
export function termWeight(counts: TermCounts, term: string): number {
  if (isFigure(term)) return 0;
  return Math.log(1 + counts.claims / Math.max(1, counts.claimsWith(term)));
}

/**
 * A term held by more than this share of the claims finds too many to compare and says little: it is
 * left out of the search (not of the comparison). The rarest few terms are searched for whatever
 * their counts, so that a claim in common words still finds its like; a long selection is searched
 * by its rarest terms only.
 */
const COMMON_SHARE = 0.01;
const COMMON_MIN_CLAIMS = 50;
const ALWAYS_SEARCHED = 2;
const MOST_SEARCHED = 32;

/**
 * The terms of a claim to search the approved claims by, rarest first: none that no approved claim
 * holds (they find nothing), and no figures (they weigh nothing).
 */
export function searchedTerms(terms: readonly string[], counts: TermCounts): string[] {
  const common = Math.max(COMMON_MIN_CLAIMS, counts.claims * COMMON_SHARE);
  const held = [...new Set(terms)].filter((term) => !isFigure(term) && counts.claimsWith(term) > 0);
  const byRarity = held.sort((a, b) => counts.claimsWith(a) - counts.claimsWith(b));
  return byRarity.filter((term, index) => index < ALWAYS_SEARCHED || counts.claimsWith(term) <= common).slice(0, MOST_SEARCHED);
}

/** `term` as a text-search query, taken as it is (the `tsquery` literal syntax). */
export function termQuery(term: string): string {
  return `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}
