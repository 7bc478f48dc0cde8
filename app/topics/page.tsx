import type { Metadata } from "next";
import Link from "next/link";
import { topicListHref } from "@/components/articles/topic-links";
import { TopicActions } from "@/components/articles/topic-admin";
import { getDb } from "@/db/client";
import { listDeskTopics } from "@/lib/articles/topic-admin";
import { requirePageActor } from "@/lib/auth/page-actor";
import { mayEditArticle } from "@/lib/policies/article";

export const metadata: Metadata = { title: "Topics" };
export const dynamic = "force-dynamic";

/** The desk's topics, each with its articles counted and a link to them; editors rename (or merge) and remove them. */
export default async function TopicsPage() {
  const actor = await requirePageActor("/topics");
  const topics = await listDeskTopics(await getDb(), actor);
  const canEdit = mayEditArticle(actor).allowed;
  return (
    <div className="page">
      <h1>Topics</h1>
      <p className="muted">
        The topics articles are filed under, as editors give them on each article (<strong>Add topics</strong> under its title).
        {canEdit && " Rename one to fix its spelling or to merge it into another; remove one the desk no longer uses."}{" "}
        <Link href="/">Articles</Link>
      </p>
      {topics.length === 0 ? (
        <p className="empty-state">No article is filed under a topic yet.</p>
      ) : (
        <table className="topic-table">
          <caption className="visually-hidden">The desk&apos;s topics, by name, with their articles counted</caption>
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Articles</th>
              <th scope="col">Published</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) => (
              <tr key={topic.name}>
                <th scope="row">
                  <Link href={topicListHref(topic.name)}>{topic.name}</Link>
                </th>
                <td>{topic.articles.toLocaleString("en")}</td>
                <td>{topic.published.toLocaleString("en")}</td>
                {canEdit && (
                  <td>
                    <TopicActions topic={topic} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
