"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { OriginalWatch } from "@/lib/articles/original-watch";
import { callApi } from "../api-client";
import { ImportVersionDialog } from "./import-version";
import { OriginalNotice } from "./original-notice";
import type { useArticleRevision } from "./use-article-revision";
import { Message } from "../message";
import { DeskTime } from "../time-zone";

type Props = {
  articleId: string;
  originalUrl: string | null;
  /** What the desk knows of the original at its web address, as the page was loaded. */
  original: OriginalWatch | null;
  article: ReturnType<typeof useArticleRevision>;
  canEdit: boolean;
};

/**
 * The article's revision, the way into edit mode and into importing a new version, whether its original
 * changed, and what a save or an earlier visit left to know.
 */
export function RevisionBar({ articleId, originalUrl, original: loadedOriginal, article, canEdit }: Props) {
  const { saved, editing, leftover, message } = article;
  const [importing, setImporting] = useState(false);
  const [original, setOriginal] = useState(loadedOriginal);
  // A page refreshed from the server (its details edited) brings what it knows of the original now.
  const [loaded, setLoaded] = useState(loadedOriginal);
  if (loaded !== loadedOriginal) {
    setLoaded(loadedOriginal);
    setOriginal(loadedOriginal);
  }
  // A page the browser's Back button brings back is as it was: asked again.
  useEffect(() => {
    callApi<{ original: OriginalWatch | null }>("GET", `/api/articles/${articleId}/original`).then(
      (answer) => setOriginal(answer.original),
      () => {}, // what the page was loaded with stands
    );
  }, [articleId]);
  return (
    <div className="revision-bar">
      <div className="revision-bar__row">
        <span className="muted">Revision {saved.revision}</span>
        <Link href={`/articles/${articleId}/revisions`}>History and comparison</Link>
        {canEdit && !editing && (
          <>
            <button type="button" className="secondary" onClick={() => article.start()}>
              Edit article
            </button>
            <button type="button" className="secondary" onClick={() => setImporting(true)}>
              Import new version…
            </button>
          </>
        )}
      </div>
      {importing && (
        <ImportVersionDialog articleId={articleId} baseRevision={saved.revision} originalUrl={originalUrl} onImported={article.adopt} onClose={() => setImporting(false)} />
      )}
      {!editing && (
        <OriginalNotice articleId={articleId} originalUrl={originalUrl} original={original} onOriginal={setOriginal} revision={saved.revision} canEdit={canEdit} onImport={() => setImporting(true)} />
      )}
      {canEdit && leftover && !editing && (
        <div className="notice" role="status">
          <p>
            You have edits from <DeskTime at={leftover.at} /> that were not saved (made on revision {leftover.baseRevision}
            {leftover.baseRevision < saved.revision ? `; the article is now at revision ${saved.revision}, and they will be merged into it` : ""}).
          </p>
          <button type="button" className="secondary" onClick={() => article.start(leftover)}>
            Continue editing them
          </button>{" "}
          <button type="button" className="link-button" onClick={article.discardLeftover}>
            Discard them
          </button>
        </div>
      )}
      <Message text={message?.text} error={message?.error} />
      {canEdit && editing && article.outdated && (
        <button type="button" className="primary" onClick={article.mergeOutdated}>
          Merge my edits into the newer revision
        </button>
      )}
    </div>
  );
}
