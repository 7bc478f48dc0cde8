import { z } from "zod";

/**
 * What an entry of an annotation's history records: a move along the review workflow (`status`),
 * a change of where it sits in the article (the placement kinds), or of who checks it and by when
 * (`assigned`). For all but `status` the entry's from and to statuses are both the annotation's
 * status at the time, so every entry still says where the review stood.
 */
export const ANNOTATION_EVENT_KINDS = ["status", "orphaned", "reattached", "discarded", "placement_confirmed", "assigned"] as const;

export type AnnotationEventKind = (typeof ANNOTATION_EVENT_KINDS)[number];

export const annotationEventKindSchema = z.enum(ANNOTATION_EVENT_KINDS);

export const ANNOTATION_EVENT_LABELS: Record<AnnotationEventKind, string> = {
  status: "Status changed",
  orphaned: "Orphaned by a revision",
  reattached: "Re-attached",
  discarded: "Discarded",
  placement_confirmed: "Placement confirmed",
  assigned: "Assigned",
};
