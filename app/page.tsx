import Link from "next/link";
import { ArticleListKeys } from "@/components/article-list-keys";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/page-actor";
import { listArticles } from "@/lib/articles/service";
import { mayImportArticle } from "@/lib/policies/article";
import { REVIEW_STATUSES, REVIEW_STATUS_LABELS } from "@/lib/reviews/statuses";

export const dynamic = "force-dynamic";

export default async function ArticlesPage() {
  const actor = await requirePageActor("/");
  const articles = await listArticles(await getDb(), actor);
  return (
    <div className="page">
      <h1>Articles</h1>
      {mayImportArticle(actor).allowed && (
        <p>
          <Link href="/articles/new">New article</Link>
        </p>
      )}
      {articles.length === 0 ? (
        <p className="muted">No articles yet.</p>
      ) : (
        <ArticleListKeys>
          <table className="article-table">
            <thead>
              <tr>
                <th scope="col">Title</th>
                {REVIEW_STATUSES.map((status) => (
                  <th scope="col" key={status} className="numeric">
                    {REVIEW_STATUS_LABELS[status]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {articles.map((article) => (
                <tr key={article.id} data-list-item>
                  <th scope="row">
                    <Link href={`/articles/${article.id}`}>{article.title}</Link>
                    {article.byline && <div className="muted">{article.byline}</div>}
                  </th>
                  {REVIEW_STATUSES.map((status) => (
                    <td key={status} className="numeric">
                      {article.claimsByStatus[status]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ArticleListKeys>
      )}
    </div>
  );
}
