import type { AnnotationDetail } from "@/lib/annotations/record";
import type { AuditEntryRecord } from "@/lib/audit/queries";
import type { CommentRecord, CommentThread } from "@/lib/comments/record";
import type { Colleague } from "@/lib/users/service";
import { callApi } from "../api-client";

/** The review desk's calls to the JSON API: assignment, discussion, history, colleagues. */
export const deskApi = {
  assign: (id: string, assigneeId: string | null, dueOn?: string | null) =>
    callApi<{ annotation: AnnotationDetail }>("PUT", `/api/annotations/${id}/assignment`, { assigneeId, ...(dueOn !== undefined && { dueOn }) }).then(
      (answer) => answer.annotation,
    ),
  threads: (id: string) => callApi<{ threads: CommentThread[] }>("GET", `/api/annotations/${id}/comments`).then((answer) => answer.threads),
  comment: (id: string, body: string, mentions: string[], parentId?: string) =>
    callApi<{ comment: CommentRecord }>("POST", `/api/annotations/${id}/comments`, { body, mentions, ...(parentId && { parentId }) }).then(
      (answer) => answer.comment,
    ),
  editComment: (id: string, body: string, mentions: string[]) =>
    callApi<{ comment: CommentRecord }>("PATCH", `/api/comments/${id}`, { body, mentions }).then((answer) => answer.comment),
  deleteComment: (id: string) => callApi<{ comment: CommentRecord }>("DELETE", `/api/comments/${id}`).then((answer) => answer.comment),
  resolveThread: (id: string, resolved: boolean) =>
    callApi<{ comment: CommentRecord }>("PUT", `/api/comments/${id}/resolution`, { resolved }).then((answer) => answer.comment),
  history: (id: string) => callApi<{ entries: AuditEntryRecord[] }>("GET", `/api/annotations/${id}/history`).then((answer) => answer.entries),
  colleagues: (search = "") =>
    callApi<{ colleagues: Colleague[] }>("GET", `/api/colleagues?q=${encodeURIComponent(search)}`).then((answer) => answer.colleagues),
};
