"use client";

import { useId, useRef, useState } from "react";
import type { WebPagePreview } from "@/lib/articles/import/web-page/service";
import { callApi } from "../api-client";
import { ModalDialog } from "../modal-dialog";
import { IMPORT_ACCEPT, MAX_IMPORT_MB, postUpload, progressLabel, uploadErrorMessage, type UploadProgress } from "../upload";
import { WebPageFetch } from "../web-page-fetch";
import type { RevisionSummary } from "./use-article-revision";
import { Message } from "../message";

type Props = { articleId: string; baseRevision: number; originalUrl: string | null; onImported(doc: unknown, summary: RevisionSummary): void; onClose(): void };

/**
 * The newer version, from a file (.txt, .md, .html: saved as soon as it is chosen) or fetched again from
 * the article's web address (the original's, or another), shown for a check before it is saved.
 */
export function ImportVersionDialog({ articleId, baseRevision, originalUrl, onImported, onClose }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [page, setPage] = useState<WebPagePreview | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nextRevision = baseRevision + 1;

  async function save(body: FormData | string) {
    setError(null);
    setProgress({ phase: "uploading", percent: null });
    const answer = await postUpload<RevisionSummary>(`/api/articles/${articleId}/revisions/import`, body, setProgress);
    if (answer.status !== 201) {
      setProgress(null);
      return setError(uploadErrorMessage(answer));
    }
    const { article } = await callApi<{ article: { doc: unknown } }>("GET", `/api/articles/${articleId}`);
    onImported(article.doc, answer.body as RevisionSummary);
    onClose();
  }

  function upload(file: File) {
    const body = new FormData();
    body.set("file", file);
    body.set("baseRevision", String(baseRevision));
    void save(body);
  }

  return (
    <ModalDialog className="link-dialog import-version" labelledBy={`${id}-title`} describedBy={`${id}-detail`} onClose={onClose}>
      <h2 id={`${id}-title`}>Import a new version</h2>
      <p id={`${id}-detail`}>A newer text of the article becomes revision {nextRevision}; the claims move with their text, as when an edit is saved.</p>
      <p>
        <button type="button" className="secondary" disabled={!!progress} onClick={() => input.current?.click()}>
          Choose a file…
        </button>{" "}
        <span className="muted">.txt, .md or .html, at most {MAX_IMPORT_MB} MB</span>
      </p>
      <input
        ref={input}
        hidden
        type="file"
        accept={IMPORT_ACCEPT}
        aria-label={`Import new version (.txt, .md or .html, at most ${MAX_IMPORT_MB} MB)`}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) upload(file);
        }}
      />
      <p className="muted import-version__or">or fetch it again from its web address:</p>
      <WebPageFetch id={`${id}-web`} defaultUrl={originalUrl ?? ""} compareWith={articleId} page={page} onPage={setPage} />
      {progress && (
        <p role="status">
          <label htmlFor={`${id}-progress`}>{progressLabel(progress)}</label>{" "}
          <progress id={`${id}-progress`} max={100} value={progress.phase === "uploading" ? (progress.percent ?? undefined) : undefined} />
        </p>
      )}
      <Message text={error} />
      <div className="form-actions">
        {page && (
          <button
            type="button"
            className="primary"
            disabled={!!progress}
            onClick={() => void save(JSON.stringify({ baseRevision, format: page.format, content: page.content }))}
          >
            Save as revision {nextRevision}
          </button>
        )}
        <button type="button" className="link-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
