"use client";

import { useId, useState } from "react";
import { mayDeleteAnnotation, mayEditAnnotation, mayTakeReviewAction } from "@/lib/policies/annotation";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { ACTIONS_NEEDING_COMMENT, actionsFrom, EDITABLE_STATUSES, REVIEW_ACTIONS, type ReviewAction } from "@/lib/reviews/transitions";
import type { Actor } from "@/lib/users/actor";
import { useConfirm } from "../confirm-dialog";
import { usePublication } from "../publishing/publication-context";
import { SubmitOrCancel } from "../submit-or-cancel";

type Props = {
  actor: Actor;
  annotation: AnnotationRecord;
  onAction(action: ReviewAction, comment: string): Promise<void>;
  onEdit(): void;
  onDelete(): Promise<void>;
};

/** The buttons of what this user may do with this annotation now; nothing they may not do is shown. */
export function ReviewActions({ actor, annotation, onAction, onEdit, onDelete }: Props) {
  const id = useId();
  const [pending, setPending] = useState<ReviewAction | null>(null);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const { confirm, dialog } = useConfirm();
  const { publication } = usePublication();
  // What `SHOWN_IN_PUBLIC` lets through: reopening this claim changes what readers see.
  const onPublicPage = !!publication.publishedAt && annotation.status === "approved" && !annotation.orphaned && annotation.placementChecked;
  const actions = actionsFrom(annotation.status).filter((action) => mayTakeReviewAction(actor, annotation, action).allowed);
  const editable = EDITABLE_STATUSES.includes(annotation.status);
  const canEdit = editable && mayEditAnnotation(actor, annotation).allowed;
  const canDelete = (editable || actor.role === "admin") && mayDeleteAnnotation(actor, annotation).allowed;
  const reviewNote =
    annotation.status === "in_review" && actor.id === annotation.author.id && actor.role !== "reviewer"
      ? "Another editor must review this annotation: you wrote it."
      : null;

  async function run(action: ReviewAction) {
    setBusy(true);
    try {
      await onAction(action, comment.trim());
      setPending(null);
      setComment("");
    } finally {
      setBusy(false);
    }
  }

  if (pending) {
    const needsComment = ACTIONS_NEEDING_COMMENT.includes(pending);
    const warnsReaders = pending === "reopen" && onPublicPage;
    return (
      <form
        className="review-comment"
        onSubmit={(event) => {
          event.preventDefault();
          void run(pending);
        }}
      >
        <label htmlFor={`${id}-comment`}>
          {pending === "reopen" ? "Why reopen it?" : pending === "request_changes" ? "What must change?" : "Comment (optional)"}
        </label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          required={needsComment}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-describedby={warnsReaders ? `${id}-public` : undefined}
        />
        {warnsReaders && (
          <p className="notice" id={`${id}-public`}>
            Readers see this rating on the public page. Reopening takes it off until the claim is approved again, and the page lists that
            among its corrections.
          </p>
        )}
        <SubmitOrCancel label={REVIEW_ACTIONS[pending].label} disabled={busy || (needsComment && !comment.trim())} onCancel={() => setPending(null)} />
      </form>
    );
  }

  if (!actions.length && !canEdit && !canDelete) return reviewNote ? <p className="muted">{reviewNote}</p> : null;
  return (
    <div className="review-actions">
      {reviewNote && <p className="muted">{reviewNote}</p>}
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className={action === "approve" || action === "submit" ? "primary" : "secondary"}
          disabled={busy}
          onClick={() => (action === "approve" || action === "submit" ? void run(action) : setPending(action))}
        >
          {REVIEW_ACTIONS[action].label}
        </button>
      ))}
      {canEdit && (
        <button type="button" className="secondary" onClick={onEdit}>
          Edit
        </button>
      )}
      {canDelete && (
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() =>
            void confirm({ question: "Delete this annotation?", detail: "Its sources and history are deleted with it.", action: "Delete annotation", destructive: true }).then(
              (yes) => (yes ? onDelete() : undefined),
            )
          }
        >
          Delete
        </button>
      )}
      {dialog}
    </div>
  );
}
