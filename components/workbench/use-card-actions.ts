"use client";

import { useCallback } from "react";
import type { TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring";
import type { AnnotationRecord } from "@/lib/annotations/record";
import type { ClaimSelection } from "@/lib/editor/selection";
import { REVIEW_ACTIONS, type ReviewAction } from "@/lib/reviews/transitions";
import { ApiError } from "../api-client";
import { annotationApi } from "./annotation-api";

export type CardError = { id: string; message: string };

type Deps = {
  articleId: string;
  savedRevision: number;
  store(record: AnnotationRecord): void;
  forget(id: string): void;
  activate(id: string): void;
  loadDetail(id: string): void;
  setActiveId(id: string | null): void;
  setCardError(error: CardError | null): void;
};

/**
 * What a claim's card (and the Orphaned panel) can do to its claim, each sent to the API and its
 * answer stored; a refusal shows on the card (`setCardError`), and a conflict reloads the claim.
 */
export function useCardActions({ articleId, savedRevision, store, forget, activate, loadDetail, setActiveId, setCardError }: Deps) {
  const refused = useCallback(
    (id: string) => (error: unknown) => {
      if (error instanceof ApiError) setCardError({ id, message: error.message });
    },
    [setCardError],
  );

  /** A draft holding only the quote, for someone to check later. */
  const flag = useCallback(
    (selection: ClaimSelection) => {
      annotationApi.create(articleId, selection.selectors, { verdict: null, explanation: "", sources: [] }).then((record) => {
        store(record);
        activate(record.id);
      }, refused(""));
    },
    [articleId, store, activate, refused],
  );

  /** Puts a claim (an orphan, or a doubtful placement) on the text `selectors` describe and opens its card; true once done. */
  const reattach = useCallback(
    (annotation: AnnotationRecord, selectors: [TextQuoteSelector, TextPositionSelector]): Promise<boolean> =>
      annotationApi.reattach(annotation.id, annotation.version, selectors).then(
        (record) => {
          store(record);
          activate(record.id);
          return true;
        },
        (error: unknown) => {
          refused(annotation.id)(error);
          return false;
        },
      ),
    [store, activate, refused],
  );

  const discard = useCallback(
    (annotation: AnnotationRecord) => {
      annotationApi.discard(annotation.id, annotation.version).then(() => forget(annotation.id), refused(annotation.id));
    },
    [forget, refused],
  );

  const confirmPlacement = useCallback(
    async (annotation: AnnotationRecord) => {
      await annotationApi.confirmPlacement(annotation.id, annotation.version, savedRevision).then(store, refused(annotation.id));
    },
    [store, savedRevision, refused],
  );

  const takeAction = useCallback(
    async (annotation: AnnotationRecord, action: ReviewAction, comment: string) => {
      setCardError(null);
      try {
        store(await annotationApi.changeStatus(annotation.id, annotation.version, REVIEW_ACTIONS[action].to, comment));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        setCardError({ id: annotation.id, message: error.message });
        if (error.status === 409) loadDetail(annotation.id);
      }
    },
    [store, loadDetail, setCardError],
  );

  const remove = useCallback(
    async (annotation: AnnotationRecord) => {
      await annotationApi.remove(annotation.id, annotation.version).then(() => {
        forget(annotation.id);
        setActiveId(null);
      }, refused(annotation.id));
    },
    [forget, setActiveId, refused],
  );

  return { flag, reattach, discard, confirmPlacement, takeAction, remove };
}
