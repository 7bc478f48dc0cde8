import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RestoreRevision } from "@/components/restore-revision";
import { RevisionComparison } from "@/components/revision-comparison";
import { DeskTime } from "@/components/time-zone";
import { getDb } from "@/db/client";
import { getArticle } from "@/lib/articles/service";
import { requirePageActor } from "@/lib/auth/page-actor";
import { NotFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { mayEditArticle } from "@/lib/policies/article";
import { outcomeSummary } from "@/lib/revisions/saved-message";
import { compareRevisions, getRevision, listRevisions } from "@/lib/revisions/service";

export const metadata: Metadata = { title: "Revisions" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string; view?: string }> };

/** A revision number from the query, or `fallback` when it is missing or not one of `known`. */
function pick(value: string | undefined, known: number[], fallback: number): number {
  const number = Number(value);
  return known.includes(number) ? number : fallback;
}

/** The revisions, the one to read, and the comparison the query asks for. */
async function load(id: string, query: Awaited<Props["searchParams"]>) {
  const actor = await requirePageActor(`/articles/${id}/revisions`);
  if (!isId(id)) notFound();
  const db = await getDb();
  try {
    const [article, revisions] = await Promise.all([getArticle(db, actor, id), listRevisions(db, actor, id)]);
    const numbers = revisions.map((revision) => revision.revision);
    const to = pick(query.to, numbers, article.revision);
    const from = pick(query.from, numbers, numbers[numbers.length - 2] ?? to);
    const viewed = query.view ? await getRevision(db, actor, id, pick(query.view, numbers, article.revision)) : null;
    const comparison = from !== to ? await compareRevisions(db, actor, id, from, to) : null;
    return { article, revisions, numbers, from, to, viewed, comparison, mayRestore: mayEditArticle(actor).allowed };
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}

/** Every revision of an article, one of them to read, and what changed between any two. */
export default async function RevisionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { article, revisions, numbers, from, to, viewed, comparison, mayRestore } = await load(id, await searchParams);
  return (
    <div className="page">
      <p>
        <Link href={`/articles/${id}`}>← {article.title}</Link>
      </p>
      <h1>Revisions of “{article.title}”</h1>
      <div className="table-scroller">
        <table className="revision-list">
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">Saved</th>
              <th scope="col">By</th>
              <th scope="col">Claims</th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            {[...revisions].reverse().map((revision) => (
              <tr key={revision.revision}>
                <th scope="row">
                  {revision.revision}
                  {revision.current && <span className="muted"> (current)</span>}
                </th>
                <td>
                  <DeskTime at={revision.createdAt} />
                </td>
                <td>
                  {revision.author?.name ?? <span className="muted">imported</span>}
                  {revision.outcome?.restoredFrom && <span className="muted">, restoring revision {revision.outcome.restoredFrom}</span>}
                </td>
                <td>{revision.outcome ? outcomeSummary(revision.outcome) : <span className="muted">—</span>}</td>
                <td>
                  <Link href={`/articles/${id}/revisions?view=${revision.revision}&from=${from}&to=${to}`}>Read revision {revision.revision}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {viewed && (
        <section aria-labelledby="viewed-heading" className="revision-text">
          <h2 id="viewed-heading">Text of revision {viewed.revision}</h2>
          {mayRestore && <RestoreRevision articleId={id} revision={viewed.revision} currentRevision={article.revision} />}
          {viewed.plainText.split("\n").map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </section>
      )}

      <h2>Compare</h2>
      <form className="compare-form" method="get">
        <label htmlFor="from">From revision</label>
        <select id="from" name="from" defaultValue={from}>
          {numbers.map((number) => (
            <option key={number}>{number}</option>
          ))}
        </select>
        <label htmlFor="to">to revision</label>
        <select id="to" name="to" defaultValue={to}>
          {numbers.map((number) => (
            <option key={number}>{number}</option>
          ))}
        </select>
        <button type="submit" className="secondary">
          Compare
        </button>
      </form>
      {comparison ? (
        <RevisionComparison comparison={comparison} />
      ) : (
        <p className="muted">{numbers.length < 2 ? "This article has one revision so far." : "Choose two different revisions."}</p>
      )}
    </div>
  );
}
