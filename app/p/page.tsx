import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Pagination } from "@/components/pagination";
import { PublicMasthead } from "@/components/public/public-masthead";
import { VerdictTally } from "@/components/public/verdict-tally";
import "@/components/public/public-page.css";
import { getDb } from "@/db/client";
import { newsroomConfig } from "@/lib/newsroom/config";
import { feedUrl, publicIndexUrl } from "@/lib/publishing/atom-feed";
import { listPublished } from "@/lib/publishing/public-index";
import { publicDay } from "@/lib/publishing/public-dates";

export const dynamic = "force-dynamic";

/** Fact-checks per page of the index. */
const PER_PAGE = 20;

const pageSchema = z.coerce.number().int().min(1).max(1_000_000).default(1);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The page number asked for; anything but a whole number from 1 is no page. */
async function pageOf({ searchParams }: Props): Promise<number> {
  const parsed = pageSchema.safeParse((await searchParams).page);
  if (!parsed.success) notFound();
  return parsed.data;
}

const pageHref = (page: number) => (page > 1 ? `/p?page=${page}` : "/p");

export async function generateMetadata(props: Props): Promise<Metadata> {
  const newsroom = newsroomConfig();
  const page = await pageOf(props);
  return {
    title: { absolute: `Fact-checks · ${newsroom.name}` },
    description: `Every article ${newsroom.name} has fact-checked, with the verdict on each claim.`,
    alternates: {
      canonical: `${publicIndexUrl(newsroom.appUrl)}${page > 1 ? `?page=${page}` : ""}`,
      types: { "application/atom+xml": feedUrl(newsroom.appUrl) },
    },
  };
}


/** The newsroom's published fact-checks, newest first: public, readable without JavaScript. */
export default async function PublicIndexPage(props: Props) {
  const page = await pageOf(props);
  const newsroom = newsroomConfig();
  const { total, factChecks } = await listPublished(await getDb(), { offset: (page - 1) * PER_PAGE, limit: PER_PAGE });
  const pageCount = Math.max(1, Math.ceil(total / PER_PAGE));
  if (page > pageCount) notFound();
  return (
    <div className="public-page">
      <PublicMasthead newsroom={newsroom} />
      <header className="public-page__header">
        <h1>Fact-checks</h1>
        <p className="public-page__meta">
          {total === 0
            ? `${newsroom.name} has not published a fact-check yet.`
            : `${total.toLocaleString("en")} ${total === 1 ? "article" : "articles"} fact-checked by ${newsroom.name}, the newest first.`}{" "}
          <a href="/p/feed.xml" type="application/atom+xml">
            Follow them in a feed reader
          </a>
          .
        </p>
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
            <VerdictTally tally={factCheck.verdicts} />
          </li>
        ))}
      </ol>
      <Pagination page={page} pageCount={pageCount} href={pageHref} />
    </div>
  );
}
