import type { TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring";
import { QUOTE_COMPARED } from "@/lib/annotations/claim-likeness";
import type { EarlierCheck } from "@/lib/annotations/earlier-checks";
import type { AnnotationDetail, AnnotationRecord } from "@/lib/annotations/record";
import type { ReviewStatus } from "@/lib/reviews/statuses";
import type { Replacement } from "@/lib/revisions/orphan-replacement";
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
  reattach: (id: string, version: number, selectors: [TextQuoteSelector, TextPositionSelector]) =>
    callApi<{ annotation: AnnotationDetail }>("POST", `/api/annotations/${id}/reattach`, { version, selectors }).then((answer) => answer.annotation),
  /** For the article's orphans, what the revisions put in place of their text, by annotation id, to re-attach them to in one step. */
  orphanReplacements: (articleId: string) =>
    callApi<{ replacements: Record<string, Replacement> }>("GET", `/api/articles/${articleId}/orphan-replacements`).then((answer) => answer.replacements),
  /** Approved claims like `quote` (its first 2,000 characters), leaving out the claim `except`. */
  earlierChecks: (quote: string, except?: string) => {
    const query = new URLSearchParams({ quote: quote.slice(0, QUOTE_COMPARED) });
    if (except) query.set("except", except);
    return callApi<{ checks: EarlierCheck[] }>("GET", `/api/earlier-checks?${query}`).then((answer) => answer.checks);
  },
  discard: (id: string, version: number) =>
    callApi<{ annotation: AnnotationDetail }>("POST", `/api/annotations/${id}/discard`, { version }).then((answer) => answer.annotation),
  /** `revision` is the article revision whose placement the user saw and confirms. */
  confirmPlacement: (id: string, version: number, revision: number) =>
    callApi<{ annotation: AnnotationDetail }>("POST", `/api/annotations/${id}/confirm-placement`, { version, revision }).then(
      (answer) => answer.annotation,
    ),
  remove: (id: string, version: number) => callApi<void>("DELETE", `/api/annotations/${id}?version=${version}`),
};
