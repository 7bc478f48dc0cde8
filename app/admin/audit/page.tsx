import type { Metadata } from "next";
import Link from "next/link";
import { ArticlePicker } from "@/components/article-picker";
import { FilterSelect } from "@/components/filter-select";
import { RefusedPage } from "@/components/refused-page";
import { getDb } from "@/db/client";
import { articleChoice } from "@/lib/articles/list";
import { requirePageActor } from "@/lib/auth/page-actor";
import { describeEntry } from "@/lib/audit/describe";
import { listAuditEntries, type AuditEntryRecord } from "@/lib/audit/queries";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_SUBJECT_LABELS, AUDIT_SUBJECTS } from "@/lib/audit/vocabulary";
import { Invalid } from "@/lib/errors";
import { newsroomConfig } from "@/lib/newsroom/config";
import { mayViewAuditTrail } from "@/lib/policies/audit";
import { formatMomentIn } from "@/lib/time-zone";
import { listUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Audit trail" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FILTERS = ["actor", "article", "subject", "action", "from", "to"] as const;

/** The filters of the URL, each as one string (a repeated parameter keeps its first value). */
function filtersOf(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const key of [...FILTERS, "before"]) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) filters[key] = first;
  }
  return filters;
}

function pageLink(filters: Record<string, string>, before: number | null): string {
  const query = new URLSearchParams(Object.entries(filters).filter(([key]) => key !== "before"));
  if (before) query.set("before", String(before));
  return `/admin/audit?${query.toString()}`;
}

function Values({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        <pre>{JSON.stringify(value, null, 2)}</pre>
      </dd>
    </div>
  );
}

function subjectLink(entry: AuditEntryRecord) {
  if (!entry.article) return <span className="muted">{AUDIT_SUBJECT_LABELS[entry.subject]}</span>;
  const href = entry.annotationId ? `/articles/${entry.article.id}?annotation=${entry.annotationId}` : `/articles/${entry.article.id}`;
  return (
    <>
      <span className="muted">{AUDIT_SUBJECT_LABELS[entry.subject]} in </span>
      <Link href={href}>{entry.article.title}</Link>
    </>
  );
}

/** The audit trail for admins: every change, newest first, filtered by person, article, kind of change and day. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor("/admin/audit");
  const decision = mayViewAuditTrail(actor);
  if (!decision.allowed) return <RefusedPage title="Audit trail" reason={decision.reason} />;
  const db = await getDb();
  const filters = filtersOf(await searchParams);
  const { timeZone } = newsroomConfig();
  const [users, article] = await Promise.all([listUsers(db, actor), articleChoice(db, actor, filters.article)]);
  let page: Awaited<ReturnType<typeof listAuditEntries>> | null = null;
  let problem: string | null = null;
  try {
    page = await listAuditEntries(db, actor, filters);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    problem = `${error.message}. Correct the filter and search again.`;
  }

  return (
    <div className="page page--wide">
      <h1>Audit trail</h1>
      <p className="muted">Every change to claims, sources, comments, articles and users: who made it, when, and the values before and after. Entries cannot be changed or deleted.</p>
      <form method="get" className="filters" aria-label="Filter the audit trail">
        <FilterSelect
          className="filters__field"
          id="audit-actor"
          name="actor"
          label="Person"
          anyLabel="Anyone"
          value={filters.actor}
          options={users.map((user) => ({ value: user.id, label: user.name }))}
        />
        <ArticlePicker className="filters__field" name="article" label="Article" initial={article} />
        <FilterSelect
          className="filters__field"
          id="audit-subject"
          name="subject"
          label="About"
          anyLabel="Anything"
          value={filters.subject}
          options={AUDIT_SUBJECTS.map((subject) => ({ value: subject, label: AUDIT_SUBJECT_LABELS[subject] }))}
        />
        <FilterSelect
          className="filters__field"
          id="audit-action"
          name="action"
          label="Change"
          anyLabel="Any change"
          value={filters.action}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] }))}
        />
        <div className="filters__field">
          <label htmlFor="audit-from">From</label>
          <input type="date" id="audit-from" name="from" defaultValue={filters.from ?? ""} />
        </div>
        <div className="filters__field">
          <label htmlFor="audit-to">To</label>
          <input type="date" id="audit-to" name="to" defaultValue={filters.to ?? ""} />
        </div>
        <div className="filters__actions">
          <button type="submit" className="primary">
            Filter
          </button>
          <Link href="/admin/audit">Clear</Link>
        </div>
      </form>
      {problem && <p className="form-message" role="alert">{problem}</p>}
      {page && page.entries.length === 0 && <p className="muted">No change matches these filters. Widen the dates or clear a filter.</p>}
      {page && page.entries.length > 0 && (
        <div className="table-scroller">
          <table className="audit-table">
            <caption className="visually-hidden">Changes, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Where</th>
                <th scope="col">Values</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{formatMomentIn(entry.at, timeZone, { seconds: true })}</time>
                  </td>
                  <td>{entry.actor?.name ?? <span className="muted">The application</span>}</td>
                  <td>{describeEntry(entry)}</td>
                  <td>{subjectLink(entry)}</td>
                  <td>
                    {(entry.before !== null || entry.after !== null) && (
                      <details>
                        <summary>Before and after</summary>
                        <dl className="audit-values">
                          <Values label="Before" value={entry.before} />
                          <Values label="After" value={entry.after} />
                        </dl>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && (filters.before || page.nextBefore) && (
        <nav className="pager" aria-label="Pages of the audit trail">
          {filters.before && <Link href={pageLink(filters, null)}>Newest changes</Link>}
          {page.nextBefore && <Link href={pageLink(filters, page.nextBefore)}>Older changes</Link>}
        </nav>
      )}
    </div>
  );
}
