import { eq } from "drizzle-orm";
import type { ArticleDetailField } from "@/lib/articles/detail-fields";
import type { Transaction } from "@/db/database";
import { articles } from "@/db/schema";
import type { AnnotationRecord } from "@/lib/annotations/record";
import { topicsOfArticles } from "@/lib/articles/topics";
import { newsroomConfig } from "@/lib/newsroom/config";
import { publicPageUrl } from "@/lib/publishing/claim-review";
import { claimPageUrl } from "@/lib/publishing/embed";
import type { ReviewStatus } from "@/lib/reviews/statuses";
import type { ReviewAction } from "@/lib/reviews/transitions";
import type { Actor } from "@/lib/users/actor";
import type { ClaimRef, FactCheckRef } from "./events";
import { enqueueWebhookEvent } from "./outbox";

/**
 * The desk's changes that webhooks tell of, each queued inside the transaction of the change (see
 * `outbox.ts`). The services call these; what an event says is decided here.
 */

/** An article as events name it: its public page is at `/p/<slug>`. */
type ArticleRef = { id: string; title: string; slug: string };

function factCheckOf(article: ArticleRef): FactCheckRef {
  return { articleId: article.id, title: article.title, url: publicPageUrl(newsroomConfig().appUrl, article.slug) };
}

/** The claim `annotation` as events name it, in the status `status`, its `url` the desk's or the public page's. */
function claimRefOf(annotation: AnnotationRecord, status: ReviewStatus, url: string): ClaimRef {
  return { id: annotation.id, quote: annotation.quote, claimant: annotation.claimant, status, verdict: annotation.verdict, url };
}

/** The article, and whether it is published: a change to its claims or text then changes its public page. */
async function articleOf(tx: Transaction, articleId: string): Promise<(ArticleRef & { published: boolean }) | null> {
  const [article] = await tx.select({ id: articles.id, title: articles.title, slug: articles.slug, publishedAt: articles.publishedAt }).from(articles).where(eq(articles.id, articleId));
  return article ? { id: article.id, title: article.title, slug: article.slug ?? "", published: !!article.publishedAt && !!article.slug } : null;
}

export async function tellPublished(tx: Transaction, article: ArticleRef, publishedAt: string): Promise<void> {
  const topics = (await topicsOfArticles(tx, [article.id])).get(article.id)!;
  await enqueueWebhookEvent(tx, "fact_check.published", { factCheck: { ...factCheckOf(article), publishedAt, topics } });
}

export async function tellUnpublished(tx: Transaction, article: ArticleRef): Promise<void> {
  await enqueueWebhookEvent(tx, "fact_check.unpublished", { factCheck: factCheckOf(article) });
}

/**
 * `actor` took the review action `action` on a claim, moving it from `annotation.status` to `to`:
 * submitted (news for review channels), or, on a published article, approved or taken out of
 * "approved" (what its public page shows of it changed).
 */
export async function tellStatusChange(tx: Transaction, annotation: AnnotationRecord, action: ReviewAction, to: ReviewStatus, actor: Actor): Promise<void> {
  const approvalStep = to === "approved" || annotation.status === "approved";
  if (action !== "submit" && !approvalStep) return;
  const article = await articleOf(tx, annotation.articleId);
  if (!article) return;
  const { appUrl } = newsroomConfig();
  if (action === "submit") {
    const deskUrl = `${appUrl}/articles/${annotation.articleId}?annotation=${annotation.id}`;
    await enqueueWebhookEvent(tx, "claim.submitted", { claim: claimRefOf(annotation, to, deskUrl), article: { id: article.id, title: article.title }, by: actor.name });
  }
  if (approvalStep && article.published) {
    await enqueueWebhookEvent(tx, "fact_check.changed", {
      factCheck: factCheckOf(article),
      change: to === "approved" ? "claim_approved" : "claim_withdrawn",
      claim: claimRefOf(annotation, to, claimPageUrl(appUrl, { slug: article.slug, claimId: annotation.id })),
    });
  }
}

/** An approved claim was placed (its placement confirmed, or re-attached): on a published article, it is on the page now, there. */
export async function tellPlaced(tx: Transaction, annotation: AnnotationRecord): Promise<void> {
  if (annotation.status !== "approved") return;
  const article = await articleOf(tx, annotation.articleId);
  if (!article?.published) return;
  const url = claimPageUrl(newsroomConfig().appUrl, { slug: article.slug, claimId: annotation.id });
  await enqueueWebhookEvent(tx, "fact_check.changed", {
    factCheck: factCheckOf(article),
    change: "claim_placed",
    claim: claimRefOf(annotation, annotation.status, url),
  });
}

/** The article's text was revised: news for a published article's page. */
export async function tellRevised(tx: Transaction, articleId: string, revision: number): Promise<void> {
  const article = await articleOf(tx, articleId);
  if (article?.published) await enqueueWebhookEvent(tx, "fact_check.changed", { factCheck: factCheckOf(article), change: "text_revised", revision });
}

/** The editors changed the article's `fields` (its title, byline, …): news for a published article's page. */
export async function tellDetailsChanged(tx: Transaction, articleId: string, fields: ArticleDetailField[]): Promise<void> {
  const article = await articleOf(tx, articleId);
  if (article?.published) await enqueueWebhookEvent(tx, "fact_check.changed", { factCheck: factCheckOf(article), change: "details_changed", fields });
}

/** The editors filed the article under other topics: news for a published article's page, and its CMS's categories. */
export async function tellTopicsChanged(tx: Transaction, articleId: string, topics: string[]): Promise<void> {
  const article = await articleOf(tx, articleId);
  if (article?.published) await enqueueWebhookEvent(tx, "fact_check.changed", { factCheck: factCheckOf(article), change: "topics_changed", topics });
}

/** The editors changed the summary readers see: news for a published article's page. */
export async function tellSummaryChanged(tx: Transaction, articleId: string): Promise<void> {
  const article = await articleOf(tx, articleId);
  if (article?.published) await enqueueWebhookEvent(tx, "fact_check.changed", { factCheck: factCheckOf(article), change: "summary_changed" });
}

/** A reader wrote to the desk about the published fact-check `article` (or its claim `claim`): news for the editors' channel. */
export async function tellReaderMessage(tx: Transaction, article: ArticleRef, claim: { id: string; quote: string } | null, message: string): Promise<void> {
  const url = `${newsroomConfig().appUrl}/readers?article=${article.id}`;
  await enqueueWebhookEvent(tx, "reader_message.received", { factCheck: factCheckOf(article), claim, message, url });
}

/** A reader suggested a claim to check: news for the editors' channel. */
export async function tellReaderTip(tx: Transaction, message: string, link: string | null): Promise<void> {
  await enqueueWebhookEvent(tx, "reader_tip.received", { message, link, url: `${newsroomConfig().appUrl}/readers?kind=tips` });
}

/** The desk saw the original of the article at `original` change from what it knew: news for the editors' channel and the newsroom's tools. */
export async function tellOriginalChanged(
  tx: Transaction,
  article: { id: string; title: string },
  change: { original: string; seenAt: Date; revision: number; paragraphsAdded: number; paragraphsRemoved: number },
): Promise<void> {
  const url = `${newsroomConfig().appUrl}/articles/${article.id}`;
  await enqueueWebhookEvent(tx, "article.original_changed", { article: { ...article, url }, ...change, seenAt: change.seenAt.toISOString() });
}
