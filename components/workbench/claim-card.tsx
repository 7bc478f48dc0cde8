"use client";

import { memo, useEffect, useRef } from "react";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { mayPlaceAnnotation } from "@/lib/policies/annotation";
import type { ReviewAction } from "@/lib/reviews/transitions";
import type { Actor } from "@/lib/users/actor";
import { claimLabel } from "./labels";
import { ClaimAssignment, DueDate } from "./claim-assignment";
import { ClaimDiscussion } from "./claim-discussion";
import { ClaimHistory } from "./claim-history";
import { ClaimReaderMessages } from "./claim-reader-messages";
import { EarlierChecks } from "./earlier-checks";
import { PlacementCheck } from "./placement-check";
import { ReviewActions } from "./review-actions";
import { SourceList } from "./source-list";
import { StatusBadge, VerdictBadge } from "./status-badge";
import { ClaimantLine } from "../claimant-line";
import { Message } from "../message";
import { ClaimOnPublicPage } from "../publishing/claim-on-public-page";

type Props = {
  annotation: AnnotationRecord;
  active: boolean;
  /** Moved to with j/k, or open: marked, and named current to assistive technology. */
  current: boolean;
  actor: Actor;
  error: string | null;
  onActivate(id: string): void;
  onAction(annotation: AnnotationRecord, action: ReviewAction, comment: string): Promise<void>;
  onEdit(annotation: AnnotationRecord): void;
  onDelete(annotation: AnnotationRecord): Promise<void>;
  onConfirmPlacement(annotation: AnnotationRecord): Promise<void>;
  /** The claim waits for a new selection to be re-attached to. */
  reattaching: boolean;
  onReattach(annotation: AnnotationRecord | null): void;
};

/** One claim in the side panel: a summary, and when active its explanation, sources, history and actions. */
export const ClaimCard = memo(function ClaimCard(props: Props) {
  const { annotation, active, current, actor, error, onActivate, onAction, onEdit, onDelete, onConfirmPlacement, reattaching, onReattach } = props;
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (active && card.current && !card.current.contains(document.activeElement)) {
      card.current.scrollIntoView({ block: "nearest", behavior: "smooth" });
      card.current.focus({ preventScroll: true });
    }
  }, [active]);

  const sourceCount = annotation.sources.length;
  return (
    <article
      ref={card}
      id={`claim-card-${annotation.id}`}
      className={`claim-card claim-card--${annotation.status}${active ? " claim-card--active" : ""}${current ? " claim-card--current" : ""}`}
      tabIndex={-1}
      aria-label={claimLabel(annotation)}
      aria-current={current ? "true" : undefined}
    >
      <button type="button" className="claim-card__summary" aria-expanded={active} onClick={() => onActivate(annotation.id)}>
        <q className="claim-card__quote">{annotation.quote}</q>
        <span className="claim-card__meta">
          <VerdictBadge verdict={annotation.verdict} />
          <StatusBadge status={annotation.status} />
          <span>
            {sourceCount} {sourceCount === 1 ? "source" : "sources"}
          </span>
          <span>by {annotation.author.name}</span>
          {annotation.assignee && <span>assigned to {annotation.assignee.name}</span>}
          {annotation.dueOn && (
            <span>
              due <DueDate dueOn={annotation.dueOn} />
            </span>
          )}
          {annotation.commentCount > 0 && (
            <span>
              {annotation.commentCount} {annotation.commentCount === 1 ? "comment" : "comments"}
            </span>
          )}
          {!annotation.placementChecked && <span className="badge badge--check">Check placement</span>}
        </span>
      </button>
      {active && (
        <div className="claim-card__body">
          <Message text={error} />
          <ClaimantLine claimant={annotation.claimant} className="claim-card__claimant" />
          <h3 className="visually-hidden">Explanation</h3>
          <p className="claim-card__explanation">{annotation.explanation || <span className="muted">No explanation yet.</span>}</p>
          {sourceCount > 0 && (
            <>
              <h3 className="section-title">Sources</h3>
              <SourceList sources={annotation.sources} />
            </>
          )}
          {!annotation.placementChecked && (
            <PlacementCheck
              annotation={annotation}
              mayPlace={mayPlaceAnnotation(actor, annotation).allowed}
              reattaching={reattaching}
              onConfirm={() => void onConfirmPlacement(annotation)}
              onReattach={onReattach}
            />
          )}
          {!annotation.orphaned && <EarlierChecks quote={annotation.quote} articleId={annotation.articleId} except={annotation.id} verdict={annotation.verdict} collapsed />}
          <ReviewActions
            actor={actor}
            annotation={annotation}
            onAction={(action, comment) => onAction(annotation, action, comment)}
            onEdit={() => onEdit(annotation)}
            onDelete={() => onDelete(annotation)}
          />
          <ClaimOnPublicPage annotation={annotation} />
          <ClaimReaderMessages annotationId={annotation.id} articleId={annotation.articleId} actor={actor} />
          <ClaimAssignment annotation={annotation} actor={actor} />
          <ClaimDiscussion annotation={annotation} actor={actor} />
          <h3 className="section-title">History</h3>
          <ClaimHistory annotation={annotation} />
        </div>
      )}
    </article>
  );
});
