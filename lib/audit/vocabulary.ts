import { z } from "zod";

/** What an audit entry is about. A change to an annotation's list of sources is recorded on the annotation's sources ("source"), with the annotation's id. */
export const AUDIT_SUBJECTS = ["annotation", "source", "comment", "article", "user", "webhook", "reader_message"] as const;

export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];

export const auditSubjectSchema = z.enum(AUDIT_SUBJECTS, { error: () => `must be one of ${AUDIT_SUBJECTS.join(", ")}` });

/** What happened to the subject. */
export const AUDIT_ACTIONS = [
  "created",
  "updated",
  "deleted",
  "status_changed",
  "assigned",
  "orphaned",
  "reattached",
  "discarded",
  "placement_confirmed",
  "reanchored",
  "revised",
  "signed_in_first_time",
  "published",
  "unpublished",
  "imported",
  "signed_out_everywhere",
  "backed_up",
  "resolved",
  "reopened",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditActionSchema = z.enum(AUDIT_ACTIONS, { error: () => `must be one of ${AUDIT_ACTIONS.join(", ")}` });

export const AUDIT_SUBJECT_LABELS: Record<AuditSubject, string> = {
  annotation: "Claim",
  source: "Sources",
  comment: "Comment",
  article: "Article",
  user: "User",
  webhook: "Webhook",
  reader_message: "Reader's message",
};

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  created: "created",
  updated: "changed",
  deleted: "deleted",
  status_changed: "moved in review",
  assigned: "assigned",
  orphaned: "orphaned by a revision",
  reattached: "re-attached",
  discarded: "discarded",
  placement_confirmed: "placement confirmed",
  reanchored: "re-anchored by a revision",
  revised: "revised",
  signed_in_first_time: "signed up through single sign-on",
  published: "published",
  unpublished: "unpublished",
  imported: "imported",
  signed_out_everywhere: "signed out everywhere",
  backed_up: "downloaded a backup",
  resolved: "resolved",
  reopened: "reopened",
};
