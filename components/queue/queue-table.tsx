import Link from "next/link";
import { ClaimantLine } from "../claimant-line";
import type { QueuePage, QueueRow } from "@/lib/reviews/queue";
import { DEFAULT_DIRECTIONS, type QueueQuery, type QueueSort } from "@/lib/reviews/queue-input";
import { queueHref } from "@/lib/reviews/queue-url";
import { StatusBadge, VerdictBadge } from "../workbench/status-badge";
import { BulkActions } from "./bulk-actions";
import { DeskTime } from "../time-zone";
import { formatDueDate } from "@/lib/dates";
import { RowCheckbox, SelectAllCheckbox, SelectionForm } from "./selection";
import { describeOrder } from "./order-label";

/** A column header that sorts by its column: the link sorts the other way when the column is the sort already. */
function SortableHeader({ query, sort, children }: { query: QueueQuery; sort: QueueSort; children: string }) {
  const active = query.sort === sort;
  const next = active ? (query.dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTIONS[sort];
  return (
    <th scope="col" aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={queueHref(query, { sort, dir: next })} className="sort-link">
        {children}
        <span className="sort-link__arrow" aria-hidden="true">
          {active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
        <span className="visually-hidden">, sort {describeOrder(sort, next)}</span>
      </Link>
    </th>
  );
}

/** Where a row leads: the article, with this claim's card open and its highlight in view. */
function claimHref(row: Pick<QueueRow, "id" | "article">): string {
  return `/articles/${row.article.id}?annotation=${row.id}`;
}

function DueDate({ row, today }: { row: QueueRow; today: string }) {
  if (!row.dueOn) return <span className="muted">—</span>;
  const open = row.status !== "approved" && row.status !== "rejected";
  return (
    <>
      <time dateTime={row.dueOn}>{formatDueDate(row.dueOn)}</time>
      {open && row.dueOn < today && <span className="badge badge--overdue">Overdue</span>}
      {open && row.dueOn === today && <span className="badge badge--due-today">Due today</span>}
    </>
  );
}

function Moment({ iso }: { iso: string }) {
  return <DeskTime at={iso} timeClassName="queue-table__time" />;
}

function ClaimRow({ row, today, query }: { row: QueueRow; today: string; query: QueueQuery }) {
  return (
    <tr>
      <td className="queue-table__select">
        <RowCheckbox id={row.id} label={`Select the claim “${row.quote.slice(0, 60)}”`} />
      </td>
      <th scope="row" className="queue-table__claim">
        <Link href={claimHref(row)} className="queue-table__quote">
          {row.quote}
        </Link>
        <ClaimantLine
          claimant={row.claimant}
          className="queue-table__claimant"
          href={row.claimant && query.claimant?.toLowerCase() !== row.claimant.name.toLowerCase() ? queueHref(query, { claimant: row.claimant.name }) : undefined}
          linkHint="(their claims in the queue)"
        />
        {(row.orphaned || row.needsPlacement) && (
          <span className="queue-table__flags">
            {row.orphaned && <span className="badge badge--orphaned">Orphaned</span>}
            {row.needsPlacement && <span className="badge badge--check">Check placement</span>}
          </span>
        )}
      </th>
      <td>
        <Link href={`/articles/${row.article.id}`} className="queue-table__article">
          {row.article.title}
        </Link>
      </td>
      <td>
        <StatusBadge status={row.status} />
      </td>
      <td>
        <VerdictBadge verdict={row.verdict} />
      </td>
      <td>{row.author.name}</td>
      <td>{row.assignee ? row.assignee.name : <span className="muted">Unassigned</span>}</td>
      <td className="queue-table__date">
        <DueDate row={row} today={today} />
      </td>
      <td className="queue-table__date">
        <Moment iso={row.createdAt} />
      </td>
      <td className="queue-table__date">
        <Moment iso={row.updatedAt} />
      </td>
    </tr>
  );
}

/**
 * The page's claims as a table inside the selection form (see bulk-actions.tsx), the caption saying
 * what is shown and in which order. `today` (YYYY-MM-DD, the newsroom's) marks the overdue.
 */
export function QueueTable({ page, today, canActInBulk }: { page: QueuePage; today: string; canActInBulk: boolean }) {
  const { query, rows, total } = page;
  const first = (query.page - 1) * query.pageSize + 1;
  return (
    <SelectionForm pageIds={rows.map((row) => row.id)} label="Claims on this page">
      <BulkActions canAct={canActInBulk} />
      <div className="queue-table__scroller">
        <table className="queue-table">
          <caption>
            {total.toLocaleString("en")} {total === 1 ? "claim" : "claims"}
            {rows.length > 0 && `, ${first.toLocaleString("en")}–${(first + rows.length - 1).toLocaleString("en")} shown`}, sorted {describeOrder(query.sort, query.dir)}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="queue-table__select">
                <SelectAllCheckbox />
              </th>
              <th scope="col">Claim</th>
              <SortableHeader query={query} sort="article">
                Article
              </SortableHeader>
              <SortableHeader query={query} sort="status">
                Status
              </SortableHeader>
              <th scope="col">Verdict</th>
              <th scope="col">Author</th>
              <th scope="col">Assignee</th>
              <SortableHeader query={query} sort="due">
                Due
              </SortableHeader>
              <SortableHeader query={query} sort="created">
                Created
              </SortableHeader>
              <SortableHeader query={query} sort="updated">
                Last change
              </SortableHeader>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <ClaimRow key={row.id} row={row} today={today} query={query} />
            ))}
          </tbody>
        </table>
      </div>
    </SelectionForm>
  );
}
