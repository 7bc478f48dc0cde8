import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/database";
import { rowsOf } from "@/db/rows";
import { annotations, articles, reviewEvents, sources } from "@/db/schema";
import { mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { parseInput } from "@/lib/validation";
import { claimantOf, type Claimant } from "./claimant";
import { claimantSelection } from "./claimant-sql";
import { claimLikeness, MIN_LIKENESS, otherFigures, QUOTE_COMPARED } from "./claim-likeness";
import { approvedTermCounts, searchedTerms, STOOD_BY_CLAIMS, termQuery, termWeight } from "./claim-terms";
import { toSourceRecord, type SourceRecord } from "./record";
import type { Verdict } from "./verdicts";

/** A claim the desk approved that is like the one being checked: its verdict, reasons and sources to read, or reuse. */
export type EarlierCheck = {
  id: string;
  article: { id: string; title: string };
  quote: string;
  /** Who made it, or null: the same words from someone else may be another claim. */
  claimant: Claimant | null;
  verdict: Verdict | null;
  explanation: string;
  sources: SourceRecord[];
  /** When it was last approved. */
  approvedAt: string;
  /** How alike the two claims are, from `MIN_LIKENESS` to 1 (`claimLikeness`). */
  likeness: number;
  /** Each claim's figures when they differ (`otherFigures`): the verdict was given on other numbers. */
  otherFigures: { ours: string[]; theirs: string[] } | null;
  /**
   * The same words from the same claimant (or nobody named) approved with the same verdict elsewhere (a
   * wire story quoted by several articles): listed once, here.
   */
  alsoIn: { id: string; article: { id: string; title: string } }[];
};

/** Shown at most, the most alike first. */
const SHOWN = 3;
/** Ranked by the database's text search before they are compared word by word: many more than are shown. */
const CANDIDATES = 100;

const earlierChecksQuerySchema = z.object({
  quote: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(QUOTE_COMPARED, `must be at most ${QUOTE_COMPARED.toLocaleString("en")} characters`),
  except: z.uuid("must be an annotation id").optional(),
});

/** A claim's words as a reader compares them: case, spacing and the closing punctuation aside. */
const wordsOf = (quote: string) => quote.toLowerCase().replace(/\s+/g, " ").replace(/[\s.,;:!?"'”’]+$/u, "").trim();

type Candidate = { id: string; articleId: string; articleTitle: string; quote: string; verdict: Verdict | null; claimantName: string | null };

/** Each claim once: later ones with the same words, claimant and verdict are listed with the first, in `alsoIn`. */
function sameClaimsOnce<C extends Candidate>(ranked: { candidate: C; likeness: number }[]): { candidate: C; likeness: number; alsoIn: C[] }[] {
  const firsts = new Map<string, { candidate: C; likeness: number; alsoIn: C[] }>();
  for (const { candidate, likeness } of ranked) {
    const key = JSON.stringify([candidate.verdict, candidate.claimantName?.toLocaleLowerCase("en") ?? null, wordsOf(candidate.quote)]);
    const first = firsts.get(key);
    if (first) first.alsoIn.push(candidate);
    else firsts.set(key, { candidate, likeness, alsoIn: [] });
  }
  return [...firsts.values()];
}

/**
 * Approved claims, on any article, like `quote` (`claimLikeness` at least `MIN_LIKENESS`, terms
 * weighed by how few claims hold them), the most alike first; `except` leaves out the claim itself.
 * Only what the desk stands by, as its public pages show it: approved, on the article's text (not
 * orphaned nor discarded), and not waiting for someone to check a placement a revision changed.
 */
export async function findEarlierChecks(db: Database, actor: Actor | null, input: unknown): Promise<EarlierCheck[]> {
  enforce(mayViewAnnotations(actor), actor);
  const { quote, except } = parseInput(earlierChecksQuerySchema, input);
  const [terms, counts] = await Promise.all([
    db.execute(sql`select tsvector_to_array(to_tsvector('english', ${quote})) as terms`).then((result) => rowsOf<{ terms: string[] }>(result)[0]!.terms),
    approvedTermCounts(db),
  ]);
  const searched = searchedTerms(terms, counts);
  if (searched.length === 0) return [];
  const weight = (term: string) => termWeight(counts, term);
  const anyTerm = sql`${searched.map(termQuery).join(" | ")}::tsquery`;
  // What the candidates share with the claim, each term by its weight: the numerator of `claimLikeness`.
  const sharedWeight = sql.join(
    searched.map((term) => sql`case when ${annotations.quoteTerms} @@ ${termQuery(term)}::tsquery then ${weight(term)}::float8 else 0 end`),
    sql` + `,
  );
  const candidates = await db
    .select({
      id: annotations.id,
      articleId: annotations.articleId,
      articleTitle: articles.title,
      quote: annotations.quote,
      verdict: annotations.verdict,
      ...claimantSelection,
      explanation: annotations.explanation,
      updatedAt: annotations.updatedAt,
      terms: sql<string[]>`tsvector_to_array(${annotations.quoteTerms})`,
    })
    .from(annotations)
    .innerJoin(articles, eq(articles.id, annotations.articleId))
    .where(
      and(
        sql.raw(STOOD_BY_CLAIMS),
        sql`${annotations.quoteTerms} @@ ${anyTerm}`,
        except ? ne(annotations.id, except) : undefined,
      ),
    )
    .orderBy(sql`${sharedWeight} desc`, desc(annotations.updatedAt))
    .limit(CANDIDATES);

  const alike = sameClaimsOnce(
    candidates
      .map((candidate) => ({ candidate, likeness: claimLikeness(terms, candidate.terms, weight) }))
      .filter(({ likeness }) => likeness >= MIN_LIKENESS)
      .sort((a, b) => b.likeness - a.likeness),
  ).slice(0, SHOWN);
  if (alike.length === 0) return [];

  const ids = alike.map(({ candidate }) => candidate.id);
  const [sourceRows, approvals] = await Promise.all([
    db
      .select({ annotationId: sources.annotationId, url: sources.url, title: sources.title, publisher: sources.publisher, quote: sources.quote, accessedOn: sources.accessedOn, archiveUrl: sources.archiveUrl })
      .from(sources)
      .where(inArray(sources.annotationId, ids))
      .orderBy(sources.annotationId, sources.position),
    db
      .select({ annotationId: reviewEvents.annotationId, at: sql<string>`max(${reviewEvents.createdAt})`.mapWith((value: string | Date) => new Date(value).toISOString()) })
      .from(reviewEvents)
      .where(and(inArray(reviewEvents.annotationId, ids), eq(reviewEvents.toStatus, "approved"), eq(reviewEvents.kind, "status")))
      .groupBy(reviewEvents.annotationId),
  ]);
  const approvedAt = new Map(approvals.map((approval) => [approval.annotationId, approval.at]));

  return alike.map(({ candidate, likeness, alsoIn }) => ({
    id: candidate.id,
    article: { id: candidate.articleId, title: candidate.articleTitle },
    quote: candidate.quote,
    claimant: claimantOf(candidate),
    verdict: candidate.verdict,
    explanation: candidate.explanation,
    sources: sourceRows.filter((row) => row.annotationId === candidate.id).map(toSourceRecord),
    approvedAt: approvedAt.get(candidate.id) ?? candidate.updatedAt.toISOString(),
    likeness,
    otherFigures: otherFigures(quote, candidate.quote),
    alsoIn: alsoIn.map((other) => ({ id: other.id, article: { id: other.articleId, title: other.articleTitle } })),
  }));
}
