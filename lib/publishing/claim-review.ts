import type { Claimant } from "@/lib/annotations/claimant";
import { VERDICT_LABELS } from "@/lib/annotations/verdicts";
import type { NewsroomConfig } from "@/lib/newsroom/config";
import type { PublicArticle } from "./public-view";
import { BEST_RATING, ratingValueOf, WORST_RATING } from "./ratings";

/** A schema.org ClaimReview, as Google's fact-check rich results read it. */
export type ClaimReview = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: { "@type": "Organization"; name: string; url?: string };
  /** The topics the fact-check is filed under, comma-separated, when it has any. */
  keywords?: string;
  reviewRating: { "@type": "Rating"; alternateName: string; ratingValue?: number; bestRating?: number; worstRating?: number };
  itemReviewed: {
    "@type": "Claim";
    /** Who made the claim, when the fact-checker named them. */
    author?: ClaimAuthor;
    appearance: { "@type": "CreativeWork"; url: string; headline: string; datePublished?: string };
    datePublished?: string;
  };
};

type ClaimAuthor =
  | { "@type": "Person"; name: string; jobTitle?: string }
  | { "@type": "Organization"; name: string; description?: string };

/** Who made the claim, as schema.org types them: a person's role is their job title, an organization's its description. */
function claimAuthorOf(claimant: Claimant): ClaimAuthor {
  if (claimant.kind === "organization") return { "@type": "Organization", name: claimant.name, ...(claimant.role ? { description: claimant.role } : {}) };
  return { "@type": "Person", name: claimant.name, ...(claimant.role ? { jobTitle: claimant.role } : {}) };
}

/** The public page's address: the base every claim's anchor hangs from. */
export function publicPageUrl(appUrl: string, slug: string): string {
  return `${appUrl}/p/${encodeURIComponent(slug)}`;
}

/**
 * One ClaimReview per approved claim that has a verdict (a review without a rating is not one).
 * The claim appeared in the original article: its URL when the newsroom recorded it, else the public page.
 */
export function claimReviewsOf(article: PublicArticle, newsroom: NewsroomConfig): ClaimReview[] {
  const pageUrl = publicPageUrl(newsroom.appUrl, article.slug);
  const author = { "@type": "Organization" as const, name: newsroom.name, ...(newsroom.url ? { url: newsroom.url } : {}) };
  return article.claims.flatMap((claim) => {
    if (!claim.verdict) return [];
    const rating = ratingValueOf(claim.verdict);
    return [
      {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: `${pageUrl}#claim-${claim.id}`,
        claimReviewed: claim.quote,
        datePublished: claim.approvedAt.slice(0, 10),
        author,
        ...(article.topics.length > 0 ? { keywords: article.topics.join(", ") } : {}),
        reviewRating: {
          "@type": "Rating",
          alternateName: VERDICT_LABELS[claim.verdict],
          ...(rating === null ? {} : { ratingValue: rating, bestRating: BEST_RATING, worstRating: WORST_RATING }),
        },
        itemReviewed: {
          "@type": "Claim",
          ...(claim.claimant ? { author: claimAuthorOf(claim.claimant) } : {}),
          appearance: {
            "@type": "CreativeWork",
            url: article.originalUrl ?? pageUrl,
            headline: article.title,
            ...(article.publishedOn ? { datePublished: article.publishedOn } : {}),
          },
          ...(article.publishedOn ? { datePublished: article.publishedOn } : {}),
        },
      },
    ];
  });
}

/**
 * `value` as JSON fit to sit inside a `<script>` element: every character that could end the
 * element or open markup (`<`, `>`, `&`) and the line separators JavaScript rejects are escaped as
 * \uXXXX, which JSON parsers read back unchanged. A quote containing "</script>" stays a quote.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
