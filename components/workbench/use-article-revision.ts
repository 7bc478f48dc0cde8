"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, callApi } from "../api-client";
import { readStored, writeStored } from "../browser-storage";

/** Edits not yet saved as a revision, kept in this browser so that a crash or a refused save loses nothing. */
type UnsavedEdits = { baseRevision: number; doc: unknown; at: string };

export type RevisionSummary = { revision: number; reanchored: number; orphaned: number; checkPlacement: number };

const storageKey = (articleId: string) => `factcheck:unsaved-revision:${articleId}`;

const readUnsaved = (articleId: string) => readStored<UnsavedEdits>(storageKey(articleId));
const writeUnsaved = (articleId: string, edits: UnsavedEdits | null) => writeStored(storageKey(articleId), edits);

/**
 * Edit mode of an article: the saved document and revision, the document being edited, saving it
 * as a new revision, and the unsaved edits a previous visit left behind.
 */
export function useArticleRevision(articleId: string, initial: { doc: unknown; revision: number }, onSaved: (summary: RevisionSummary) => void) {
  const [saved, setSaved] = useState(initial);
  const [editing, setEditing] = useState<{ baseRevision: number; doc: unknown } | null>(null);
  const [leftover, setLeftover] = useState<UnsavedEdits | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  /** Bumped to rebuild the editor from `doc` when edits are dropped. */
  const [generation, setGeneration] = useState(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    // Read after hydration, so that the server's render and the browser's first render agree.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setLeftover(readUnsaved(articleId));
  }, [articleId]);

  const start = useCallback((from?: UnsavedEdits) => {
    setMessage(null);
    setLeftover(null);
    setEditing({ baseRevision: saved.revision, doc: from?.doc ?? saved.doc });
  }, [saved]);

  const change = useCallback(
    (doc: unknown) => {
      if (!editing) return;
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(() => writeUnsaved(articleId, { baseRevision: editing.baseRevision, doc, at: new Date().toISOString() }), 400);
    },
    [articleId, editing],
  );

  const stop = useCallback(() => {
    if (pending.current) clearTimeout(pending.current);
    writeUnsaved(articleId, null);
    setEditing(null);
    setMessage(null);
    setGeneration((n) => n + 1);
  }, [articleId]);

  /** Shows `doc`, just saved as `summary.revision` (here or by an import), and says what became of the claims. */
  const adopt = useCallback(
    (doc: unknown, summary: RevisionSummary) => {
      setSaved({ doc, revision: summary.revision });
      setMessage({
        text: `Saved revision ${summary.revision}: ${summary.reanchored} ${summary.reanchored === 1 ? "claim" : "claims"} re-anchored, ${summary.orphaned} orphaned, ${summary.checkPlacement} to check.`,
        error: false,
      });
      onSaved(summary);
    },
    [onSaved],
  );

  const save = useCallback(
    async (doc: unknown) => {
      if (!editing) return;
      setSaving(true);
      setMessage(null);
      try {
        const summary = await callApi<RevisionSummary>("POST", `/api/articles/${articleId}/revisions`, { baseRevision: editing.baseRevision, doc });
        if (pending.current) clearTimeout(pending.current);
        writeUnsaved(articleId, null);
        setEditing(null);
        adopt(doc, summary);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        writeUnsaved(articleId, { baseRevision: editing.baseRevision, doc, at: new Date().toISOString() });
        setMessage({
          text:
            error.status === 409
              ? `${error.message} Your edits are kept in this browser: reload the page, compare the revisions, then continue editing.`
              : error.message,
          error: true,
        });
      } finally {
        setSaving(false);
      }
    },
    [articleId, editing, adopt],
  );

  /** Shows a revision someone else saved (unless this page is editing), rebuilding the editor on it. */
  const follow = useCallback(
    (doc: unknown, revision: number) => {
      if (editing || revision <= saved.revision) return false;
      setSaved({ doc, revision });
      setGeneration((n) => n + 1);
      return true;
    },
    [editing, saved.revision],
  );

  const discardLeftover = useCallback(() => {
    writeUnsaved(articleId, null);
    setLeftover(null);
  }, [articleId]);

  return { saved, editing, leftover, saving, message, generation, start, change, stop, save, adopt, follow, discardLeftover };
}
