"use client";

import { memo, useEffect, useId, useRef, useState } from "react";
import { matchesClaimSearch } from "@/lib/annotations/claim-search";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS, type ReviewStatus } from "@/lib/reviews/statuses";
import type { ReviewAction } from "@/lib/reviews/transitions";
import type { Actor } from "@/lib/users/actor";
import { keyOf, WORKBENCH_SHORTCUTS } from "@/lib/keyboard/shortcuts";
import { KeyCombo } from "../keyboard/key-combo";
import { ClaimCard } from "./claim-card";

/** The panel's filter: a review status, the claims whose placement waits for a check, or all. */
export type StatusFilter = ReviewStatus | "all" | "check";

/** Whether the claim passes the panel's filter and holds every word searched (`searchWords`). */
export function isShown(annotation: AnnotationRecord, filter: StatusFilter, words: readonly string[]): boolean {
  const status = filter === "check" ? !annotation.placementChecked : filter === "all" || annotation.status === filter;
  return status && matchesClaimSearch(annotation, words);
}

// The panel is rendered in the browser only, once the claims have loaded: the platform's key names are known.
const ANNOTATE_KEY = keyOf(WORKBENCH_SHORTCUTS, "annotate");

/** Cards are rendered a page at a time as the list scrolls: a long article's claims need not all be in the DOM. */
const PAGE = 60;

type Props = {
  annotations: AnnotationRecord[];
  filter: StatusFilter;
  onFilterChange(filter: StatusFilter): void;
  /** What the find field holds, and its words (`searchWords`). */
  search: string;
  words: readonly string[];
  onSearchChange(search: string): void;
  activeId: string | null;
  /** The claim j/k moved to, or the open one: its card is marked and always rendered. */
  currentId: string | null;
  actor: Actor;
  cardError: { id: string; message: string } | null;
  onActivate(id: string): void;
  onAction(annotation: AnnotationRecord, action: ReviewAction, comment: string): Promise<void>;
  onEdit(annotation: AnnotationRecord): void;
  onDelete(annotation: AnnotationRecord): Promise<void>;
  onConfirmPlacement(annotation: AnnotationRecord): Promise<void>;
  /** The claim waiting for a new selection to be re-attached to, if any. */
  reattachingId: string | null;
  onReattach(annotation: AnnotationRecord | null): void;
};

/** The article's claims in document order, filterable by review status and found by their words. */
export const ClaimsPanel = memo(function ClaimsPanel(props: Props) {
  const { annotations, filter, onFilterChange, search, words, activeId, currentId, cardError } = props;
  const searchId = useId();
  const headingId = useId();
  const counts = Object.fromEntries(REVIEW_STATUSES.map((status) => [status, 0])) as Record<ReviewStatus, number>;
  for (const annotation of annotations) counts[annotation.status]++;
  const toCheck = annotations.filter((annotation) => !annotation.placementChecked).length;
  const shown = filter === "all" && words.length === 0 ? annotations : annotations.filter((annotation) => isShown(annotation, filter, words));
  const [limit, setLimit] = useState(PAGE);
  const currentIndex = currentId ? shown.findIndex((annotation) => annotation.id === currentId) : -1;
  const rendered = Math.max(limit, currentIndex + 1);
  const sentinel = useRef<HTMLLIElement>(null);
  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setLimit((current) => current + PAGE);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [rendered, shown.length]);

  return (
    <section className="claims-panel" aria-labelledby={headingId}>
      <div className="claims-panel__header">
        <h2 id={headingId}>Claims ({annotations.length})</h2>
        <label className="filter">
          <span>Show</span>
          <select value={filter} onChange={(event) => onFilterChange(event.target.value as StatusFilter)}>
            <option value="all">All statuses ({annotations.length})</option>
            {REVIEW_STATUSES.map((status) => (
              <option key={status} value={status}>
                {REVIEW_STATUS_LABELS[status]} ({counts[status]})
              </option>
            ))}
            {(toCheck > 0 || filter === "check") && <option value="check">Placement to check ({toCheck})</option>}
          </select>
        </label>
      </div>
      {annotations.length > 0 && (
        <div className="claims-panel__search">
          <label htmlFor={searchId} className="visually-hidden">
            Find claims
          </label>
          <input
            id={searchId}
            type="search"
            placeholder="Find claims: words, verdict, people, sources"
            data-find-claims
            value={search}
            onChange={(event) => props.onSearchChange(event.target.value)}
          />
          {words.length > 0 && (
            <p className="muted" role="status">
              {shown.length} of {annotations.length} {annotations.length === 1 ? "claim" : "claims"} {shown.length === 1 ? "matches" : "match"}.
            </p>
          )}
        </div>
      )}
      {shown.length === 0 ? (
        <p className="muted empty-state">
          {annotations.length === 0 ? (
            <>
              No claims yet. Select a sentence in the article, then choose “Annotate claim” or press <KeyCombo binding={ANNOTATE_KEY} />.
            </>
          ) : (
            words.length > 0 ? `No claim${filter === "all" ? "" : " shown"} holds “${search.trim()}”.` : filter === "check" ? "No placement waits for a check." : "No claims with this status."
          )}
        </p>
      ) : (
        <ol className="claims-panel__list">
          {shown.slice(0, rendered).map((annotation) => (
            <li key={annotation.id}>
              <ClaimCard
                annotation={annotation}
                active={annotation.id === activeId}
                current={annotation.id === currentId}
                actor={props.actor}
                error={cardError?.id === annotation.id ? cardError.message : null}
                onActivate={props.onActivate}
                onAction={props.onAction}
                onEdit={props.onEdit}
                onDelete={props.onDelete}
                onConfirmPlacement={props.onConfirmPlacement}
                reattaching={annotation.id === props.reattachingId}
                onReattach={props.onReattach}
              />
            </li>
          ))}
          {rendered < shown.length && (
            <li ref={sentinel} className="muted">
              Showing {rendered} of {shown.length} claims…
            </li>
          )}
        </ol>
      )}
    </section>
  );
});
