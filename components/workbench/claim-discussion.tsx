"use client";

import { useCallback, useEffect, useId, useState } from "react";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { bodyParts, type CommentRecord, type CommentThread } from "@/lib/comments/record";
import { mayChangeComment, mayComment, mayResolveThread } from "@/lib/policies/comment";
import type { Actor } from "@/lib/users/actor";
import type { Colleague } from "@/lib/users/service";
import { ApiError } from "../api-client";
import { useConfirm } from "../confirm-dialog";
import { useCommentDraft } from "./use-comment-draft";
import { Message } from "../message";
import { annotationApi } from "./annotation-api";
import { useClaimStore } from "./claim-store";
import { deskApi } from "./desk-api";
import { DeskTime } from "../time-zone";
import { MentionTextarea } from "./mention-textarea";
import { ResolvedThreadLine } from "./resolved-thread";

/**
 * The claim's discussion: threads of comments and replies, with mentions; settled threads resolved
 * and folded. Reloaded when the claim's discussion stamp changes (a comment added, edited, deleted,
 * a thread resolved or reopened, here or on a colleague's screen) or its version does (a review
 * decision adds its reason here).
 */
export function ClaimDiscussion({ annotation, actor }: { annotation: AnnotationRecord; actor: Actor }) {
  const id = useId();
  const store = useClaimStore();
  const [threads, setThreads] = useState<CommentThread[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    deskApi.threads(annotation.id).then(setThreads, (caught: unknown) => setError(caught instanceof ApiError ? caught.message : "The discussion could not be loaded."));
  }, [annotation.id]);
  useEffect(load, [load, annotation.discussionStamp, annotation.version]);

  /** Runs a change, then shows the discussion and the claim's comment count as the server has them. */
  const change = useCallback(
    async (run: () => Promise<unknown>): Promise<boolean> => {
      setError(null);
      try {
        await run();
        load();
        store(await annotationApi.get(annotation.id));
        return true;
      } catch (caught) {
        if (!(caught instanceof ApiError)) throw caught;
        setError(caught.message);
        return false;
      }
    },
    [load, store, annotation.id],
  );

  const canComment = mayComment(actor).allowed;
  return (
    <section className="discussion" aria-labelledby={`${id}-title`}>
      <h3 className="section-title" id={`${id}-title`}>
        Discussion
      </h3>
      <Message text={error} />
      {threads === null && !error && <p className="muted">Loading the discussion…</p>}
      {threads?.length === 0 && <p className="muted">No comments yet.</p>}
      {threads && threads.length > 0 && (
        <ol className="threads">
          {threads.map((thread) => (
            <Thread key={thread.id} thread={thread} annotationId={annotation.id} actor={actor} onChange={change} />
          ))}
        </ol>
      )}
      {canComment && threads && (
        <CommentComposer
          label="Add a comment"
          submitLabel="Comment"
          userId={actor.id}
          draftSubject={annotation.id}
          onSubmit={(body, mentions) => change(() => deskApi.comment(annotation.id, body, mentions))}
        />
      )}
    </section>
  );
}

type Change = (run: () => Promise<unknown>) => Promise<boolean>;

/**
 * A thread: its first comment, the replies and a reply box, and **Resolve thread** once it is settled.
 * A resolved thread is folded to one line until shown; replying in it reopens it.
 */
function Thread({ thread, annotationId, actor, onChange }: { thread: CommentThread; annotationId: string; actor: Actor; onChange: Change }) {
  const [shown, setShown] = useState(false);
  const canResolve = mayResolveThread(actor).allowed;
  const resolve = (resolved: boolean) => void onChange(() => deskApi.resolveThread(thread.id, resolved)).then((done) => done && setShown(false));
  const line = <ResolvedThreadLine thread={thread} shown={shown} onToggle={() => setShown(!shown)} onReopen={canResolve ? () => resolve(false) : undefined} />;
  if (thread.resolution && !shown) return <li className="thread thread--resolved">{line}</li>;
  return (
    <li className={thread.resolution ? "thread thread--resolved" : "thread"}>
      {line}
      <Comment comment={thread} actor={actor} onChange={onChange} />
      {thread.replies.length > 0 && (
        <ol className="replies" aria-label={`Replies to ${thread.author.name}`}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <Comment comment={reply} actor={actor} onChange={onChange} />
            </li>
          ))}
        </ol>
      )}
      <div className="thread__actions">
        {mayComment(actor).allowed && (
          <CommentComposer
            label="Reply"
            submitLabel="Reply"
            userId={actor.id}
            draftSubject={`${annotationId}:${thread.id}`}
            onSubmit={(body, mentions) => onChange(() => deskApi.comment(annotationId, body, mentions, thread.id))}
            collapsed
          />
        )}
        {canResolve && !thread.resolution && (
          <button type="button" className="link-button" onClick={() => resolve(true)}>
            Resolve thread
          </button>
        )}
      </div>
    </li>
  );
}

function Comment({ comment, actor, onChange }: { comment: CommentRecord; actor: Actor; onChange: Change }) {
  const [editing, setEditing] = useState(false);
  const { confirm, dialog } = useConfirm();
  if (comment.deleted) {
    return (
      <p className="comment comment--deleted muted">
        Comment deleted by {comment.author.name}, <DeskTime at={comment.createdAt} />
      </p>
    );
  }
  const mine = mayChangeComment(actor, { authorId: comment.author.id, deleted: comment.deleted }).allowed;
  if (editing) {
    return (
      <CommentComposer
        label="Edit your comment"
        submitLabel="Save"
        userId={actor.id}
        initial={{ body: comment.body, mentions: comment.mentions.map((m) => ({ ...m, role: "reviewer" as const })) }}
        onSubmit={async (body, mentions) => {
          const saved = await onChange(() => deskApi.editComment(comment.id, body, mentions));
          if (saved) setEditing(false);
          return saved;
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <div className="comment">
      <p className="comment__meta">
        <strong>{comment.author.name}</strong>{" "}
        <span className="muted">
          <DeskTime at={comment.createdAt} />
          {comment.editedAt && " (edited)"}
        </span>
      </p>
      <p className="comment__body">
        {bodyParts(comment.body, comment.mentions).map((part, index) =>
          "mention" in part ? (
            <span key={index} className="mention">
              @{part.mention.name}
            </span>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
      {mine && (
        <p className="comment__actions">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            Edit comment
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() =>
              void confirm({ question: "Delete your comment?", detail: "A placeholder stays in the thread.", action: "Delete comment", destructive: true }).then(
                (yes) => yes && onChange(() => deskApi.deleteComment(comment.id)),
              )
            }
          >
            Delete comment
          </button>
          {dialog}
        </p>
      )}
    </div>
  );
}

function CommentComposer(props: {
  label: string;
  submitLabel: string;
  userId: string;
  /** What the comment is on ("claim id" or "claim id:thread id"), to keep it unsent in this browser; none for an edit. */
  draftSubject?: string;
  initial?: { body: string; mentions: Colleague[] };
  collapsed?: boolean;
  onSubmit(body: string, mentionIds: string[]): Promise<boolean>;
  onCancel?(): void;
}) {
  const { draft, setDraft, clear, kept } = useCommentDraft(props.userId, props.draftSubject ?? null, props.initial);
  const { body, mentions } = draft;
  // A reply left unsent stays open, where it was being written.
  const [open, setOpen] = useState(!props.collapsed || kept);
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <form
      className="comment-composer"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        const sent = await props.onSubmit(body.trim(), mentions.map((m) => m.id));
        setBusy(false);
        if (sent) {
          clear();
          if (props.collapsed) setOpen(false);
        }
      }}
    >
      <MentionTextarea
        label={props.label}
        value={body}
        mentions={mentions}
        autoFocus={props.collapsed || !!props.initial}
        onChange={(text, people) => setDraft({ body: text, mentions: people })}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !body.trim()}>
          {props.submitLabel}
        </button>
        {(props.onCancel || props.collapsed) && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              clear();
              props.onCancel?.();
              setOpen(false);
            }}
          >
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
