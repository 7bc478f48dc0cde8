import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MarkedArticle } from "@/components/public/marked-article";
import "@/components/public/public-page.css";
import "./report.css";
import { getDb } from "@/db/client";
import { describeAssignment } from "@/lib/annotations/assignment-wording";
import { claimantLine } from "@/lib/annotations/claimant";
import { VERDICT_LABELS } from "@/lib/annotations/verdicts";
import { documentFromJSON } from "@/lib/articles/document";
import { formatDueDate } from "@/lib/dates";
import { requirePageActor } from "@/lib/auth/page-actor";
import { NotFound } from "@/lib/errors";
import { factCheckReport } from "@/lib/exports/report";
import { isId } from "@/lib/ids";
import { newsroomConfig } from "@/lib/newsroom/config";
import { markClaims } from "@/lib/publishing/marked-text";
import { REVIEW_STATUS_LABELS } from "@/lib/reviews/statuses";
import { formatDayIn, formatMomentIn, formatTimeIn } from "@/lib/time-zone";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requirePageActor(`/articles/${id}/report`);
  if (!isId(id)) notFound();
  try {
    return await factCheckReport(await getDb(), actor, id);
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { article } = await load((await params).id);
  return { title: `Report: ${article.title}`, robots: { index: false, follow: false } };
}


/** The printable report of an article's fact-check: the text with every claim numbered, then each claim's status, verdict, reasons, sources and history. */
export default async function FactCheckReportPage({ params }: Params) {
  const { article, topics, claims } = await load((await params).id);
  const { timeZone } = newsroomConfig();
  const placed = claims.filter((claim) => !claim.orphaned);
  const spans = placed.map((claim) => ({ id: claim.id, number: claim.number, start: claim.selectors[1].start, end: claim.selectors[1].end }));
  const nodes = markClaims(documentFromJSON(article.doc), spans);
  const verdicts = new Map(placed.map((claim) => [claim.id, claim.status === "approved" ? claim.verdict : null]));
  return (
    <div className="fact-check-report">
      <header className="fact-check-report__header">
        <p className="fact-check-report__kicker">Fact-check report · revision {article.revision} · printed {formatMomentIn(new Date(), timeZone)}</p>
        <h1>{article.title}</h1>
        <p className="muted">{[article.byline, article.publishedOn, article.originalUrl].filter(Boolean).join(" · ")}</p>
        {topics.length > 0 && <p className="muted">Topics: {topics.join(", ")}</p>}
        <p>
          {claims.length} {claims.length === 1 ? "claim" : "claims"}:{" "}
          {Object.entries(REVIEW_STATUS_LABELS)
            .map(([status, label]) => [label, claims.filter((claim) => claim.status === status).length] as const)
            .filter(([, count]) => count > 0)
            .map(([label, count]) => `${count} ${label.toLowerCase()}`)
            .join(", ")}
          {claims.some((claim) => claim.orphaned) && `; ${claims.filter((claim) => claim.orphaned).length} orphaned`}
        </p>
      </header>
      <section aria-label="Article text" className="fact-check-report__text">
        <MarkedArticle nodes={nodes} verdicts={verdicts} />
      </section>
      <section aria-labelledby="report-claims">
        <h2 id="report-claims">Claims</h2>
        <ol className="fact-check-report__claims">
          {claims.map((claim) => (
            <li key={claim.id} id={`claim-${claim.id}`} className="report-claim">
              <h3>
                <span className="claim-note__number">{claim.number}</span> “{claim.quote}”
              </h3>
              <dl>
                <dt>Status</dt>
                <dd>
                  {REVIEW_STATUS_LABELS[claim.status]}
                  {claim.orphaned && " (orphaned: not in the current text)"}
                  {!claim.placementChecked && " (placement to check)"}
                </dd>
                <dt>Claim by</dt>
                <dd>{claim.claimant ? claimantLine(claim.claimant) : "Nobody named"}</dd>
                <dt>Verdict</dt>
                <dd>{claim.verdict ? VERDICT_LABELS[claim.verdict] : "None yet"}</dd>
                <dt>Explanation</dt>
                <dd className="report-claim__explanation">{claim.explanation || "None yet"}</dd>
                <dt>Sources</dt>
                <dd>
                  {claim.sources.length === 0
                    ? "None yet"
                    : claim.sources.map((source, index) => (
                        <span key={index} className="report-claim__source">
                          {source.title ? `${source.title}: ` : ""}
                          {source.url}
                        </span>
                      ))}
                </dd>
                <dt>Author</dt>
                <dd>{claim.author.name}</dd>
                <dt>Assigned to</dt>
                <dd>{claim.assignee?.name ?? "Nobody"}{claim.dueOn && `, due ${formatDueDate(claim.dueOn)}`}</dd>
                <dt>History</dt>
                <dd>
                  <ul className="report-claim__history">
                    {claim.history.map((event) => (
                      <li key={event.id}>
                        {formatDayIn(event.at, timeZone)}, {formatTimeIn(event.at, timeZone)}: {event.actor.name}{" "}
                        {event.kind === "status"
                          ? event.from
                            ? `moved it from ${REVIEW_STATUS_LABELS[event.from]} to ${REVIEW_STATUS_LABELS[event.to]}`
                            : "created it"
                          : event.assignment
                            ? describeAssignment(event.actor.id, event.assignment)
                            : event.kind.replace(/_/g, " ")}
                        {event.comment && `: “${event.comment}”`}
                      </li>
                    ))}
                  </ul>
                </dd>
              </dl>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
