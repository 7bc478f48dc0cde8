import Link from "next/link";
import { ARTICLE_SEARCH_ID, ArticleListKeys } from "@/components/article-list-keys";
import { ClaimProgress } from "@/components/articles/claim-progress";
import { DeskTime } from "@/components/time-zone";
import { TopicLinks } from "@/components/articles/topic-links";
import { Pagination } from "@/components/pagination";
import { ChoiceField } from "@/components/choice-field";
import { FilterForm } from "@/components/filter-form";
import { getDb } from "@/db/client";
import { listArticles, type ArticleListPage, type ArticleListQuery } from "@/lib/articles/list";
import { MAX_TOPIC_LENGTH } from "@/lib/articles/topic-limits";
import { topicChoices } from "@/lib/articles/topics";
import { requirePageActor } from "@/lib/auth/page-actor";
import { Invalid } from "@/lib/errors";
import { mayImportArticle } from "@/lib/policies/article";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The address of a page of the list, keeping the search, the topic and the view (current or archived articles). */
function listHref(query: Pick<ArticleListQuery, "q" | "archived"> & { topic?: string }, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.topic) params.set("topic", query.topic);
  if (query.archived) params.set("archived", "true");
  if (page > 1) params.set("page", String(page));
  return params.size ? `/?${params}` : "/";
}

function Summary({ list }: { list: ArticleListPage }) {
  const { query, total, pageCount } = list;
  const articles = `${total.toLocaleString("en")} ${total === 1 ? "article" : "articles"}`;
  if (query.page > pageCount) {
    return (
      <p role="status">
        There is no page {query.page.toLocaleString("en")}: the {articles} fill {pageCount.toLocaleString("en")} {pageCount === 1 ? "page" : "pages"}.{" "}
        <Link href={listHref(query, pageCount)}>Go to the last page</Link>
      </p>
    );
  }
  if (!query.q && !query.topic) return null;
  const which = query.archived ? "archived article" : "article";
  const archived = list.archivedMatches;
  const filed = query.topic ? ` filed under “${query.topic}”` : "";
  return (
    <p role="status">
      {query.q
        ? total === 0
          ? filed
            ? `No ${which}${filed} has “${query.q}” in its title or byline.`
            : `No ${which}'s title or byline contains “${query.q}”.`
          : `${articles}${filed} with “${query.q}” in the title or byline.`
        : total === 0
          ? `No ${which} is filed under “${query.topic}”.`
          : `${articles}${filed}.`}{" "}
      {archived > 0 && (
        <>
          <Link href={listHref({ q: query.q, topic: query.topic, archived: true }, 1)}>
            {archived.toLocaleString("en")} archived {archived === 1 ? "article has" : "articles have"} it too
          </Link>
          {" · "}
        </>
      )}
      <Link href={listHref({ q: "", archived: query.archived }, 1)}>Show every {which}</Link>
    </p>
  );
}

export default async function ArticlesPage({ searchParams }: Props) {
  // The search and the page, each once; other parameters are not the list's.
  const params = await searchParams;
  const wanted = new URLSearchParams();
  for (const name of ["q", "topic", "archived", "page"]) {
    const value = [params[name]].flat()[0];
    if (value) wanted.set(name, value);
  }
  const actor = await requirePageActor(wanted.size ? `/?${wanted}` : "/");
  let list: ArticleListPage;
  const db = await getDb();
  const topics = await topicChoices(db, actor);
  try {
    list = await listArticles(db, actor, Object.fromEntries(wanted));
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return (
      <div className="page">
        <h1>Articles</h1>
        <p role="alert">
          This address asks for a page of the list that cannot be: {Object.entries(error.fields).map(([field, message]) => `${field} ${message}`).join("; ")}.{" "}
          <Link href="/">Show every article</Link>
        </p>
      </div>
    );
  }
  const { query, articles } = list;
  return (
    <div className="page">
      <h1>{query.archived ? "Archived articles" : "Articles"}</h1>
      <div className="article-list-tools">
        {query.archived ? (
          <Link href="/">Current articles</Link>
        ) : (
          list.archivedTotal > 0 && <Link href={listHref({ q: "", archived: true }, 1)}>Archived ({list.archivedTotal.toLocaleString("en")})</Link>
        )}
        {mayImportArticle(actor).allowed && <Link href="/articles/new">New article</Link>}
        <Link href="/topics">Topics</Link>
        <Link href="/p">Published fact-checks</Link>
        {/* Keyed by the search, so that the field shows the address's search after a link changes it. */}
        {/* Empty fields stay out of the address (with JavaScript; a plain GET form without). */}
        <FilterForm key={`${query.q}\n${query.topic}`} action="/" role="search" className="article-search" label={query.archived ? "Search the archived articles" : "Search the articles"}>
          {query.archived && <input type="hidden" name="archived" value="true" />}
          <label htmlFor={ARTICLE_SEARCH_ID}>Search titles and bylines</label>
          <input id={ARTICLE_SEARCH_ID} name="q" type="search" defaultValue={query.q} maxLength={200} />
          <ChoiceField
            id="article-topic"
            className="article-search__topic"
            name="topic"
            label="Topic"
            choices={topics.map((topic) => topic.name)}
            defaultValue={query.topic}
            maxLength={MAX_TOPIC_LENGTH}
            placeholder="Any"
          />
          <button type="submit" className="secondary">
            Search
          </button>
        </FilterForm>
      </div>
      <Summary list={list} />
      {list.total === 0 && !query.q && !query.topic ? (
        <p className="muted">{query.archived ? "No archived articles." : "No articles yet."}</p>
      ) : articles.length === 0 ? null : (
        <ArticleListKeys>
          <table className="article-table">
            <caption className="visually-hidden">Articles, newest first, with the review progress of their claims</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col" className="article-table__progress">
                  Claims by status
                </th>
              </tr>
            </thead>
            <tbody>
              {articles.map((article) => (
                <tr key={article.id} data-list-item>
                  <th scope="row">
                    <Link href={`/articles/${article.id}`}>{article.title}</Link>
                    {article.byline && <div className="muted">{article.byline}</div>}
                    <TopicLinks topics={article.topics} href={(topic) => listHref({ q: "", topic, archived: query.archived }, 1)} />
                    <div className="muted article-table__revised">
                      {article.revision > 1 ? `Revision ${article.revision}, saved ` : "Added "}
                      <DeskTime at={article.revisedAt} />
                      {article.archivedAt && (
                        <>
                          {" · Archived "}
                          <DeskTime at={article.archivedAt} />
                        </>
                      )}
                      {article.originalChangedAt && (
                        <>
                          {" · "}
                          <strong className="original-changed">Original changed <DeskTime at={article.originalChangedAt} /></strong>
                        </>
                      )}
                      {article.publicSlug && (
                        <>
                          {" · "}
                          <Link href={`/p/${article.publicSlug}`}>
                            Public page<span className="visually-hidden"> of {article.title}</span>
                          </Link>
                        </>
                      )}
                    </div>
                  </th>
                  <td className="article-table__progress">
                    <ClaimProgress article={article} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ArticleListKeys>
      )}
      <Pagination page={query.page} pageCount={list.pageCount} href={(target) => listHref(query, target)} />
    </div>
  );
}
