import type { CommentThread } from "@/lib/comments/record";
import { shortened } from "@/lib/shortened";
import { DeskTime } from "../time-zone";

/** How much of a folded thread's first comment its summary shows. */
const TEASER_LENGTH = 90;

/**
 * The line of a resolved thread: who resolved it and when, what it was about while folded, and the
 * buttons to show it (or hide it again) and to reopen it (`onReopen`, for those who may).
 */
export function ResolvedThreadLine({ thread, shown, onToggle, onReopen }: { thread: CommentThread; shown: boolean; onToggle(): void; onReopen?: () => void }) {
  const { resolution } = thread;
  if (!resolution) return null;
  const replies = thread.replies.length;
  return (
    <p className="thread__resolved">
      <span className="thread__resolved-mark" aria-hidden="true">
        ✓
      </span>{" "}
      Resolved by {resolution.by.name}, <DeskTime at={resolution.at} />
      {!shown && (
        <span className="thread__teaser">
          {thread.author.name}: {thread.deleted ? "comment deleted" : `“${shortened(thread.body.replace(/\s+/g, " "), TEASER_LENGTH)}”`}
        </span>
      )}
      <span className="thread__resolved-actions">
        <button type="button" className="link-button" aria-expanded={shown} onClick={onToggle}>
          {shown ? "Hide thread" : `Show thread${replies ? ` (${replies} ${replies === 1 ? "reply" : "replies"})` : ""}`}
        </button>
        {onReopen && (
          <button type="button" className="link-button" onClick={onReopen}>
            Reopen
          </button>
        )}
      </span>
    </p>
  );
}
