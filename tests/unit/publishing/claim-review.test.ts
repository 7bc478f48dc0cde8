import { describe, expect, it } from "vitest";
import { VERDICTS } from "@/lib/annotations/verdicts";
import { claimReviewsOf, jsonForScript } from "@/lib/publishing/claim-review";
import type { PublicArticle, PublicClaim } from "@/lib/publishing/public-view";
import { ratingValueOf } from "@/lib/publishing/ratings";

const newsroom = { name: "The Daily Check", url: "https://check.example", showReviewers: false, timeZone: "UTC", appUrl: "https://desk.example" };

const claim = (overrides: Partial<PublicClaim> = {}): PublicClaim => ({
  id: "11111111-1111-4111-8111-111111111111",
  number: 1,
  quote: "The council spent 4.2 million euros",
  start: 0,
  end: 35,
  verdict: "mostly_true",
  claimant: null,
  explanation: "The report says 4.19 million.",
  sources: [],
  approvedAt: "2026-11-20T10:00:00.000Z",
  approvedBy: null,
  ...overrides,
});

const article = (claims: PublicClaim[], overrides: Partial<PublicArticle> = {}): PublicArticle => ({
  id: "22222222-2222-4222-8222-222222222222",
  slug: "city-budget",
  title: "City budget under scrutiny",
  byline: null,
  originalUrl: "https://news.example/budget",
  publishedOn: "2026-11-18",
  publishedAt: "2026-11-21T08:00:00.000Z",
  summary: null,
  topics: [],
  updatedAt: null,
  doc: null,
  claims,
  changes: [],
  ...overrides,
});

describe("ratingValueOf", () => {
  it("puts the five degrees of truth on the 1-5 scale and leaves the others off it", () => {
    expect(Object.fromEntries(VERDICTS.map((verdict) => [verdict, ratingValueOf(verdict)]))).toEqual({
      true: 5,
      mostly_true: 4,
      half_true: 3,
      mostly_false: 2,
      false: 1,
      misleading: null,
      unproven: null,
    });
  });
});

describe("claimReviewsOf", () => {
  it("describes each claim with its rating, the original appearance, the newsroom and its anchor", () => {
    expect(claimReviewsOf(article([claim()]), newsroom)).toEqual([
      {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: "https://desk.example/p/city-budget#claim-11111111-1111-4111-8111-111111111111",
        claimReviewed: "The council spent 4.2 million euros",
        datePublished: "2026-11-20",
        author: { "@type": "Organization", name: "The Daily Check", url: "https://check.example" },
        reviewRating: { "@type": "Rating", alternateName: "Mostly true", ratingValue: 4, bestRating: 5, worstRating: 1 },
        itemReviewed: {
          "@type": "Claim",
          appearance: { "@type": "CreativeWork", url: "https://news.example/budget", headline: "City budget under scrutiny", datePublished: "2026-11-18" },
          datePublished: "2026-11-18",
        },
      },
    ]);
  });

  it("names who made the claim as its author: a person with their job title, an organization with its description", () => {
    const person = claim({ claimant: { name: "Jane Doe", kind: "person", role: "mayor" } });
    const organization = claim({ id: "y", claimant: { name: "City Hall", kind: "organization", role: "the mayor's office" } });
    const anonymous = claim({ id: "z", claimant: { name: "A council spokesman", kind: "person", role: null } });
    const authors = claimReviewsOf(article([person, organization, anonymous]), newsroom).map((review) => review.itemReviewed.author);
    expect(authors).toEqual([
      { "@type": "Person", name: "Jane Doe", jobTitle: "mayor" },
      { "@type": "Organization", name: "City Hall", description: "the mayor's office" },
      { "@type": "Person", name: "A council spokesman" },
    ]);
  });

  it("gives a misleading claim its label without a number", () => {
    const [review] = claimReviewsOf(article([claim({ verdict: "misleading" })]), newsroom);
    expect(review!.reviewRating).toEqual({ "@type": "Rating", alternateName: "Misleading" });
  });

  it("points the appearance at the public page when the original URL is unknown, and skips claims without a verdict", () => {
    const reviews = claimReviewsOf(article([claim(), claim({ id: "x", verdict: null })], { originalUrl: null, publishedOn: null }), { ...newsroom, url: null });
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.itemReviewed).toEqual({ "@type": "Claim", appearance: { "@type": "CreativeWork", url: "https://desk.example/p/city-budget", headline: "City budget under scrutiny" } });
    expect(reviews[0]!.author).toEqual({ "@type": "Organization", name: "The Daily Check" });
  });
});

describe("jsonForScript", () => {
  it("escapes what could close the script element, and parses back to the same value", () => {
    const value = { claimReviewed: "</script><script>alert(1)</script> & \u2028" };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
