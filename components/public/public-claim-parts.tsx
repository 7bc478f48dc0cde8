import { VERDICT_LABELS, type Verdict } from "@/lib/annotations/verdicts";
import type { PublicSource } from "@/lib/publishing/public-view";

/** A verdict as public pages and embeds show it: a badge in its colour. */
export function PublicVerdict({ verdict }: { verdict: Verdict | null }) {
  return <span className={`verdict-badge verdict-badge--${verdict ?? "none"}`}>{verdict ? VERDICT_LABELS[verdict] : "No verdict"}</span>;
}

/**
 * A claim's sources as readers see them: each linked by its title (else its address), with its publisher,
 * and its archived copy when `archived`. In an embed (`newTab`), links open a new tab, never the frame.
 */
export function PublicSourceItems({ sources, newTab = false, archived = true }: { sources: PublicSource[]; newTab?: boolean; archived?: boolean }) {
  const target = newTab ? "_blank" : undefined;
  return (
    <ul>
      {sources.map((source, index) => (
        <li key={index}>
          <a href={source.url} target={target} rel="nofollow noopener ugc">
            {source.title || source.url}
          </a>
          {source.publisher && <span className="muted"> · {source.publisher}</span>}
          {archived && source.archiveUrl && (
            <>
              {" · "}
              <a href={source.archiveUrl} target={target} rel="nofollow noopener ugc">
                archived copy
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
