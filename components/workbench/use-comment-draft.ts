"use client";

import { useCallback, useState } from "react";
import type { Colleague } from "@/lib/users/service";
import { draftKey, readDraft, writeStored } from "../browser-storage";

type CommentDraft = { body: string; mentions: Colleague[] };

const KIND = "unsaved-comment";
const EMPTY: CommentDraft = { body: "", mentions: [] };

/**
 * A comment being written, kept in this browser under its author and `subject` (the claim, and the
 * thread for a reply) until it is sent or cancelled: closing the claim's card, opening another, a
 * reload or a crash does not lose it. Without a subject (editing a sent comment) nothing is kept.
 * Read when the composer mounts, which is after the discussion has loaded: never in the server's render.
 */
export function useCommentDraft(userId: string, subject: string | null, initial?: CommentDraft) {
  const [draft, setDraftState] = useState<CommentDraft>(() => (subject && readDraft<CommentDraft>(KIND, userId, subject)) || initial || EMPTY);
  const setDraft = useCallback(
    (next: CommentDraft) => {
      setDraftState(next);
      if (subject) writeStored(draftKey(KIND, userId, subject), next.body.trim() ? next : null);
    },
    [userId, subject],
  );
  const clear = useCallback(() => setDraft(EMPTY), [setDraft]);
  return { draft, setDraft, clear, kept: !!subject && !!draft.body.trim() };
}
