import Link from "next/link";

/** The address of the desk's list of articles filed under `topic`. */
export const topicListHref = (topic: string) => `/?topic=${encodeURIComponent(topic)}`;

/** The topics an article is filed under, each a link to the articles of that topic (`href`); nothing when it has none. */
export function TopicLinks({ topics, href, label = "Topics" }: { topics: readonly string[]; href(topic: string): string; label?: string }) {
  if (topics.length === 0) return null;
  return (
    <ul className="topic-links" aria-label={label}>
      {topics.map((topic) => (
        <li key={topic}>
          <Link href={href(topic)}>{topic}</Link>
        </li>
      ))}
    </ul>
  );
}
