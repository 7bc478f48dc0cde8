"use client";

import { useCallback, useEffect, useState } from "react";
import type { TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring";
import { draftKey, readDraft, writeStored } from "../browser-storage";
import { completeDraft, type ClaimDraft } from "./claim-draft";

/** The annotation form when open: a new claim on the selected text, or an existing annotation at a version. */
export type OpenForm =
  | {
      mode: "create";
      /** When the text was selected (ms): names the form, which stays in place while a revision moves its selection. */
      startedAt?: number;
      selectors: [TextQuoteSelector, TextPositionSelector];
      /** The article revision the selectors were made on (absent in forms stored before it was kept). */
      revision?: number;
      /** A later revision edited the selected text (the selectors follow it) or removed it (a new selection is needed). */
      revised?: { revision: number; outcome: "changed" | "removed" };
      draft: ClaimDraft;
    }
  | { mode: "edit"; annotationId: string; version: number; quote: string; draft: ClaimDraft };

const KIND = "unsaved-annotation";

/**
 * The open annotation form, kept in this browser's storage until it is saved or cancelled,
 * so that a reload, a crash or a closed tab does not lose what the fact-checker typed.
 * Leaving the page with a form open asks for confirmation.
 */
export function useUnsavedForm(articleId: string, userId: string): [OpenForm | null, (next: OpenForm | null | ((current: OpenForm | null) => OpenForm | null)) => void] {
  const [form, setFormState] = useState<OpenForm | null>(null);

  useEffect(() => {
    const stored = readDraft<OpenForm>(KIND, userId, articleId);
    // Storage is read after hydration, so that the server's render and the browser's first render agree.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (stored) setFormState({ ...stored, draft: completeDraft(stored.draft) });
  }, [articleId, userId]);

  const setForm = useCallback(
    (next: OpenForm | null | ((current: OpenForm | null) => OpenForm | null)) => {
      setFormState((current) => {
        const value = typeof next === "function" ? next(current) : next;
        writeStored(draftKey(KIND, userId, articleId), value);
        return value;
      });
    },
    [articleId, userId],
  );

  useEffect(() => {
    if (!form) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [form]);

  return [form, setForm];
}
