import type { TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring";
import type { ReviewStatus } from "@/lib/reviews/statuses";
import type { Verdict } from "./verdicts";

/** A source as the API and the UI read it. */
export type SourceRecord = {
  url: string;
  title: string;
  publisher: string;
  quote: string;
  accessedAt: string;
  archiveUrl: string | null;
};

/** An annotation as the API and the UI read it. */
export type AnnotationRecord = {
  id: string;
  articleId: string;
  version: number;
  status: ReviewStatus;
  verdict: Verdict | null;
  explanation: string;
  quote: string;
  selectors: [TextQuoteSelector, TextPositionSelector];
  sources: SourceRecord[];
  author: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
};

export type ReviewEventRecord = {
  id: string;
  from: ReviewStatus | null;
  to: ReviewStatus;
  actor: { id: string; name: string };
  comment: string | null;
  at: string;
};

export type AnnotationDetail = AnnotationRecord & { history: ReviewEventRecord[] };

type AnnotationRow = {
  id: string;
  articleId: string;
  version: number;
  status: ReviewStatus;
  verdict: Verdict | null;
  explanation: string;
  quote: string;
  prefix: string;
  suffix: string;
  startOffset: number;
  endOffset: number;
  createdAt: Date;
  updatedAt: Date;
};

type SourceRow = {
  url: string;
  title: string;
  publisher: string;
  quote: string;
  accessedOn: string;
  archiveUrl: string | null;
};

export function toSourceRecord(row: SourceRow): SourceRecord {
  return {
    url: row.url,
    title: row.title,
    publisher: row.publisher,
    quote: row.quote,
    accessedAt: row.accessedOn,
    archiveUrl: row.archiveUrl,
  };
}

export function toAnnotationRecord(
  row: AnnotationRow,
  author: { id: string; name: string },
  sources: SourceRow[],
): AnnotationRecord {
  return {
    id: row.id,
    articleId: row.articleId,
    version: row.version,
    status: row.status,
    verdict: row.verdict,
    explanation: row.explanation,
    quote: row.quote,
    selectors: [
      { type: "TextQuoteSelector", exact: row.quote, prefix: row.prefix, suffix: row.suffix },
      { type: "TextPositionSelector", start: row.startOffset, end: row.endOffset },
    ],
    sources: sources.map(toSourceRecord),
    author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
