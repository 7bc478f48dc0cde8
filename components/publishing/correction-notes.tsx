"use client";

import { useCallback, useEffect, useId, useState } from "react";
import { isCorrection, MAX_NOTE_LENGTH } from "@/lib/publishing/corrections";
import type { ClaimChangeOnPage } from "@/lib/publishing/correction-notes";
import { callApi } from "../api-client";
import { Message } from "../message";
import { ChangeSentence, PublicDate } from "../public/public-corrections";
import { SubmitOrCancel } from "../submit-or-cancel";
import { useApiAction } from "../use-api-action";
import { usePublication } from "./publication-context";

/**
 * The corrections and updates the public page tells readers of, for an editor to add a note to readers
 * to each: why a rating changed, what new evidence came. Shown once the article was ever published;
 * read again whenever a claim on the page is reviewed or moved (here or, live, by a colleague) and when
 * the page comes back into view.
 */
export function CorrectionNotes({ articleId }: { articleId: string }) {
  const { publication, claimsSignature } = usePublication();
  const [changes, setChanges] = useState<ClaimChangeOnPage[] | null>(null);
  const { error, run } = useApiAction();
  const path = `/api/articles/${articleId}/corrections`;

  const load = useCallback(() => run(async () => setChanges((await callApi<{ changes: ClaimChangeOnPage[] }>("GET", path)).changes)), [run, path]);

  useEffect(() => {
    if (!publication.slug) return;
    void load();
    const reload = () => document.visibilityState === "visible" && void load();
    document.addEventListener("visibilitychange", reload);
    return () => document.removeEventListener("visibilitychange", reload);
  }, [publication.slug, publication.publishedAt, claimsSignature, load]);

  if (!publication.slug || (!changes?.length && !error)) return null;
  return (
    <section className="correction-notes" aria-labelledby={`${articleId}-corrections`}>
      <h2 id={`${articleId}-corrections`}>Corrections and updates readers see</h2>
      <Message text={error} />
      <ol>
        {(changes ?? []).map((change) => (
          <CorrectionItem
            key={change.eventIds[0]}
            change={change}
            path={path}
            onSaved={(saved) => setChanges((current) => current?.map((each) => (each.eventIds[0] === saved.eventIds[0] ? saved : each)) ?? null)}
          />
        ))}
      </ol>
    </section>
  );
}

function CorrectionItem({ change, path, onSaved }: { change: ClaimChangeOnPage; path: string; onSaved(change: ClaimChangeOnPage): void }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState("");
  const { busy, error, run } = useApiAction();

  async function save() {
    const saved = await run(async () => onSaved((await callApi<{ change: ClaimChangeOnPage }>("PUT", path, { event: change.eventIds[0], note })).change));
    if (saved) setEditing(false);
  }

  return (
    <li>
      <p className="muted">
        <PublicDate at={change.at} /> · <strong>{isCorrection(change) ? "Correction" : "Update"}</strong>
      </p>
      <p>
        <ChangeSentence change={change} />
      </p>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label htmlFor={`${id}-note`}>Note to readers (shown with it on the public page; empty to remove)</label>
          <textarea id={`${id}-note`} rows={3} maxLength={MAX_NOTE_LENGTH} value={note} onChange={(event) => setNote(event.target.value)} />
          <Message text={error} />
          <SubmitOrCancel
            label="Save note"
            disabled={busy}
            onCancel={() => setEditing(false)}
          />
        </form>
      ) : (
        <>
          {change.note && <p className="correction-notes__note">{change.note}</p>}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setNote(change.note ?? "");
              setEditing(true);
            }}
          >
            {change.note ? "Edit the note to readers" : "Add a note to readers"}
          </button>
        </>
      )}
    </li>
  );
}
