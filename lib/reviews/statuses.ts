import { z } from "zod";

/** Review statuses of an annotation. The transitions between them live in `lib/reviews/transitions.ts`. */
export const REVIEW_STATUSES = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "rejected",
] as const;

export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const reviewStatusSchema = z.enum(REVIEW_STATUSES, {
  error: () => `must be one of ${REVIEW_STATUSES.join(", ")}`,
});

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
  rejected: "Rejected",
};
