import Link from "next/link";
import { ArticleListKeys } from "@/components/article-list-keys";
import { ClaimProgress } from "@/components/articles/claim-progress";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/page-actor";
import { listArticles } from "@/lib/articles/service";
import { mayImportArticle } from "@/lib/policies/article";

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
    </div>
  );
}
