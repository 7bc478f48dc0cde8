import Link from "next/link";
import { VERDICT_LABELS, type VerdictCount } from "@/lib/annotations/verdicts";
import type { ClaimantFigures, DeskStatistics } from "@/lib/statistics/desk";
import { formatHours } from "@/lib/statistics/durations";

/** One figure with what it counts, as a term and its value. */
function Figure({ label, value, href }: { label: string; value: number; href?: string }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd>{href && value > 0 ? <Link href={href}>{value.toLocaleString("en")}</Link> : value.toLocaleString("en")}</dd>
    </div>
  );
}

/** What happened to claims in the period: submissions, decisions, reopenings, publications. */
export function FlowFigures({ flow, published }: Pick<DeskStatistics, "flow" | "published">) {
  return (
    <dl className="figures">
      <Figure label="Submitted for review" value={flow.submitted} />
      <Figure label="Approved" value={flow.approved} />
      <Figure label="Changes requested" value={flow.changesRequested} />
      <Figure label="Rejected" value={flow.rejected} />
      <Figure label="Reopened" value={flow.reopened} />
      <Figure label="Fact-checks published" value={published} />
    </dl>
  );
}

/** Claims counted by verdict: one badge a verdict, then its count. */
function VerdictCounts({ tally }: { tally: VerdictCount[] }) {
  return (
    <ul className="verdict-counts">
      {tally.map(({ verdict, count }) => (
        <li key={verdict ?? "none"}>
          <span className={`badge badge--verdict badge--verdict-${verdict ?? "none"}`}>{verdict ? VERDICT_LABELS[verdict] : "No verdict"}</span> {count.toLocaleString("en")}
        </li>
      ))}
    </ul>
  );
}

/** The claims the period approved, by verdict. */
export function ApprovedVerdicts({ tally, approvals }: { tally: DeskStatistics["approvedByVerdict"]; approvals: number }) {
  if (approvals === 0) return <p className="muted">No claim was approved in this period.</p>;
  if (tally.length === 0) return <p className="muted">Every claim approved in this period was reopened since.</p>;
  return <VerdictCounts tally={tally} />;
}

/** Who made the claims the period approved, the most often approved first, each a link to their claims in the queue. */
/** How the claims approved are told by who made them, and by the topics of their articles. */
const APPROVED_BY = {
  claimant: {
    column: "Who made the claims",
    caption: "Who made the claims approved in the period, with their verdicts",
    none: "No claim approved in this period names who made it.",
    inQueue: " (their claims in the queue)",
  },
  topic: {
    column: "Topic",
    caption: "The topics of the articles of the claims approved in the period, with their verdicts",
    none: "No claim approved in this period is on an article filed under a topic.",
    inQueue: " (its claims in the queue)",
  },
} as const;

/** The claimants (or topics) whose claims were approved most often in the period, each a link to its claims in the review queue. */
export function ApprovedByTable({ figures, by }: { figures: ClaimantFigures[]; by: keyof typeof APPROVED_BY }) {
  const words = APPROVED_BY[by];
  if (figures.length === 0) return <p className="muted">{words.none}</p>;
  return (
    <div className="table-scroller">
      <table className="figures-table">
        <caption className="visually-hidden">{words.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{words.column}</th>
            <th scope="col">Claims approved</th>
            <th scope="col">Verdicts</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((named) => (
            <tr key={named.name}>
              <th scope="row">
                <Link href={`/queue?${new URLSearchParams({ [by]: named.name })}`}>
                  {named.name}
                  <span className="visually-hidden">{words.inQueue}</span>
                </Link>
              </th>
              <td>{named.approved.toLocaleString("en")}</td>
              <td>
                <VerdictCounts tally={named.verdicts} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "within 2 h 30 min", or "in under a minute", the span in bold. */
function within(hours: number) {
  const span = <strong>{formatHours(hours)}</strong>;
  return hours * 60 < 1 ? <>in {span}</> : <>within {span}</>;
}

/** How long submitted claims waited for a decision, in words. */
export function DecisionTimesSummary({ times }: { times: DeskStatistics["decisionTimes"] }) {
  if (times.decisions === 0 || times.medianHours === null || times.slowestTenthHours === null) {
    return <p className="muted">No editor decided on a submitted claim in this period.</p>;
  }
  if (times.decisions === 1) {
    return (
      <p>
        The only decision on a submitted claim took <strong>{formatHours(times.medianHours)}</strong> from its submission.
      </p>
    );
  }
  return (
    <p>
      Of the {times.decisions.toLocaleString("en")} decisions on submitted claims, counted from the submission, half came {within(times.medianHours)} and
      nine in ten {within(times.slowestTenthHours)}.
    </p>
  );
}

const OPEN_WORK = "/queue?status=draft,in_review,changes_requested&sort=due";

/** What waits now, each figure a link to those claims in the review queue. */
export function WaitingNow({ waiting, now }: { waiting: DeskStatistics["waiting"]; now: Date }) {
  return (
    <>
      <dl className="figures">
        <Figure label="In review" value={waiting.inReview} href="/queue?status=in_review&sort=updated&dir=asc" />
        <Figure label="Changes requested" value={waiting.changesRequested} href="/queue?status=changes_requested" />
        <Figure label="Assignments overdue" value={waiting.overdue} href={OPEN_WORK} />
      </dl>
      {waiting.oldestInReviewSince && (
        <p className="muted">The longest-waiting claim in review was submitted {formatHours((now.getTime() - Date.parse(waiting.oldestInReviewSince)) / 3_600_000)} ago.</p>
      )}
    </>
  );
}

/** Who did what in the period, the busiest first. */
export function PeopleTable({ people }: Pick<DeskStatistics, "people">) {
  if (people.length === 0) return <p className="muted">Nobody submitted or decided on a claim in this period.</p>;
  return (
    <div className="table-scroller">
      <table className="figures-table">
        <caption className="visually-hidden">What each person did in the period</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Claims submitted</th>
            <th scope="col">Their claims approved</th>
            <th scope="col">Decisions made</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">{person.name}</th>
              <td>{person.submitted.toLocaleString("en")}</td>
              <td>{person.approved.toLocaleString("en")}</td>
              <td>{person.decided.toLocaleString("en")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Readers' messages: how many came and were handled in the period, how fast, and what waits now (a link to them). */
export function ReaderFigures({ readers, now }: { readers: DeskStatistics["readers"]; now: Date }) {
  return (
    <>
      <dl className="figures">
        <Figure label="Received" value={readers.received} />
        <Figure label="Handled" value={readers.handled} />
        <Figure label="Waiting now" value={readers.waiting} href="/readers" />
      </dl>
      {readers.medianHoursToHandle !== null && (
        <p>
          Half of the messages handled in this period were handled{" "}
          {readers.medianHoursToHandle * 60 < 1 ? (
            <strong>within a minute</strong>
          ) : (
            <>
              at most <strong>{formatHours(readers.medianHoursToHandle)}</strong>
            </>
          )}{" "}
          after they came.
        </p>
      )}
      {readers.oldestWaitingSince && (
        <p className="muted">The longest-waiting message came {formatHours((now.getTime() - Date.parse(readers.oldestWaitingSince)) / 3_600_000)} ago.</p>
      )}
    </>
  );
}
