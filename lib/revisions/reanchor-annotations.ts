import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/database";
import { annotations, reviewEvents } from "@/db/schema";
import { describe, PLACEMENT_CONFIDENCE, reanchor, type Anchor } from "@/lib/anchoring";
import { recordAudit, type AuditChange } from "@/lib/audit/record";
import { quoteChange } from "./quote-change";
import { restoreOrphans } from "./restore-orphans";

/** What a revision did to the claims: placed ones carried along, orphaned, left to check; orphans it brought back. */
export type ReanchorCounts = { reanchored: number; orphaned: number; checkPlacement: number; restored: number };

type Placed = {
  id: string;
  start_offset: number;
  end_offset: number;
  quote: string;
  prefix: string;
  suffix: string;
  anchor_confidence: number;
  placement_checked: boolean;
  checked_quote: string | null;
  checked_revision: number | null;
};

type Current = {
  id: string;
  articleId: string;
  quote: string;
  prefix: string;
  suffix: string;
  startOffset: number;
  endOffset: number;
  anchorConfidence: number;
  placementChecked: boolean;
  checkedQuote: string | null;
  checkedRevision: number | null;
};

/**
 * The placement of an annotation in the new text. It waits for a person's check ("check placement",
 * and off the public page) when the place is doubtful, or when the revision changed the claim's own
 * words beyond a typo fixed (a figure, a word added or replaced): a verdict given on "7 to 2" must not
 * stand unchecked on "8 to 1". A placement nobody has confirmed yet stays unconfirmed, with the lower
 * of its confidences, however sure this revision is. The quote last checked follows a placement that
 * stays checked; the revision that flags it records the quote and revision it stood checked in just
 * before (`revision - 1`), and they stay behind while it waits for a check: the card compares them.
 */
function placementOf(newText: string, revision: number, current: Current, found: Anchor): Placed {
  const [quote, position] = describe(newText, found.start, found.end);
  const reworded = quoteChange(current.quote, quote.exact)?.wordsChanged ?? false;
  const checked = current.placementChecked && found.confidence >= PLACEMENT_CONFIDENCE && !reworded;
  return {
    id: current.id,
    start_offset: position.start,
    end_offset: position.end,
    quote: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    anchor_confidence: current.placementChecked ? found.confidence : Math.min(current.anchorConfidence, found.confidence),
    placement_checked: checked,
    checked_quote: checked ? quote.exact : current.placementChecked ? current.quote : current.checkedQuote,
    checked_revision: checked ? revision : current.placementChecked ? revision - 1 : current.checkedRevision,
  };
}

const unchanged = (current: Current, placed: Placed) =>
  current.startOffset === placed.start_offset &&
  current.endOffset === placed.end_offset &&
  current.quote === placed.quote &&
  current.prefix === placed.prefix &&
  current.suffix === placed.suffix &&
  current.anchorConfidence === placed.anchor_confidence &&
  current.placementChecked === placed.placement_checked &&
  current.checkedQuote === placed.checked_quote;

/**
 * Carries every placed annotation of the article from `oldText` to `newText` inside `tx`: moves each
 * to where `reanchor` puts it (flagged "check placement" below PLACEMENT_CONFIDENCE) and orphans the
 * ones it cannot place, writing an `orphaned` history entry by `actorId` at `revision` for each; then
 * brings back the earlier orphans whose text the new revision holds again (./restore-orphans.ts).
 * Versions are not bumped: the placement is no part of what a versioned write (PATCH, status) sets,
 * so a reader's version stays good for those writes. Writes in a few statements, whatever the count.
 */
export async function reanchorAnnotations(
  tx: Transaction,
  article: { id: string; oldText: string; newText: string; revision: number },
  actorId: string,
): Promise<ReanchorCounts> {
  const placedNow: Current[] = await tx
    .select({
      id: annotations.id,
      articleId: annotations.articleId,
      quote: annotations.quote,
      prefix: annotations.prefix,
      suffix: annotations.suffix,
      startOffset: annotations.startOffset,
      endOffset: annotations.endOffset,
      anchorConfidence: annotations.anchorConfidence,
      placementChecked: annotations.placementChecked,
      checkedQuote: annotations.checkedQuote,
      checkedRevision: annotations.checkedRevision,
    })
    .from(annotations)
    .where(and(eq(annotations.articleId, article.id), isNull(annotations.orphanedAt)));
  const anchors = reanchor(
    article.oldText,
    article.newText,
    placedNow.map((a) => [
      { type: "TextQuoteSelector", exact: a.quote, prefix: a.prefix, suffix: a.suffix },
      { type: "TextPositionSelector", start: a.startOffset, end: a.endOffset },
    ]),
  );
  const moved: Placed[] = [];
  const orphanIds: string[] = [];
  let checkPlacement = 0;
  placedNow.forEach((current, i) => {
    const found = anchors[i];
    if (!found) {
      orphanIds.push(current.id);
      return;
    }
    const placed = placementOf(article.newText, article.revision, current, found);
    if (!placed.placement_checked) checkPlacement++;
    if (!unchanged(current, placed)) moved.push(placed);
  });
  if (moved.length) await movePlacements(tx, moved);
  if (orphanIds.length) await orphan(tx, orphanIds, article.revision, actorId);
  const byId = new Map(placedNow.map((current) => [current.id, current]));
  await recordAudit(
    tx,
    ...moved.map((placed) => placementChange(actorId, byId.get(placed.id)!, "reanchored", article.revision, placed)),
    ...orphanIds.map((id) => placementChange(actorId, byId.get(id)!, "orphaned", article.revision, null)),
  );
  const restored = await restoreOrphans(tx, { id: article.id, newText: article.newText, revision: article.revision }, actorId);
  return { reanchored: placedNow.length - orphanIds.length, orphaned: orphanIds.length, checkPlacement, restored };
}

/** The audit entry of an annotation that a revision moved or orphaned: its placement before and after. */
function placementChange(actorId: string, current: Current, action: "reanchored" | "orphaned", revision: number, placed: Placed | null): AuditChange {
  return {
    actorId,
    subject: "annotation",
    subjectId: current.id,
    articleId: current.articleId,
    annotationId: current.id,
    action,
    before: { quote: current.quote, start: current.startOffset, end: current.endOffset, confidence: current.anchorConfidence },
    after: placed
      ? { revision, quote: placed.quote, start: placed.start_offset, end: placed.end_offset, confidence: placed.anchor_confidence, placementChecked: placed.placement_checked }
      : { revision, orphaned: true },
  };
}

/** One UPDATE for all moved annotations, their placements passed as one JSON parameter (no limit on the count of bind parameters). */
async function movePlacements(tx: Transaction, moved: Placed[]): Promise<void> {
  await tx.execute(sql`
    update ${annotations} as a set
      start_offset = v.start_offset, end_offset = v.end_offset,
      quote = v.quote, prefix = v.prefix, suffix = v.suffix,
      anchor_confidence = v.anchor_confidence, placement_checked = v.placement_checked,
      checked_quote = v.checked_quote, checked_revision = v.checked_revision
    from jsonb_to_recordset(${JSON.stringify(moved)}::jsonb) as v(
      id uuid, start_offset integer, end_offset integer, quote text, prefix text, suffix text,
      anchor_confidence real, placement_checked boolean, checked_quote text, checked_revision integer)
    where a.id = v.id`);
}

/** Orphans the annotations `ids` (quote and offsets stay those of the last revision that held them) and records it in their history. */
async function orphan(tx: Transaction, ids: string[], revision: number, actorId: string): Promise<void> {
  const idList = sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
  await tx.execute(sql`update ${annotations} set orphaned_at = now(), orphaned_revision = ${revision}, anchor_confidence = 0 where id in ${idList}`);
  await tx.execute(sql`
    insert into ${reviewEvents} (annotation_id, kind, from_status, to_status, revision, actor_id)
    select id, 'orphaned', status, status, ${revision}, ${actorId} from ${annotations} where id in ${idList}`);
}
