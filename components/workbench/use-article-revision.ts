"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { mergeDocs } from "@/lib/revisions/merge";
import { savedMessage } from "@/lib/revisions/saved-message";
import type { RevisionSaved } from "@/lib/revisions/service";
import { ApiError, callApi } from "../api-client";
import { draftKey, readDraft, writeStored } from "../browser-storage";

/** Edits not yet saved as a revision, kept in this browser so that a crash or a refused save loses nothing. */
type UnsavedEdits = { baseRevision: number; doc: unknown; at: string };

/** What a save or an import of a revision answered. */
export type RevisionSummary = RevisionSaved;

const KIND = "unsaved-revision";
const writeUnsaved = (key: string, edits: UnsavedEdits | null) => writeStored(key, edits);

/**
 * Edit mode of an article: the saved document and revision, the document being edited, saving it
 * as a new revision, the unsaved edits a previous visit left behind, and merging edits made on an
 * older revision into the newest one. `onRevised` runs when the page moves to a newer revision
 * (the claims moved with it).
 */
export function useArticleRevision(articleId: string, userId: string, initial: { doc: unknown; revision: number }, onRevised: () => void) {
  /** Where this browser keeps this person's unsaved edits of this article. */
  const unsavedKey = draftKey(KIND, userId, articleId);
  const [saved, setSaved] = useState(initial);
  const [editing, setEditing] = useState<{ baseRevision: number; doc: unknown } | null>(null);
  const [leftover, setLeftover] = useState<UnsavedEdits | null>(null);
  const [saving, setSaving] = useState(false);
  /** A save was refused because someone saved a newer revision meanwhile: the edits are to be merged into it. */
  const [outdated, setOutdated] = useState(false);
  /** The document as last edited, to merge with every keystroke since a refused save. */
  const edited = useRef<unknown>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  /** Bumped to rebuild the editor from `doc` when edits are dropped. */
  const [generation, setGeneration] = useState(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    // Read after hydration, so that the server's render and the browser's first render agree.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setLeftover(readDraft<UnsavedEdits>(KIND, userId, articleId));
  }, [articleId, userId]);

  /**
   * Carries edits made on an older revision into the newest one (a three-way merge, block by block:
   * lib/revisions/merge.ts) and goes on editing the result, for the person to check and save.
   */
  const merge = useCallback(
    async (edits: UnsavedEdits) => {
      setMessage({ text: "Merging your edits into the newest revision…", error: false });
      try {
        const [{ revision: base }, { article: latest }] = await Promise.all([
          callApi<{ revision: { doc: unknown } }>("GET", `/api/articles/${articleId}/revisions/${edits.baseRevision}`),
          callApi<{ article: { doc: unknown; revision: number } }>("GET", `/api/articles/${articleId}`),
        ]);
        // Keystrokes made while the revisions were fetched count too: the editor's document as it is now.
        const merged = mergeDocs(base.doc, latest.doc, edited.current ?? edits.doc);
        writeUnsaved(unsavedKey, { baseRevision: latest.revision, doc: merged.doc, at: new Date().toISOString() });
        setSaved({ doc: latest.doc, revision: latest.revision });
        setEditing({ baseRevision: latest.revision, doc: merged.doc });
        edited.current = merged.doc;
        setGeneration((n) => n + 1);
        setLeftover(null);
        setOutdated(false);
        setMessage({
          text:
            merged.conflicts === 0
              ? `Your edits are merged into revision ${latest.revision}, with its changes kept. Check the text, then save.`
              : `Your edits are merged into revision ${latest.revision}. In ${merged.conflicts === 1 ? "one place" : `${merged.conflicts} places`} you both ` +
                `changed the same paragraphs: your version is shown there. Compare it with revision ${latest.revision} under History and comparison before you save.`,
          error: merged.conflicts > 0,
        });
        onRevised();
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        setMessage({ text: `Your edits could not be merged: ${error.message} They are still kept in this browser; try again.`, error: true });
      }
    },
    [articleId, unsavedKey, onRevised],
  );

  const start = useCallback(
    (from?: UnsavedEdits) => {
      setMessage(null);
      if (from && from.baseRevision < saved.revision) return void merge(from);
      setLeftover(null);
      setEditing({ baseRevision: saved.revision, doc: from?.doc ?? saved.doc });
      edited.current = null;
    },
    [saved, merge],
  );

  const change = useCallback(
    (doc: unknown) => {
      if (!editing) return;
      edited.current = doc;
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(() => writeUnsaved(unsavedKey, { baseRevision: editing.baseRevision, doc, at: new Date().toISOString() }), 400);
    },
    [unsavedKey, editing],
  );

  const stop = useCallback(() => {
    if (pending.current) clearTimeout(pending.current);
    writeUnsaved(unsavedKey, null);
    setEditing(null);
    edited.current = null;
    setOutdated(false);
    setMessage(null);
    setGeneration((n) => n + 1);
  }, [unsavedKey]);

  /** Shows `doc`, just saved as `summary.revision` (here or by an import), and says what became of the claims. */
  const adopt = useCallback(
    (doc: unknown, summary: RevisionSummary) => {
      setSaved({ doc, revision: summary.revision });
      // A new editor for the new revision: nothing of the editing session carries over.
      setGeneration((n) => n + 1);
      setMessage({
        text: savedMessage(summary),
        error: false,
      });
      onRevised();
    },
    [onRevised],
  );

  const save = useCallback(
    async (doc: unknown) => {
      if (!editing) return;
      setSaving(true);
      setMessage(null);
      try {
        const summary = await callApi<RevisionSummary>("POST", `/api/articles/${articleId}/revisions`, { baseRevision: editing.baseRevision, doc });
        if (pending.current) clearTimeout(pending.current);
        writeUnsaved(unsavedKey, null);
        setEditing(null);
        edited.current = null;
        setOutdated(false);
        adopt(doc, summary);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        writeUnsaved(unsavedKey, { baseRevision: editing.baseRevision, doc, at: new Date().toISOString() });
        if (error.status === 409) setOutdated(true);
        setMessage({
          text:
            error.status === 409
              ? "Someone saved a newer revision of this article while you were editing. Your edits are kept in this browser: merge them into the newer revision, check the result, then save."
              : error.message,
          error: true,
        });
      } finally {
        setSaving(false);
      }
    },
    [articleId, unsavedKey, editing, adopt],
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

  /** Merges what is being edited, whose save was refused, into the newer revision. */
  const mergeOutdated = useCallback(() => {
    if (editing) void merge({ baseRevision: editing.baseRevision, doc: editing.doc, at: new Date().toISOString() });
  }, [editing, merge]);

  const discardLeftover = useCallback(() => {
    writeUnsaved(unsavedKey, null);
    setLeftover(null);
  }, [unsavedKey]);

  return { saved, editing, leftover, outdated, saving, message, generation, start, change, stop, save, mergeOutdated, adopt, follow, discardLeftover };
}
