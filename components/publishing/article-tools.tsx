import type { Publication } from "@/lib/publishing/service";
import { AnnotationImport } from "./annotation-import";
import "./article-tools.css";
import { CorrectionNotes } from "./correction-notes";
import { PublicSummary } from "./public-summary";
import { PublishControl } from "./publish-control";
import { ToolsDisclosure } from "./tools-disclosure";

type Props = {
  articleId: string;
  title: string;
  publication: Publication;
  summary: string | null;
  canPublish: boolean;
  canImport: boolean;
  /** Readers' messages about it that wait for an editor. */
  newReaderMessages: number;
};

/** Publishing, exports and import of an article's fact-check, folded away under the article's title. */
export function ArticleTools({ articleId, title, publication, summary, canPublish, canImport, newReaderMessages }: Props) {
  const api = `/api/articles/${articleId}/annotations`;
  return (
    <ToolsDisclosure initiallyOpen={!!publication.publishedAt}>
      <summary>Publish and export</summary>
      <div className="article-tools__body">
        <PublishControl articleId={articleId} title={title} canPublish={canPublish} />
        {canPublish && <PublicSummary articleId={articleId} initial={summary} />}
        {canPublish && <CorrectionNotes articleId={articleId} />}
        {canPublish && (
          <p className="article-tools__readers">
            {newReaderMessages > 0 ? (
              <a href={`/readers?article=${articleId}`}>
                {newReaderMessages} new {newReaderMessages === 1 ? "message" : "messages"} from readers
              </a>
            ) : (
              <a href={`/readers?article=${articleId}&state=all`}>Messages from readers</a>
            )}
          </p>
        )}
        <p className="article-tools__exports">
          Export: <a href={`${api}?format=w3c`}>W3C annotations (JSON-LD)</a> · <a href={`${api}?format=csv`}>CSV</a> ·{" "}
          <a href={`/articles/${articleId}/report`}>Printable report</a>
        </p>
        {canImport && <AnnotationImport articleId={articleId} />}
      </div>
    </ToolsDisclosure>
  );
}
