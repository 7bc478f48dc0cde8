import { eq } from "drizzle-orm";
import type { Database } from "@/db/database";
import { articles } from "@/db/schema";
import { selectArticleAnnotations } from "@/lib/annotations/queries";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { NotFound } from "@/lib/errors";
import { mayViewAnnotations } from "@/lib/policies/annotation";
import { enforce } from "@/lib/policies/enforce";
import type { Actor } from "@/lib/users/actor";
import { csvOf } from "./csv";

/** The columns, in their order; those added later come last, so that a spreadsheet reading the first ones still reads them. */
export const ANNOTATION_CSV_HEADER = ["id", "quote", "status", "verdict", "explanation", "author", "assignee", "created", "updated", "sources", "claimant", "claimant_role"] as const;

/** One row per annotation, its sources' URLs joined by " | ", who made the claim (and what they are) empty when nobody was named. */
export function annotationCsvRow(annotation: AnnotationRecord): string[] {
  return [
    annotation.id,
    annotation.quote,
    annotation.orphaned ? `${annotation.status} (orphaned)` : annotation.status,
    annotation.verdict ?? "",
    annotation.explanation,
    annotation.author.name,
    annotation.assignee?.name ?? "",
    annotation.createdAt,
    annotation.updatedAt,
    annotation.sources.map((source) => source.url).join(" | "),
    annotation.claimant?.name ?? "",
    annotation.claimant?.role ?? "",
  ];
}

/** The article's annotations (discarded ones left out) as CSV, with the file name to offer: the slug when it has one, else its id. */
export async function annotationsCsv(db: Database, actor: Actor | null, articleId: string): Promise<{ filename: string; csv: string }> {
  enforce(mayViewAnnotations(actor), actor);
  const [article] = await db.select({ slug: articles.slug }).from(articles).where(eq(articles.id, articleId));
  if (!article) throw new NotFound(`No article with id ${articleId}.`);
  const annotations = await selectArticleAnnotations(db, articleId);
  return {
    filename: `${article.slug ?? articleId}-annotations.csv`,
    csv: csvOf([[...ANNOTATION_CSV_HEADER], ...annotations.map(annotationCsvRow)]),
  };
}
