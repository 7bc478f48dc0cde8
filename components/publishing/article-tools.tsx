import type { Publication } from "@/lib/publishing/service";
import { AnnotationImport } from "./annotation-import";
import "./article-tools.css";
import { CorrectionNotes } from "./correction-notes";
import { PublicSummary } from "./public-summary";
import { PublishControl } from "./publish-control";

type Props = { articleId: string; title: string; publication: Publication; summary: string | null; canPublish: boolean; canImport: boolean };

/** Publishing, exports and import of an article's fact-check, folded away under the article's title. */
export function ArticleTools({ articleId, title, publication, summary, canPublish, canImport }: Props) {
  const api = `/api/articles/${articleId}/annotations`;
  return (
    <details className="article-tools" open={!!publication.publishedAt || undefined}>
      <summary>Publish and export</summary>
      <div className="article-tools__body">
        <PublishControl articleId={articleId} title={title} canPublish={canPublish} />
        {canPublish && <PublicSummary articleId={articleId} initial={summary} />}
        {canPublish && <CorrectionNotes articleId={articleId} />}
        <p className="article-tools__exports">
          Export: <a href={`${api}?format=w3c`}>W3C annotations (JSON-LD)</a> · <a href={`${api}?format=csv`}>CSV</a> ·{" "}
          <a href={`/articles/${articleId}/report`}>Printable report</a>
        </p>
        {canImport && <AnnotationImport articleId={articleId} />}
      </div>
    </details>
  );
}
