"use client";

import Link from "next/link";
import { ImportVersion } from "./import-version";
import type { useArticleRevision } from "./use-article-revision";
import { Message } from "../message";

type Props = { articleId: string; originalUrl: string | null; article: ReturnType<typeof useArticleRevision>; canEdit: boolean };

/** The article's revision, the way into edit mode, and what a save or an earlier visit left to know. */
export function RevisionBar({ articleId, originalUrl, article, canEdit }: Props) {
  const { saved, editing, leftover, message } = article;
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
            <ImportVersion articleId={articleId} baseRevision={saved.revision} originalUrl={originalUrl} onImported={article.adopt} />
          </>
        )}
      </div>
      {canEdit && leftover && !editing && (
        <div className="notice" role="status">
          <p>
            You have edits from {new Date(leftover.at).toLocaleString("en-GB")} that were not saved (made on revision {leftover.baseRevision}
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
