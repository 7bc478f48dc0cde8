import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { EmptyQueue } from "@/components/queue/empty-queue";
import { QueueFilters } from "@/components/queue/queue-filters";
import { QueueTable } from "@/components/queue/queue-table";
import { StatusTabs } from "@/components/queue/status-tabs";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/page-actor";
import { mayActInBulk } from "@/lib/policies/annotation";
import { Invalid } from "@/lib/errors";
import { newsroomConfig } from "@/lib/newsroom/config";
import { searchParamsOf } from "@/lib/http/search-params";
import { listQueue, type QueuePage } from "@/lib/reviews/queue";
import { listQueueChoices } from "@/lib/reviews/queue-choices";
import { queueParamsOf, type QueueQuery } from "@/lib/reviews/queue-input";
import { queueHref } from "@/lib/reviews/queue-url";
import { dayIn } from "@/lib/time-zone";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const isMyQueue = (params: URLSearchParams) => params.getAll("assignee").join() === "me";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return { title: isMyQueue(searchParamsOf(await searchParams)) ? "My queue" : "Review queue" };
}

/** Whether a filter other than the status tabs and "assigned to me" narrows the queue. */
function isFiltered(query: QueueQuery): boolean {
  return !!(query.verdict.length || query.author || query.article || query.claimant || query.topic || query.from || query.to || (query.assignee && query.assignee !== "me"));
}

function InvalidQuery({ error, title }: { error: Invalid; title: string }) {
  return (
    <div className="page">
      <h1>{title}</h1>
      <div className="form-message" role="alert">
        <p>This address asks the queue for something it cannot show:</p>
        <ul>
          {Object.entries(error.fields).map(([field, message]) => (
            <li key={field}>
              <code>{field}</code> {message}
            </li>
          ))}
        </ul>
      </div>
      <p>
        <Link href="/queue">Open the review queue without filters</Link>
      </p>
    </div>
  );
}

/**
 * The review queue: claims across every article, filtered and ordered by the address (so that a view
 * can be shared and the back button works), a page at a time. "My queue" is the same page with
 * assignee=me, most urgent first.
 */
export default async function QueuePageView({ searchParams }: Props) {
  const params = searchParamsOf(await searchParams);
  const actor = await requirePageActor(params.size ? `/queue?${params}` : "/queue");
  const title = isMyQueue(params) ? "My queue" : "Review queue";
  const db = await getDb();
  let page: QueuePage;
  try {
    page = await listQueue(db, actor, queueParamsOf(params));
  } catch (error) {
    if (error instanceof Invalid) return <InvalidQuery error={error} title={title} />;
    throw error;
  }
  const choices = await listQueueChoices(db, actor, page.query.article);
  const { query } = page;
  const { timeZone } = newsroomConfig();
  // Remounted for each address: the form's fields start from the new query, and a selection belongs to one page.
  const href = queueHref(query);
  return (
    <div className="page page--wide queue-page">
      <header className="queue-page__header">
        <h1>{title}</h1>
        <p className="muted">
          {title === "My queue"
            ? "Claims assigned to you, most urgent first: open work before closed, then the earliest due."
            : "Claims across every article. Filter them, sort them by a column, and open one to check it in its article."}
        </p>
      </header>
      <StatusTabs page={page} />
      <QueueFilters key={`filters ${href}`} query={query} choices={choices} timeZone={timeZone} clearHref={title === "My queue" ? "/queue?assignee=me" : "/queue"} />
      {query.sort !== "urgency" && (
        <p className="queue-order-note">
          <Link href={queueHref(query, { sort: "urgency", dir: "asc" })}>Show the most urgent first</Link>
        </p>
      )}
      {page.rows.length ? (
        <QueueTable key={`table ${href}`} page={page} today={dayIn(timeZone)} canActInBulk={mayActInBulk(actor).allowed} />
      ) : (
        <EmptyQueue page={page} filtered={isFiltered(query)} />
      )}
      <Pagination page={query.page} pageCount={page.pageCount} href={(target) => queueHref(query, { page: target })} />
    </div>
  );
}
