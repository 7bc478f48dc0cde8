import type { TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring";
import type { ReviewStatus } from "@/lib/reviews/statuses";
import { claimantOf, type Claimant, type ClaimantColumns } from "./claimant";
import type { AnnotationEventKind } from "./history";
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
  /** Who made the claim, or null when nobody was named. */
  claimant: Claimant | null;
  explanation: string;
  quote: string;
  /** For an orphan, the selectors of the last revision that held it: its original quote, not a place in the current text. */
  selectors: [TextQuoteSelector, TextPositionSelector];
  /** A revision deleted or rewrote its text: shown in the Orphaned panel, not in the text. */
  orphaned: boolean;
  /** The revision that took its text, while orphaned; null otherwise. */
  orphanedRevision: number | null;
  /** Someone discarded the orphan: never in the article's list, still readable by id with its history. */
  discarded: boolean;
  /** How sure re-anchoring was of its placement, 0 to 1. */
  anchorConfidence: number;
  /** False while a doubtful placement waits for someone to confirm it ("check placement"). */
  placementChecked: boolean;
  /**
   * The quote as a person last placed or confirmed it, and the article revision then (null for a
   * claim imported from a file): what a placement to check is compared with. Both null when unknown.
   */
  checked: { quote: string; revision: number | null } | null;
  sources: SourceRecord[];
  author: { id: string; name: string };
  /** The reviewer who should check it, or null. */
  assignee: { id: string; name: string } | null;
  /** When the check is due (YYYY-MM-DD), or null. */
  dueOn: string | null;
  /** Comments in its discussion, deleted ones excluded. */
  commentCount: number;
  /**
   * Changes whenever its discussion does (a comment added, edited or deleted, a thread resolved or
   * reopened): a page showing the discussion loads it again when this differs. Compared, never read.
   */
  discussionStamp: string;
  createdAt: string;
  updatedAt: string;
};

export type ReviewEventRecord = {
  id: string;
  /** `status` for a move along the review workflow; otherwise a placement event or an assignment, whose from and to are the status at the time. */
  kind: AnnotationEventKind;
  /** The article revision of a placement event (e.g. the revision that orphaned it); null for status changes. */
  revision: number | null;
  from: ReviewStatus | null;
  to: ReviewStatus;
  actor: { id: string; name: string };
  comment: string | null;
  /** For an `assigned` event: whom it gave the claim to (null: nobody), whom it took it from, and by when it is due (YYYY-MM-DD). Null on other kinds. */
  assignment: Assignment | null;
  at: string;
};

export type Assignment = { assignee: Person | null; previousAssignee: Person | null; dueOn: string | null };

type Person = { id: string; name: string };

export type AnnotationDetail = AnnotationRecord & { history: ReviewEventRecord[] };

type AnnotationRow = ClaimantColumns & {
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
  orphanedAt: Date | null;
  orphanedRevision: number | null;
  discardedAt: Date | null;
  anchorConfidence: number;
  placementChecked: boolean;
  checkedQuote: string | null;
  checkedRevision: number | null;
  assigneeId: string | null;
  assigneeName: string | null;
  dueOn: string | null;
  commentCount: number;
  discussionStamp: string;
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
    claimant: claimantOf(row),
    explanation: row.explanation,
    quote: row.quote,
    selectors: [
      { type: "TextQuoteSelector", exact: row.quote, prefix: row.prefix, suffix: row.suffix },
      { type: "TextPositionSelector", start: row.startOffset, end: row.endOffset },
    ],
    orphaned: row.orphanedAt !== null,
    orphanedRevision: row.orphanedAt === null ? null : row.orphanedRevision,
    discarded: row.discardedAt !== null,
    anchorConfidence: row.anchorConfidence,
    placementChecked: row.placementChecked,
    checked: row.checkedQuote === null ? null : { quote: row.checkedQuote, revision: row.checkedRevision },
    sources: sources.map(toSourceRecord),
    author,
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? "" } : null,
    dueOn: row.dueOn,
    commentCount: row.commentCount,
    discussionStamp: row.discussionStamp,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
