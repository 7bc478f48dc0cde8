"use client";

import { useState } from "react";
import type { OriginalWatch } from "@/lib/articles/original-watch";
import { ApiError, callApi } from "../api-client";
import { markReadAndRecount } from "../inbox/inbox-link";
import { Message } from "../message";
import { DeskTime } from "../time-zone";

type Props = {
  articleId: string;
  /** The original's web address, if the article has one. */
  originalUrl: string | null;
  original: OriginalWatch | null;
  onOriginal(original: OriginalWatch | null): void;
  /** The article's revision now: a change seen in an earlier one has been answered by a later. */
  revision: number;
  canEdit: boolean;
  onImport(): void;
};

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/**
 * What the desk knows of the article's original: that it changed since the text here was taken from it
 * (with **Import the new version…** and **Dismiss** for editors), or, for editors, when it was last read
 * (with **Check now**) and why reading it fails.
 */
export function OriginalNotice({ articleId, originalUrl, original, onOriginal, revision, canEdit, onImport }: Props) {
  const [busy, setBusy] = useState<"check" | "dismiss" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changed = original?.changed && original.changed.inRevision >= revision ? original.changed : null;

  async function act(action: "check" | "dismiss") {
    setBusy(action);
    setError(null);
    try {
      const path = `/api/articles/${articleId}/original/${action === "check" ? "check" : "change"}`;
      const answer = await callApi<{ original: OriginalWatch | null }>(action === "check" ? "POST" : "DELETE", path);
      onOriginal(answer.original);
      // A change the editor's own read found is before their eyes: not news for their inbox.
      if (answer.original?.changed) markReadAndRecount("/api/inbox/read", { articleId });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not reach the server. Try again.");
    } finally {
      setBusy(null);
    }
  }

  if (!changed && !canEdit) return null;
  return (
    <>
      {changed && (
        <div className="notice original-notice" role="status">
          <p>
            <strong>The original has changed.</strong> The desk saw its text differ on <DeskTime at={changed.at} />, in revision {changed.inRevision} here:{" "}
            {count(changed.paragraphsAdded, "paragraph")} only the original has, {count(changed.paragraphsRemoved, "paragraph")} only this text has.{" "}
            {canEdit ? "Import the new version to move the claims onto it, or dismiss the change if it is nothing for the fact-check." : "An editor can import the new version."}
          </p>
          {canEdit && (
            <p>
              <button type="button" className="primary" onClick={onImport}>
                Import the new version…
              </button>{" "}
              <button type="button" className="link-button" disabled={!!busy} onClick={() => void act("dismiss")}>
                {busy === "dismiss" ? "Dismissing…" : "Dismiss"}
              </button>
            </p>
          )}
        </div>
      )}
      {canEdit && (original || (originalUrl && /^https?:\/\//i.test(originalUrl))) && (
        <p className="muted original-notice__checked">
          {original?.checkedAt ? (
            <>
              Original last read <DeskTime at={original.checkedAt} />
            </>
          ) : (
            "Original not read yet"
          )}
          {original?.failure && (
            <>
              {" "}
              · could not read it on <DeskTime at={original.failure.at} />: {original.failure.message}
            </>
          )}{" "}
          ·{" "}
          <button type="button" className="link-button" disabled={!!busy} onClick={() => void act("check")}>
            {busy === "check" ? "Reading the original…" : "Check now"}
          </button>
        </p>
      )}
      <Message text={error} />
    </>
  );
}
