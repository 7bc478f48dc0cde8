/** The public index's address narrowed to the fact-checks filed under `topic`. */
export const topicIndexHref = (topic: string) => `/p?topic=${encodeURIComponent(topic)}`;

/**
 * "Topics: Health, Elections" under a fact-check's title, on its public page and in the index: each
 * topic a link to the index of that topic. Nothing when it is filed under none.
 */
export function PublicTopics({ topics }: { topics: string[] }) {
  if (topics.length === 0) return null;
  return (
    <div className="public-topics">
      <span className="public-topics__label" aria-hidden="true">
        Topics:
      </span>{" "}
      <ul className="public-topics__list" aria-label="Topics">
        {topics.map((topic) => (
          <li key={topic}>
            <a href={topicIndexHref(topic)}>{topic}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
