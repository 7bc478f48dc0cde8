import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClaimNotes } from "@/components/public/claim-notes";
import { PublicCorrections, PublicDate } from "@/components/public/public-corrections";
import { PublicMasthead } from "@/components/public/public-masthead";
import "@/components/public/public-page.css";
import { MarkedArticle } from "@/components/public/marked-article";
import { ReaderMessageForm } from "@/components/public/reader-message-form";
import { PublicTopics } from "@/components/public/public-topics";
import { getDb } from "@/db/client";
import { documentFromJSON } from "@/lib/articles/document";
import { newsroomConfig } from "@/lib/newsroom/config";
import { feedUrl } from "@/lib/publishing/atom-feed";
import { claimReviewsOf, jsonForScript, publicPageUrl } from "@/lib/publishing/claim-review";
import { embedCode, factCheckEmbedTitle } from "@/lib/publishing/embed";
import { lastCorrectionAt, ratingChangesByClaim } from "@/lib/publishing/corrections";
import { markClaims } from "@/lib/publishing/marked-text";
import { publicArticleBySlug } from "@/lib/publishing/public-view";
import { isSlug } from "@/lib/publishing/slug";
import { publicDay } from "@/lib/publishing/public-dates";
import { formatMomentIn } from "@/lib/time-zone";
import { readerEmailKeepDays } from "@/lib/reader-messages/retention";
import { shortened } from "@/lib/shortened";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };
type SearchParams = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Loaded once per request, shared by the metadata and the page; a slug that is not published is a 404. */
const load = cache(async (slug: string) => {
  if (!isSlug(slug)) notFound();
  const newsroom = newsroomConfig();
  const article = await publicArticleBySlug(await getDb(), slug, { showReviewers: newsroom.showReviewers });
  if (!article) notFound();
  return { article, newsroom };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { article, newsroom } = await load((await params).slug);
  const claims = article.claims.length;
  const title = `Fact-check: ${article.title}`;
  const description = article.summary
    ? shortened(article.summary.replace(/\s+/g, " "), 200)
    : `${newsroom.name} checked ${claims} ${claims === 1 ? "claim" : "claims"} in “${article.title}”.`;
  const url = publicPageUrl(newsroom.appUrl, article.slug);
  return {
    title: { absolute: `${title} · ${newsroom.name}` },
    description,
    robots: { index: true, follow: true },
    alternates: { canonical: url, types: { "application/atom+xml": feedUrl(newsroom.appUrl) } },
    // How a shared link shows on social media and in chats; the picture is opengraph-image.tsx beside this page.
    metadataBase: new URL(newsroom.appUrl),
    openGraph: {
      type: "article",
      title,
      description,
      url,
      siteName: newsroom.name,
      publishedTime: article.publishedAt,
      ...(article.updatedAt && { modifiedTime: article.updatedAt }),
    },
    twitter: { card: "summary_large_image", title, description },
  };
}

/** The public fact-check: readable by anyone, without JavaScript, with only approved claims. */
export default async function PublicFactCheckPage({ params, searchParams }: Params & SearchParams) {
  const { article, newsroom } = await load((await params).slug);
  const query = await searchParams;
  const nodes = markClaims(documentFromJSON(article.doc), article.claims);
  const verdicts = new Map(article.claims.map((claim) => [claim.id, claim.verdict]));
  const correctedAt = lastCorrectionAt(article.changes);
  return (
    <article className="public-page" aria-labelledby="public-title">
      {claimReviewsOf(article, newsroom).map((review) => (
        // jsonForScript escapes every character that could close the element: the quote stays data.
        <script key={review.url} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(review) }} />
      ))}
      <PublicMasthead newsroom={newsroom} />
      <header className="public-page__header">
        <h1 id="public-title">{article.title}</h1>
        <p className="public-page__meta">
          {[article.byline, article.publishedOn && `Published ${publicDay(article.publishedOn)}`].filter(Boolean).join(" · ")}
          {article.originalUrl && (
            <>
              {" · "}
              <a href={article.originalUrl} rel="nofollow noopener ugc">
                Original article
              </a>
            </>
          )}
        </p>
        <PublicTopics topics={article.topics} />
        {article.summary && (
          <section className="public-page__in-short" aria-labelledby="in-short-title">
            <h2 id="in-short-title">In short</h2>
            <p>{article.summary}</p>
          </section>
        )}
        <p className="public-page__summary">
          {article.claims.length === 0
            ? "No claims in this article have been checked yet."
            : `We checked ${article.claims.length} ${article.claims.length === 1 ? "claim" : "claims"} in this article. Highlighted passages are numbered; each number leads to our verdict, our explanation and our sources.`}
        </p>
        {correctedAt && (
          <p className="public-page__corrected">
            Corrected on <PublicDate at={correctedAt} />: <a href="#corrections">see the corrections</a>.
          </p>
        )}
      </header>
      <div className="public-page__body">
        <MarkedArticle nodes={nodes} verdicts={verdicts} />
        {article.claims.length > 0 && (
          <section className="public-page__notes" aria-labelledby="notes-title">
            <h2 id="notes-title">What we found</h2>
            <ClaimNotes claims={article.claims} ratingChanges={ratingChangesByClaim(article.changes)} />
          </section>
        )}
      </div>
      {article.changes.length > 0 && <PublicCorrections changes={article.changes} claims={article.claims} />}
      <section id="tell-us" className="public-page__tell-us" aria-labelledby="tell-us-title">
        <h2 id="tell-us-title">Spotted an error?</h2>
        <p>Tell our editors what you think we got wrong, and how you know. We read every message, and correct what we got wrong: corrections are listed on this page.</p>
        <ReaderMessageForm
          kind="message"
          action={`/p/${encodeURIComponent(article.slug)}/messages`}
          anchor="tell-us"
          claims={article.claims.map(({ id, number, quote }) => ({ id, number, quote }))}
          about={article.claims.some((claim) => claim.id === query.about) ? (query.about as string) : null}
          sent={query.sent === "1"}
          errorAfterReload={typeof query["message-error"] === "string" ? query["message-error"] : null}
          emailKeepDays={readerEmailKeepDays().days}
        />
      </section>
      <footer className="public-page__footer muted">
        Fact-check published by {newsroom.name} on {publicDay(article.publishedAt)}.
        {article.updatedAt && (
          <>
            {" "}
            Updated on <time dateTime={article.updatedAt}>{formatMomentIn(article.updatedAt, newsroom.timeZone, { month: "long" })}</time>.
          </>
        )}
        <details className="public-page__embed">
          <summary>Embed this fact-check</summary>
          <label htmlFor="embed-code">Paste this code into your page: the fact-check shows there as it stands here, corrections included.</label>
          <textarea id="embed-code" readOnly rows={4} value={embedCode(newsroom.appUrl, { slug: article.slug }, factCheckEmbedTitle(article.title))} />
        </details>
      </footer>
    </article>
  );
}
