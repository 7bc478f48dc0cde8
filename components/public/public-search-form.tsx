import { VERDICT_LABELS, VERDICTS } from "@/lib/annotations/verdicts";
import type { PublicSearch } from "@/lib/publishing/public-index";

/** The index's search: words and a verdict, sent as a plain GET form, so that it works without JavaScript. */
export function PublicSearchForm({ search }: { search: PublicSearch }) {
  return (
    <form className="public-search" role="search" action="/p" method="get">
      <label>
        <span>Search fact-checks</span>
        <input type="search" name="q" defaultValue={search.q} maxLength={200} placeholder="Words of a title, a byline or a claim" />
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
