"use client";

import Link from "next/link";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { placementNotice } from "@/lib/annotations/placement-notice";
import { TextChanges } from "../text-changes";

type Props = {
  annotation: AnnotationRecord;
  /** The actor may confirm or re-attach it. */
  mayPlace: boolean;
  /** The claim waits for a new selection to be re-attached to. */
  reattaching: boolean;
  onConfirm(): void;
  onReattach(annotation: AnnotationRecord | null): void;
};

/**
 * The "check placement" notice of a claim card: how the claim's words changed since someone last
 * checked it (deleted words struck through, inserted ones underlined), or that it moved to an
 * uncertain place; a link to the revisions in between; and the two ways out, confirming the
 * placement or re-attaching the claim to the text it belongs to.
 */
export function PlacementCheck({ annotation, mayPlace, reattaching, onConfirm, onReattach }: Props) {
  const { lead, changes, ask, compareFrom } = placementNotice(annotation);
  return (
    <div className="notice placement-check" role="group" aria-label="Check placement">
      <p>{lead}</p>
      {changes && (
        <p className="placement-check__changes revision-diff">
          <TextChanges changes={changes} />
        </p>
      )}
      <p>{ask}</p>
      {compareFrom !== null && (
        <p>
          <Link href={`/articles/${annotation.articleId}/revisions?from=${compareFrom}`}>Compare the article with revision {compareFrom}</Link>
        </p>
      )}
      {reattaching && (
        <p role="status">Select the text this claim belongs to, then choose “Re-attach claim here” beside it.</p>
      )}
      {mayPlace && (
        <div className="review-actions">
          {!reattaching && (
            <button type="button" className="secondary" onClick={onConfirm}>
              Confirm placement
            </button>
          )}
          <button type="button" className="secondary" onClick={() => onReattach(reattaching ? null : annotation)}>
            {reattaching ? "Cancel re-attaching" : "Re-attach to other text"}
          </button>
        </div>
      )}
    </div>
  );
}
