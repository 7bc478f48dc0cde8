import type { TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring";
import type { AnnotationDetail, AnnotationRecord } from "@/lib/annotations/record";
import type { ReviewStatus } from "@/lib/reviews/statuses";
import { callApi } from "../api-client";
import type { ClaimPayload } from "./claim-draft";

/** The workbench's calls to the JSON API (see README, "JSON API"). */
export const annotationApi = {
  create: (articleId: string, selectors: [TextQuoteSelector, TextPositionSelector], claim: ClaimPayload) =>
    callApi<{ annotation: AnnotationRecord }>("POST", `/api/articles/${articleId}/annotations`, { selectors, ...claim }).then(
      (answer) => answer.annotation,
    ),
  update: (id: string, version: number, claim: ClaimPayload) =>
    callApi<{ annotation: AnnotationRecord }>("PATCH", `/api/annotations/${id}`, { version, ...claim }).then((answer) => answer.annotation),
  changeStatus: (id: string, version: number, to: ReviewStatus, comment?: string) =>
    callApi<{ annotation: AnnotationDetail }>("POST", `/api/annotations/${id}/status`, { to, version, ...(comment ? { comment } : {}) }).then(
      (answer) => answer.annotation,
    ),
  list: (articleId: string) =>
    callApi<{ annotations: AnnotationRecord[] }>("GET", `/api/articles/${articleId}/annotations`).then((answer) => answer.annotations),
  get: (id: string) => callApi<{ annotation: AnnotationDetail }>("GET", `/api/annotations/${id}`).then((answer) => answer.annotation),
  remove: (id: string, version: number) => callApi<void>("DELETE", `/api/annotations/${id}?version=${version}`),
};
