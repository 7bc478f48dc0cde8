import type { SourceRecord } from "@/lib/annotations/record";
import { isSafeHttpUrl } from "@/lib/urls";

/** A source's address as a link that opens in a new tab, or plain text when it is not http(s). */
function SourceLink({ url, children }: { url: string; children: React.ReactNode }) {
  if (!isSafeHttpUrl(url)) return <span>{children}</span>;
  return (
    <a href={url} target="_blank" rel="nofollow noopener noreferrer ugc">
      {children}
    </a>
  );
}

/** A claim's sources, numbered: title (or address) linked, publisher, day read, archived copy and quoted passage. */
export function SourceList({ sources }: { sources: SourceRecord[] }) {
  return (
    <ol className="claim-card__sources">
      {sources.map((source, index) => (
        <li key={index}>
          <SourceLink url={source.url}>{source.title || source.url}</SourceLink>
          {source.publisher && <span className="muted"> — {source.publisher}</span>}
          <span className="muted"> (accessed {source.accessedAt})</span>
          {source.archiveUrl && (
            <>
              {" "}
              <SourceLink url={source.archiveUrl}>archived copy</SourceLink>
            </>
          )}
          {source.quote && <blockquote>{source.quote}</blockquote>}
        </li>
      ))}
    </ol>
  );
}
