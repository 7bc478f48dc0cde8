import type { Metadata } from "next";
import Link from "next/link";
import { topicListHref } from "@/components/articles/topic-links";
import { TopicActions } from "@/components/articles/topic-admin";
import { getDb } from "@/db/client";
import { FilterForm } from "@/components/filter-form";
import { listDeskTopics, MAX_LISTED } from "@/lib/articles/topic-admin";
import { MAX_TOPIC_LENGTH } from "@/lib/articles/topic-limits";
import { requirePageActor } from "@/lib/auth/page-actor";
import { mayEditArticle } from "@/lib/policies/article";

export const metadata: Metadata = { title: "Topics" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The desk's topics, each with its articles counted and a link to them; editors rename (or merge) and remove them. */
export default async function TopicsPage({ searchParams }: Props) {
  const q = ([(await searchParams).q].flat()[0] ?? "").trim().slice(0, MAX_TOPIC_LENGTH);
  const actor = await requirePageActor(q ? `/topics?q=${encodeURIComponent(q)}` : "/topics");
  const { topics, more } = await listDeskTopics(await getDb(), actor, { q });
  const canEdit = mayEditArticle(actor).allowed;
  return (
    <div className="page">
      <h1>Topics</h1>
      <p className="muted">
        The topics articles are filed under, as editors give them on each article (<strong>Add topics</strong> under its title).
        {canEdit && " Rename one to fix its spelling or to merge it into another; remove one the desk no longer uses."}{" "}
        <Link href="/">Articles</Link>
      </p>
      {/* Keyed by the search, so that the field shows the address's search after a link changes it. */}
      <FilterForm key={q} action="/topics" role="search" className="article-search" label="Find a topic">
        <label htmlFor="topic-search">Topics containing</label>
        <input id="topic-search" name="q" type="search" defaultValue={q} maxLength={MAX_TOPIC_LENGTH} />
        <button type="submit" className="secondary">
          Find
        </button>
      </FilterForm>
      {q && (
        <p role="status">
          {topics.length === 0 ? `No topic contains “${q}”.` : `${topics.length.toLocaleString("en")}${more ? "+" : ""} ${topics.length === 1 ? "topic contains" : "topics contain"} “${q}”.`}{" "}
          <Link href="/topics">Every topic</Link>
        </p>
      )}
      {more && <p className="muted">The first {MAX_LISTED.toLocaleString("en")} topics are listed: find the others by a word of their name.</p>}
      {topics.length === 0 ? (
        !q && <p className="empty-state">No article is filed under a topic yet.</p>
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
