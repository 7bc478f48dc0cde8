"use client";

import { useEffect, useRef } from "react";
import type { AnnotationRecord } from "@/lib/annotations/record";

/**
 * Opens the claim a link named (`/articles/:id?annotation=<id>`, as the review queue's rows link),
 * once the article's claims have loaded: its card opens and its highlight scrolls into view.
 * Only once, so that the reader is free to move on; an id that is not among the claims is ignored.
 */
export function useOpenClaim(claimId: string | null, loading: string, annotations: AnnotationRecord[], activate: (id: string) => void): void {
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || !claimId || loading !== "loaded") return;
    opened.current = true;
    if (annotations.some((annotation) => annotation.id === claimId)) activate(claimId);
  }, [claimId, loading, annotations, activate]);
}
