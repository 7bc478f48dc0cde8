import type { Verdict } from "@/lib/annotations/verdicts";
import { VERDICT_LABELS } from "@/lib/annotations/verdicts";
import { REVIEW_STATUS_LABELS, type ReviewStatus } from "@/lib/reviews/statuses";

export function StatusBadge({ status }: { status: ReviewStatus }) {
  return <span className={`badge badge--status badge--${status}`}>{REVIEW_STATUS_LABELS[status]}</span>;
}

export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return <span className="badge badge--verdict badge--none">No verdict</span>;
  return <span className={`badge badge--verdict badge--verdict-${verdict}`}>{VERDICT_LABELS[verdict]}</span>;
}
