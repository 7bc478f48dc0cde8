"use client";

import Link from "next/link";
import { memo, useId } from "react";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { mayPlaceAnnotation } from "@/lib/policies/annotation";
import type { Actor } from "@/lib/users/actor";
import { useConfirm } from "../confirm-dialog";
import type { Replacement } from "@/lib/revisions/orphan-replacement";
import { ReplacementOffer } from "./replacement-offer";
import { StatusBadge, VerdictBadge } from "./status-badge";

type Props = {
  orphans: AnnotationRecord[];
  actor: Actor;
  reattachingId: string | null;
  onReattach(annotation: AnnotationRecord | null): void;
  onDiscard(annotation: AnnotationRecord): void;
  /** What the revisions put in place of each orphan's text, by id, and re-attaching an orphan to it. */
  replacements: Record<string, Replacement>;
  onReattachTo(annotation: AnnotationRecord, selectors: Replacement["selectors"]): void;
};

/**
 * Claims whose text a revision deleted or rewrote. They keep their status, sources and history and
 * wait here, with the quote they were made on and a way to see what the revision did to it, to be
 * re-attached to new text or discarded.
 */
export const OrphansPanel = memo(function OrphansPanel({ orphans, actor, reattachingId, onReattach, onDiscard, replacements, onReattachTo }: Props) {
  const headingId = useId();
  const { confirm, dialog } = useConfirm();
  if (!orphans.length) return null;
  return (
    <section className="claims-panel orphans-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Orphaned ({orphans.length})</h2>
      <p className="muted">A revision removed the text these claims were made on.</p>
      <ol className="claims-panel__list">
        {orphans.map((orphan) => {
          const mayPlace = mayPlaceAnnotation(actor, orphan).allowed;
          const reattaching = orphan.id === reattachingId;
          return (
            <li key={orphan.id}>
              <article className="claim-card claim-card--orphaned" aria-label={`Orphaned claim by ${orphan.author.name}`}>
                <div className="claim-card__summary">
                  <q className="claim-card__quote">{orphan.selectors[0].exact}</q>
                  <span className="claim-card__meta">
                    <VerdictBadge verdict={orphan.verdict} />
                    <StatusBadge status={orphan.status} />
                    <span>by {orphan.author.name}</span>
                  </span>
                  {orphan.orphanedRevision !== null && orphan.orphanedRevision > 1 && (
                    <p className="claim-card__lost">
                      Revision {orphan.orphanedRevision} took its text.{" "}
                      <Link href={`/articles/${orphan.articleId}/revisions?from=${orphan.orphanedRevision - 1}&to=${orphan.orphanedRevision}`}>
                        See what revision {orphan.orphanedRevision} changed
                      </Link>
                    </p>
                  )}
                  {mayPlace && !reattaching && replacements[orphan.id] && (
                    <ReplacementOffer orphan={orphan} replacement={replacements[orphan.id]!} onReattach={onReattachTo} />
                  )}
                  {reattaching && (
                    <p className="notice" role="status">
                      Select the text this claim belongs to, then choose “Re-attach claim here” beside it.
                    </p>
                  )}
                  {mayPlace && (
                    <div className="review-actions">
                      <button type="button" className="secondary" onClick={() => onReattach(reattaching ? null : orphan)}>
                        {reattaching ? "Cancel re-attaching" : "Re-attach to new text"}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        onClick={() =>
                          void confirm({ question: "Discard this orphaned claim?", detail: "It leaves the article; its history keeps it.", action: "Discard claim", destructive: true }).then(
                            (yes) => yes && onDiscard(orphan),
                          )
                        }
                      >
                        Discard
                      </button>
                    </div>
                  )}
                </div>
              </article>
            </li>
          );
        })}
      </ol>
      {dialog}
    </section>
  );
});
