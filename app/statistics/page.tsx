import type { Metadata } from "next";
import Link from "next/link";
import { RefusedPage } from "@/components/refused-page";
import { ApprovedByTable, ApprovedVerdicts, DecisionTimesSummary, FlowFigures, PeopleTable, ReaderFigures, WaitingNow } from "@/components/statistics/desk-figures";
import { getDb } from "@/db/client";
import { requirePageActor } from "@/lib/auth/page-actor";
import { Invalid } from "@/lib/errors";
import { newsroomConfig } from "@/lib/newsroom/config";
import { mayViewStatistics } from "@/lib/policies/statistics";
import { deskStatistics, STATISTICS_PERIODS, type DeskStatistics } from "@/lib/statistics/desk";
import { formatMomentIn } from "@/lib/time-zone";

export const metadata: Metadata = { title: "Statistics" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PERIOD_LABELS: Record<(typeof STATISTICS_PERIODS)[number], string> = { 7: "Last 7 days", 30: "Last 30 days", 90: "Last 90 days" };
const when = (iso: string) => formatMomentIn(iso, newsroomConfig().timeZone, { month: "long" });

/** The desk's figures (editors and admins): the flow through review, how long claims wait, and who did what. */
export default async function StatisticsPage({ searchParams }: Props) {
  const actor = await requirePageActor("/statistics");
  const decision = mayViewStatistics(actor);
  if (!decision.allowed) return <RefusedPage title="Statistics" reason={decision.reason} />;
  const { days } = await searchParams;
  const now = new Date();
  let statistics: DeskStatistics;
  try {
    statistics = await deskStatistics(await getDb(), actor, days === undefined ? {} : { days }, now);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return (
      <div className="page">
        <h1>Statistics</h1>
        <p role="alert">
          This address asks for a period the page does not have: days {Object.values(error.fields).join("; ")}. <Link href="/statistics">Show the last 30 days</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>Statistics</h1>
      <nav aria-label="Period" className="status-tabs">
        <ul>
          {STATISTICS_PERIODS.map((period) => (
            <li key={period}>
              <Link className="status-tab" href={period === 30 ? "/statistics" : `/statistics?days=${period}`} aria-current={period === statistics.days ? "page" : undefined}>
                {PERIOD_LABELS[period]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="muted">From {when(statistics.since)} until now.</p>

      <section aria-labelledby="flow-title">
        <h2 id="flow-title">Claims through review</h2>
        <FlowFigures flow={statistics.flow} published={statistics.published} />
      </section>
      <section aria-labelledby="verdicts-title">
        <h2 id="verdicts-title">Approved, by verdict</h2>
        <ApprovedVerdicts tally={statistics.approvedByVerdict} approvals={statistics.flow.approved} />
      </section>
      <section aria-labelledby="claimants-title">
        <h2 id="claimants-title">Who made the claims approved</h2>
        <ApprovedByTable figures={statistics.claimants} by="claimant" />
      </section>
      <section aria-labelledby="topics-title">
        <h2 id="topics-title">Topics of the claims approved</h2>
        <ApprovedByTable figures={statistics.topics} by="topic" />
      </section>
      <section aria-labelledby="times-title">
        <h2 id="times-title">Time to a decision</h2>
        <DecisionTimesSummary times={statistics.decisionTimes} />
      </section>
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">Waiting now</h2>
        <WaitingNow waiting={statistics.waiting} now={now} />
      </section>
      <section aria-labelledby="readers-title">
        <h2 id="readers-title">Readers’ messages</h2>
        <ReaderFigures readers={statistics.readers} now={now} />
      </section>
      <section aria-labelledby="people-title">
        <h2 id="people-title">People</h2>
        <PeopleTable people={statistics.people} />
      </section>
    </div>
  );
}
