import { VERDICT_LABELS, VERDICTS } from "@/lib/annotations/verdicts";
import type { PublicSearch } from "@/lib/publishing/public-index";

/**
 * The index's search: words and a verdict, sent as a plain GET form, so that it works without JavaScript.
 * Asked for one claimant's claims or one topic, it searches among them.
 */
export function PublicSearchForm({ search }: { search: PublicSearch }) {
  return (
    <form className="public-search" role="search" action="/p" method="get">
      {search.claimant && <input type="hidden" name="claimant" value={search.claimant} />}
      {search.topic && <input type="hidden" name="topic" value={search.topic} />}
      <label>
        <span>Search fact-checks</span>
        <input type="search" name="q" defaultValue={search.q} maxLength={200} placeholder="Words of a title, a byline, a claim or who made it" />
      </label>
      <label>
        <span>Verdict</span>
        <select name="verdict" defaultValue={search.verdict}>
          <option value="">Any verdict</option>
          {VERDICTS.map((verdict) => (
            <option key={verdict} value={verdict}>
              {VERDICT_LABELS[verdict]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Search</button>
    </form>
  );
}
