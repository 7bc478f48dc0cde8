"use client";

import { useId, useState } from "react";
import { callApi } from "../api-client";
import { IMPORT_ACCEPT, MAX_IMPORT_MB, postUpload, progressLabel, uploadErrorMessage, type UploadProgress } from "../upload";
import type { RevisionSummary } from "./use-article-revision";
import { Message } from "../message";

type Props = { articleId: string; baseRevision: number; onImported(doc: unknown, summary: RevisionSummary): void };

/** Uploads a newer version of the article (.txt, .md, .html) as its next revision, showing the upload's progress. */
export function ImportVersion({ articleId, baseRevision, onImported }: Props) {
  const id = useId();
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
    <div className="import-version">
      <label htmlFor={`${id}-file`} className="secondary import-version__label">
        Import new version (.txt, .md or .html, at most {MAX_IMPORT_MB} MB)
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept={IMPORT_ACCEPT}
        disabled={!!progress}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) void upload(file);
        }}
      />
      {progress && (
        <p role="status">
          <label htmlFor={`${id}-progress`}>{progressLabel(progress)}</label>{" "}
          <progress id={`${id}-progress`} max={100} value={progress.phase === "uploading" ? (progress.percent ?? undefined) : undefined} />
        </p>
      )}
      <Message text={error} />
    </div>
  );
}
