import Link from "next/link";
import { CLAIMANT_LIMITS } from "@/lib/annotations/claimant";
import { MAX_TOPIC_LENGTH } from "@/lib/articles/topic-limits";
import { VERDICTS, VERDICT_LABELS } from "@/lib/annotations/verdicts";
import type { QueueChoices } from "@/lib/reviews/queue-choices";
import { timeZoneLabel } from "@/lib/time-zone";
import { DEFAULT_DIRECTIONS, DEFAULT_PAGE_SIZE, MAX_QUEUE_SEARCH, NO_VERDICT, PLACEMENT_FILTERS, QUEUE_PAGE_SIZES, type QueueQuery } from "@/lib/reviews/queue-input";
import { ArticlePicker } from "../article-picker";
import { ChoiceField } from "../choice-field";
import { FilterForm } from "../filter-form";

type Props = { query: QueueQuery; choices: QueueChoices; /** The newsroom's, in whose days the dates are read. */ timeZone: string; clearHref: string };

/** A list filter's value in one field: the queue reads commas as several values. */
const joined = (values: readonly string[]) => values.join(",");

function PersonOptions({ people }: { people: QueueChoices["people"] }) {
  return people.map((person) => (
    <option key={person.id} value={person.id}>
      {person.name}
      {person.disabled ? " (disabled)" : ""}
    </option>
  ));
}

/**
 * The queue's filters as a GET form: applying them changes the address, so a filtered queue can be
 * shared, bookmarked and returned to with the back button. The status (chosen with the tabs) and
 * the order (chosen with the column headers) ride along in hidden fields.
 */
export function QueueFilters({ query, choices, timeZone, clearHref }: Props) {
  const defaultSort = query.assignee === "me" ? "urgency" : "updated";
  return (
    <FilterForm action="/queue" label="Filters" className="queue-filters">
      {query.status.length > 0 && <input type="hidden" name="status" value={joined(query.status)} />}
      {query.sort !== defaultSort && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir !== DEFAULT_DIRECTIONS[query.sort] && <input type="hidden" name="dir" value={query.dir} />}
      <div className="queue-filters__fields">
        <div className="queue-filter queue-filter--search">
          <label htmlFor="queue-search">Words of the claim or who made it</label>
          <input
            id="queue-search"
            type="search"
            name="q"
            defaultValue={query.q ?? ""}
            maxLength={MAX_QUEUE_SEARCH}
            placeholder={'landmines "non-persistent" -Russia'}
            aria-describedby="queue-search-help"
          />
          <p id="queue-search-help" className="muted field-help">
            Every word, in any form, of the quote or the claimant&apos;s name; <code>&quot;a phrase&quot;</code> in quotes; <code>-word</code> leaves a word
            out; <code>or</code> for either.
          </p>
        </div>
        <div className="queue-filter">
          <label htmlFor="queue-verdict">Verdict</label>
          <select id="queue-verdict" name="verdict" defaultValue={joined(query.verdict)}>
            <option value="">Any verdict</option>
            <option value={NO_VERDICT}>No verdict yet</option>
            {VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {VERDICT_LABELS[verdict]}
              </option>
            ))}
            {query.verdict.length > 1 && <option value={joined(query.verdict)}>{query.verdict.length} verdicts</option>}
          </select>
        </div>
        <div className="queue-filter">
          <label htmlFor="queue-placement">Placement</label>
          <select id="queue-placement" name="placement" defaultValue={joined(PLACEMENT_FILTERS.filter((placement) => query.placement.includes(placement)))}>
            <option value="">Any placement</option>
            <option value="check">To check</option>
            <option value="orphaned">Orphaned</option>
            <option value={joined(PLACEMENT_FILTERS)}>To check or orphaned</option>
          </select>
        </div>
        <div className="queue-filter">
          <label htmlFor="queue-assignee">Assignee</label>
          <select id="queue-assignee" name="assignee" defaultValue={query.assignee ?? ""}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="unassigned">Unassigned</option>
            <PersonOptions people={choices.people} />
          </select>
        </div>
        <div className="queue-filter">
          <label htmlFor="queue-author">Author</label>
          <select id="queue-author" name="author" defaultValue={query.author ?? ""}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <PersonOptions people={choices.people} />
          </select>
        </div>
        <ArticlePicker className="queue-filter queue-filter--wide" name="article" label="Article" initial={choices.article} />
        <div className="queue-filter queue-filter--wide">
          <ChoiceField
            id="queue-claimant"
            name="claimant"
            label="Who made the claim"
            choices={choices.claimants}
            defaultValue={query.claimant ?? ""}
            maxLength={CLAIMANT_LIMITS.name}
            placeholder="Anyone"
            help="The whole name, in any case."
          />
        </div>
        <div className="queue-filter">
          <ChoiceField
            id="queue-topic"
            name="topic"
            label="Topic"
            choices={choices.topics}
            defaultValue={query.topic ?? ""}
            maxLength={MAX_TOPIC_LENGTH}
            placeholder="Any"
            help="Claims on the articles filed under it."
          />
        </div>
        <fieldset className="queue-filter queue-filter--dates">
          <legend>Last changed ({timeZoneLabel(timeZone)})</legend>
          <label htmlFor="queue-from" className="visually-hidden">
            Last changed from
          </label>
          <input id="queue-from" type="date" name="from" defaultValue={query.from ?? ""} />
          <span aria-hidden="true">–</span>
          <label htmlFor="queue-to" className="visually-hidden">
            Last changed until
          </label>
          <input id="queue-to" type="date" name="to" defaultValue={query.to ?? ""} />
        </fieldset>
        <div className="queue-filter">
          <label htmlFor="queue-page-size">Per page</label>
          {/* The default size's value is empty, so that choosing it leaves the address without it. */}
          <select id="queue-page-size" name="pageSize" defaultValue={query.pageSize === DEFAULT_PAGE_SIZE ? "" : String(query.pageSize)}>
            {QUEUE_PAGE_SIZES.map((size) => (
              <option key={size} value={size === DEFAULT_PAGE_SIZE ? "" : size}>
                {size}
              </option>
            ))}
            {!(QUEUE_PAGE_SIZES as readonly number[]).includes(query.pageSize) && <option value={query.pageSize}>{query.pageSize}</option>}
          </select>
        </div>
      </div>
      <div className="queue-filters__actions">
        <button type="submit" className="primary">
          Apply filters
        </button>
        <Link href={clearHref}>Clear filters</Link>
      </div>
    </FilterForm>
  );
}
