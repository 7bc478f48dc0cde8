import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClaimEmbed } from "@/components/public/claim-embed";
import "@/components/public/public-page.css";
import { getDb } from "@/db/client";
import { isId } from "@/lib/ids";
import { newsroomConfig } from "@/lib/newsroom/config";
import { publicPageUrl } from "@/lib/publishing/claim-review";
import { claimPageUrl, embedTitle, oembedUrl } from "@/lib/publishing/embed";
import { embeddedClaim } from "@/lib/publishing/public-claim";
import { isSlug } from "@/lib/publishing/slug";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string; claimId: string }> };

/** Loaded once per request, shared by the metadata and the page; a claim readers may not see is a 404. */
const load = cache(async (slug: string, claimId: string) => {
  if (!isSlug(slug) || !isId(claimId)) notFound();
  const newsroom = newsroomConfig();
  const embedded = await embeddedClaim(await getDb(), slug, claimId, { showReviewers: newsroom.showReviewers });
  if (!embedded) notFound();
  return { embedded, newsroom, claim: { slug, claimId } };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug, claimId } = await params;
  const { embedded, newsroom, claim } = await load(slug, claimId);
  return {
    title: { absolute: `${embedTitle(embedded.kind === "shown" ? embedded.claim.quote : embedded.quote)} · ${newsroom.name}` },
    // The fact-check's page is what search engines should index; its embeds would only repeat it.
    robots: { index: false, follow: true },
    alternates: { canonical: claimPageUrl(newsroom.appUrl, claim), types: { "application/json+oembed": oembedUrl(newsroom.appUrl, claim) } },
  };
}

/** A claim's fact-check for another site's iframe (see `lib/publishing/embed.ts`). Public, without JavaScript too. */
export default async function ClaimEmbedPage({ params }: Params) {
  const { slug, claimId } = await params;
  const { embedded, newsroom, claim } = await load(slug, claimId);
  return (
    <ClaimEmbed
      embedded={embedded}
      newsroomName={newsroom.name}
      pageUrl={publicPageUrl(newsroom.appUrl, embedded.article.slug)}
      claimUrl={claimPageUrl(newsroom.appUrl, claim)}
    />
  );
}
