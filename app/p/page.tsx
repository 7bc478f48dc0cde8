import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { Pagination } from "@/components/pagination";
import { ClaimantClaims } from "@/components/public/claimant-claims";
import { ClaimantScorecard } from "@/components/public/claimant-scorecard";
import { PublicMasthead } from "@/components/public/public-masthead";
import { PublicSearchForm } from "@/components/public/public-search-form";
import { ReaderMessageForm } from "@/components/public/reader-message-form";
import { VerdictTally } from "@/components/public/verdict-tally";
import { PublicTopics } from "@/components/public/public-topics";
import "@/components/public/public-page.css";
import { getDb } from "@/db/client";
import { newsroomConfig } from "@/lib/newsroom/config";
import { feedUrl, publicIndexUrl, topicFeedUrl, topicIndexUrl } from "@/lib/publishing/atom-feed";
import { claimantScorecard } from "@/lib/publishing/claimant-scorecard";
import { claimsByClaimant, listPublished, publicSearchSchema, publishedTopicName, type PublicSearch } from "@/lib/publishing/public-index";
import { publicDay } from "@/lib/publishing/public-dates";
import { readerEmailKeepDays } from "@/lib/reader-messages/retention";

export const dynamic = "force-dynamic";

/** Fact-checks per page of the index. */
const PER_PAGE = 20;

const pageSchema = z.coerce.number().int().min(1).max(1_000_000).default(1);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One claimant's record, read once per request however many times the page's parts ask for it. */
const scorecardOf = cache(async (claimant: string) => claimantScorecard(await getDb(), claimant));

/** The topic asked for as the desk spells it, read once per request; null when no published fact-check is filed under it. */
const publishedTopicOf = cache(async (topic: string) => (topic ? publishedTopicName(await getDb(), topic) : null));

/** The topic asked for as the heading says it: the desk's spelling, else the address's. */
const topicOf = async (topic: string) => (await publishedTopicOf(topic)) ?? topic;

/** The page and the search asked for; a page that is not a whole number from 1, or an unknown verdict, is no page. */
async function requestOf({ searchParams }: Props): Promise<{ page: number; search: PublicSearch }> {
  const params = await searchParams;
  const page = pageSchema.safeParse(params.page);
  const search = publicSearchSchema.safeParse(params);
  if (!page.success || !search.success) notFound();
  return { page: page.data, search: search.data };
}

/** The index's address for `page` of `search`: what the pagination links and the canonical URL say. */
function indexHref(page: number, search: PublicSearch): string {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (search.claimant) params.set("claimant", search.claimant);
  if (search.verdict) params.set("verdict", search.verdict);
  if (search.topic) params.set("topic", search.topic);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/p?${query}` : "/p";
}

const isSearching = (search: PublicSearch) => Boolean(search.q || search.claimant || search.verdict || search.topic);

/** A topic's own index, nothing else asked: a page for search engines to list, as the plain index is. */
const isTopicPage = (search: PublicSearch) => Boolean(search.topic && !search.q && !search.claimant && !search.verdict);

/** " on Health": the topic asked for, as the heading and the count say it. */
const onTopic = (topic: string) => (topic ? ` on ${topic}` : "");

/** "Fact-checks of claims by Jane Doe on Health": the page's heading, of the claimant and the topic asked for. */
const headingOf = (claimant: string, topic: string) => `Fact-checks${claimant ? ` of claims by ${claimant}` : ""}${onTopic(topic)}`;

/** "2 fact-checks of claims by Jane Doe on Health match.": what a search found, of whom and on what when it asked. */
function foundLine(total: number, claimant: string, topic: string): string {
  if (total === 0) return `No fact-check${claimant ? ` of a claim by ${claimant}` : ""}${onTopic(topic)} matches.`;
  const counted = `${total.toLocaleString("en")} ${total === 1 ? "fact-check" : "fact-checks"}`;
  return `${counted}${claimant ? ` of claims by ${claimant}` : ""}${onTopic(topic)} ${total === 1 ? "matches" : "match"}.`;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const newsroom = newsroomConfig();
  const { page, search } = await requestOf(props);
  // The claimant as the desk wrote their name, as the heading says it, rather than as the address spells it.
  const claimantName = search.claimant ? ((await scorecardOf(search.claimant))?.claimant.name ?? search.claimant) : "";
  const topic = await topicOf(search.topic);
  // A topic readers can browse (a published fact-check is filed under it), nothing else asked.
  const topicPage = isTopicPage(search) && (await publishedTopicOf(search.topic)) !== null;
  const listed = topicPage ? topicIndexUrl(newsroom.appUrl, topic) : publicIndexUrl(newsroom.appUrl);
  const pageOf = page > 1 && (!isSearching(search) || topicPage) ? `${topicPage ? "&" : "?"}page=${page}` : "";
  return {
    title: { absolute: `${headingOf(claimantName, topic)} · ${newsroom.name}` },
    description: topic
      ? `Every article ${newsroom.name} has fact-checked on ${topic}, with the verdict on each claim.`
      : `Every article ${newsroom.name} has fact-checked, with the verdict on each claim.`,
    // A search's results are for the reader who asked; the plain index, and each topic's, are what search engines should list.
    robots: isSearching(search) && !topicPage ? { index: false, follow: true } : undefined,
    alternates: {
      canonical: `${listed}${pageOf}`,
      types: { "application/atom+xml": topicPage ? topicFeedUrl(newsroom.appUrl, topic) : feedUrl(newsroom.appUrl) },
    },
  };
}

/** The newsroom's published fact-checks, newest first: public, readable without JavaScript. */
export default async function PublicIndexPage(props: Props) {
  const { page, search } = await requestOf(props);
  const params = await props.searchParams;
  const newsroom = newsroomConfig();
  const db = await getDb();
  const [{ total, factChecks }, topic, published] = await Promise.all([
    listPublished(db, { offset: (page - 1) * PER_PAGE, limit: PER_PAGE, search }),
    topicOf(search.topic),
    publishedTopicOf(search.topic),
  ]);
  // A topic readers can browse has a feed of its own.
  const followed = isTopicPage(search) ? published : null;
  const [claimantClaims, scorecard] = search.claimant
    ? await Promise.all([
        claimsByClaimant(
          db,
          factChecks.map((factCheck) => factCheck.id),
          search.claimant,
        ),
        scorecardOf(search.claimant),
      ])
    : [null, null];
  // Their name as the desk wrote it on their latest claim, rather than as the address spells it.
  const claimantName = scorecard?.claimant.name ?? search.claimant;
  const pageCount = Math.max(1, Math.ceil(total / PER_PAGE));
  if (page > pageCount) notFound();
  return (
    <div className="public-page">
      <PublicMasthead newsroom={newsroom} />
      <header className="public-page__header">
        <h1>{headingOf(claimantName, topic)}</h1>
        {scorecard && <ClaimantScorecard scorecard={scorecard} verdict={search.verdict} href={(verdict) => indexHref(1, { ...search, verdict })} />}
        <p className="public-page__meta">
          {isSearching(search) ? (
            <>
              {foundLine(total, claimantName, topic)}{" "}
              {followed && (
                <>
                  <a href={topicFeedUrl("", followed)} type="application/atom+xml">
                    Follow {followed} in a feed reader
                  </a>
                  .{" "}
                </>
              )}
              <Link href="/p">Show all fact-checks</Link>.
            </>
          ) : (
            <>
              {total === 0
                ? `${newsroom.name} has not published a fact-check yet.`
                : `${total.toLocaleString("en")} ${total === 1 ? "article" : "articles"} fact-checked by ${newsroom.name}, the newest first.`}{" "}
              <a href="/p/feed.xml" type="application/atom+xml">
                Follow them in a feed reader
              </a>
              .
            </>
          )}
        </p>
        <PublicSearchForm search={search} />
      </header>
      <ol className="public-index">
        {factChecks.map((factCheck) => (
          <li key={factCheck.id} className="public-index__item">
            <h2>
              <a href={`/p/${encodeURIComponent(factCheck.slug)}`}>{factCheck.title}</a>
            </h2>
            <p className="public-page__meta">
              {[factCheck.byline, `Fact-check published ${publicDay(factCheck.publishedAt)}`].filter(Boolean).join(" · ")}
              {factCheck.updatedAt && ` · updated ${publicDay(factCheck.updatedAt)}`}
              {factCheck.correctedAt && (
                <>
                  {" · "}
                  <a className="public-index__corrected" href={`/p/${encodeURIComponent(factCheck.slug)}#corrections`}>
                    corrected {publicDay(factCheck.correctedAt)}
                  </a>
                </>
              )}
            </p>
            <PublicTopics topics={factCheck.topics} />
            {factCheck.summary && <p className="public-index__summary">{factCheck.summary}</p>}
            <VerdictTally tally={factCheck.verdicts} />
            {claimantClaims && <ClaimantClaims slug={factCheck.slug} claimant={claimantName} claims={claimantClaims.get(factCheck.id) ?? []} />}
          </li>
        ))}
      </ol>
      <Pagination page={page} pageCount={pageCount} href={(target) => indexHref(target, search)} />
      <section id="suggest" className="public-page__tell-us" aria-labelledby="suggest-title">
        <h2 id="suggest-title">Seen a claim we should check?</h2>
        <p>Send it to our editors: what was said, by whom, and where you saw it. We read every suggestion; what we check is published here.</p>
        <ReaderMessageForm
          kind="tip"
          action="/api/tips"
          anchor="suggest"
          sent={params.sent === "1"}
          errorAfterReload={typeof params["message-error"] === "string" ? params["message-error"] : null}
          emailKeepDays={readerEmailKeepDays().days}
        />
      </section>
    </div>
  );
}
