import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, Fragment, type ReactNode } from "react";
import { ArchiveControls, ArchivedNotice } from "@/components/articles/archive-controls";
import { ArticleTopics } from "@/components/articles/article-topics";
import { EditDetails } from "@/components/articles/edit-details";
import { ArticleTools } from "@/components/publishing/article-tools";
import { PublicationProvider } from "@/components/publishing/publication-context";
import { Workbench } from "@/components/workbench/workbench";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/page-actor";
import { mayBeDeleted } from "@/lib/articles/archive";
import { countNewReaderMessages } from "@/lib/reader-messages/desk";
import { readOriginalWatch } from "@/lib/articles/original-watch";
import { readArticleTopics, topicChoices } from "@/lib/articles/topics";
import { getArticle } from "@/lib/articles/service";
import { NotFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { newsroomConfig } from "@/lib/newsroom/config";
import { mayArchiveArticle, mayEditArticle, mayImportAnnotations, mayPublishArticle } from "@/lib/policies/article";
import { readPublication } from "@/lib/publishing/service";
import { readPublicSummary } from "@/lib/publishing/summary";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };
type Props = Params & { searchParams: Promise<{ annotation?: string | string[] }> };

/** Loaded once per request, shared by the metadata and the page. */
const load = cache(async (id: string) => {
  const actor = await requirePageActor(`/articles/${id}`);
  if (!isId(id)) notFound();
  const db = await getDb();
  try {
    const canArchive = mayArchiveArticle(actor).allowed;
    return {
      actor,
      canArchive,
      deletable: canArchive && (await mayBeDeleted(db, id)),
      article: await getArticle(db, actor, id),
      publication: await readPublication(db, actor, id),
      summary: (await readPublicSummary(db, actor, id)).summary,
      newReaderMessages: await countNewReaderMessages(db, actor, id),
      original: await readOriginalWatch(db, actor, id),
      topics: await readArticleTopics(db, actor, id),
      topicChoices: mayEditArticle(actor).allowed ? (await topicChoices(db, actor)).map((choice) => choice.name) : [],
    };
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { article } = await load((await params).id);
  return { title: article.title };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { actor, article, publication, summary, canArchive, deletable, newReaderMessages, original, topics, topicChoices } = await load((await params).id);
  // `?annotation=<id>` opens that claim (the review queue links so); anything but an id opens none.
  const { annotation } = await searchParams;
  const openClaimId = typeof annotation === "string" && isId(annotation) ? annotation : null;
  const { appUrl } = newsroomConfig();
  return (
    <PublicationProvider initial={publication} appUrl={appUrl}>
      <div className="article-page">
        <header className="article-page__header">
          {article.archived && <ArchivedNotice articleId={article.id} archived={article.archived} canRestore={canArchive} />}
          <h1>{article.title}</h1>
          <div className="muted article-page__meta">
            {interleaved(
              [
                article.byline,
                article.publishedOn,
                article.originalUrl && /^https?:\/\//i.test(article.originalUrl) && (
                  <a href={article.originalUrl} rel="nofollow noopener noreferrer" target="_blank">
                    original
                  </a>
                ),
                mayEditArticle(actor).allowed && (
                  <EditDetails
                    articleId={article.id}
                    details={{ title: article.title, byline: article.byline, originalUrl: article.originalUrl, publishedOn: article.publishedOn }}
                  />
                ),
                canArchive && !article.archived && <ArchiveControls articleId={article.id} title={article.title} deletable={deletable} />,
              ],
              " · ",
            )}
          </div>
          <ArticleTopics articleId={article.id} topics={topics} choices={topicChoices} canEdit={mayEditArticle(actor).allowed} />
          <ArticleTools
            articleId={article.id}
            title={article.title}
            publication={publication}
            summary={summary}
            canPublish={mayPublishArticle(actor).allowed}
            canImport={mayImportAnnotations(actor).allowed}
            newReaderMessages={newReaderMessages}
          />
        </header>
        <Workbench
          articleId={article.id}
          doc={article.doc}
          revision={article.revision}
          actor={actor}
          canEditArticle={mayEditArticle(actor).allowed}
          originalUrl={article.originalUrl}
          original={original}
          openClaimId={openClaimId}
        />
      </div>
    </PublicationProvider>
  );
}

/** The given parts (falsy ones left out) with `separator` between them. */
function interleaved(parts: ReactNode[], separator: string): ReactNode[] {
  return parts.filter(Boolean).flatMap((part, index) => (index === 0 ? [part] : [separator, part])).map((part, index) => <Fragment key={index}>{part}</Fragment>);
}
