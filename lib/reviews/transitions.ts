import type { ReviewStatus } from "./statuses";

/**
 * The review workflow: each action moves an annotation from one of `from` to `to`.
 * Who may take each action is in `lib/policies/annotation.ts`.
 */
export const REVIEW_ACTIONS = {
  submit: { from: ["draft", "changes_requested"], to: "in_review", label: "Submit for review" },
  approve: { from: ["in_review"], to: "approved", label: "Approve" },
  request_changes: { from: ["in_review"], to: "changes_requested", label: "Request changes" },
  reject: { from: ["in_review"], to: "rejected", label: "Reject" },
  reopen: { from: ["approved", "rejected"], to: "in_review", label: "Reopen" },
} as const satisfies Record<string, { from: readonly ReviewStatus[]; to: ReviewStatus; label: string }>;

export type ReviewAction = keyof typeof REVIEW_ACTIONS;

/** Actions whose reason the reviewer must be told: the comment is required. */
export const ACTIONS_NEEDING_COMMENT: readonly ReviewAction[] = ["request_changes", "reopen"];

/** Statuses in which the author may still change the claim's content. */
export const EDITABLE_STATUSES: readonly ReviewStatus[] = ["draft", "changes_requested"];

/** The action that moves an annotation from `from` to `to`, or null when the workflow has none. */
export function reviewActionFor(from: ReviewStatus, to: ReviewStatus): ReviewAction | null {
  for (const [action, rule] of Object.entries(REVIEW_ACTIONS) as [ReviewAction, (typeof REVIEW_ACTIONS)[ReviewAction]][]) {
    if (rule.to === to && (rule.from as readonly ReviewStatus[]).includes(from)) return action;
  }
  return null;
}

/** The actions the workflow offers from `status`, whoever may take them. */
export function actionsFrom(status: ReviewStatus): ReviewAction[] {
  return (Object.keys(REVIEW_ACTIONS) as ReviewAction[]).filter((action) =>
    (REVIEW_ACTIONS[action].from as readonly ReviewStatus[]).includes(status),
  );
}
