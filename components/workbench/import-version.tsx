"use client";

import { useId, useRef, useState } from "react";
import { callApi } from "../api-client";
import { IMPORT_ACCEPT, MAX_IMPORT_MB, postUpload, progressLabel, uploadErrorMessage, type UploadProgress } from "../upload";
import type { RevisionSummary } from "./use-article-revision";
import { Message } from "../message";

type Props = { articleId: string; baseRevision: number; onImported(doc: unknown, summary: RevisionSummary): void };

/**
 * A button beside "Edit article" that uploads a newer version of the article (.txt, .md, .html) as
 * its next revision; the upload's progress and any error take the line below.
 */
export function ImportVersion({ articleId, baseRevision, onImported }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File) {
    setError(null);
    const body = new FormData();
    body.set("file", file);
    body.set("baseRevision", String(baseRevision));
    setProgress({ phase: "uploading", percent: null });
    const answer = await postUpload<RevisionSummary>(`/api/articles/${articleId}/revisions/import`, body, setProgress);
    setProgress(null);
    if (answer.status !== 201) return setError(uploadErrorMessage(answer));
    const { article } = await callApi<{ article: { doc: unknown } }>("GET", `/api/articles/${articleId}`);
    onImported(article.doc, answer.body as RevisionSummary);
  }

  return (
    <>
      <button type="button" className="secondary" disabled={!!progress} aria-describedby={`${id}-hint`} onClick={() => input.current?.click()}>
        Import new version…
      </button>
      <span id={`${id}-hint`} className="visually-hidden">
        A .txt, .md or .html file of at most {MAX_IMPORT_MB} MB becomes the next revision.
      </span>
      <input
        ref={input}
        hidden
        type="file"
        accept={IMPORT_ACCEPT}
        aria-label={`Import new version (.txt, .md or .html, at most ${MAX_IMPORT_MB} MB)`}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) void upload(file);
        }}
      />
      {(progress || error) && (
        <div className="revision-bar__line">
          {progress && (
            <p role="status">
              <label htmlFor={`${id}-progress`}>{progressLabel(progress)}</label>{" "}
              <progress id={`${id}-progress`} max={100} value={progress.phase === "uploading" ? (progress.percent ?? undefined) : undefined} />
            </p>
          )}
          <Message text={error} />
        </div>
      )}
    </>
  );
}
