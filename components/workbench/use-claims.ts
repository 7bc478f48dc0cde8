"use client";

import { useCallback, useEffect, useState } from "react";
import type { AnnotationDetail, AnnotationRecord } from "@/lib/annotations/record";
import { compareReadingOrder } from "@/lib/annotations/reading-order";
import { ApiError } from "../api-client";
import { annotationApi } from "./annotation-api";

/**
 * The article's claims as the page knows them: loaded from the API (cached there, so the page's HTML
 * stays small however many claims an article has), kept in document order as answers come back,
 * `loading` is "loading", "loaded" or what went wrong.
 */
export function useClaims(articleId: string) {
  const [annotations, setAnnotations] = useState<AnnotationRecord[]>([]);
  const [loading, setLoading] = useState<"loading" | "loaded" | string>("loading");

  const fetchList = useCallback(() => {
    annotationApi.list(articleId).then(
      (list) => {
        setAnnotations(list);
        setLoading("loaded");
      },
      (error: unknown) => setLoading(error instanceof ApiError ? error.message : "The claims could not be loaded."),
    );
  }, [articleId]);
  useEffect(fetchList, [fetchList]);

  /** Drops what is shown and loads the list again: after a revision no claim is drawn until its new place is known. */
  const reload = useCallback(() => {
    setAnnotations([]);
    setLoading("loading");
    fetchList();
  }, [fetchList]);

  /** Puts an annotation the server answered with in its place. */
  const store = useCallback((record: AnnotationRecord | AnnotationDetail) => {
    setAnnotations((list) => [...list.filter((a) => a.id !== record.id), record].sort(compareReadingOrder));
  }, []);

  const forget = useCallback((id: string) => setAnnotations((list) => list.filter((a) => a.id !== id)), []);

  return { annotations, loading, reload, store, forget };
}
