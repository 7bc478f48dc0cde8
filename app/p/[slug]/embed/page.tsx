import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { FactCheckEmbed } from "@/components/public/fact-check-embed";
import "@/components/public/public-page.css";
import { getDb } from "@/db/client";
import { newsroomConfig } from "@/lib/newsroom/config";
import { publicPageUrl } from "@/lib/publishing/claim-review";
import { factCheckEmbedTitle, oembedUrl } from "@/lib/publishing/embed";
import { embeddedFactCheck } from "@/lib/publishing/embedded-fact-check";
import { isSlug } from "@/lib/publishing/slug";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

/** Loaded once per request, shared by the metadata and the page; a fact-check that is not published is a 404. */
const load = cache(async (slug: string) => {
  if (!isSlug(slug)) notFound();
  const factCheck = await embeddedFactCheck(await getDb(), slug);
  if (!factCheck) notFound();
  return { factCheck, newsroom: newsroomConfig() };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const { factCheck, newsroom } = await load(slug);
  return {
    title: { absolute: `${factCheckEmbedTitle(factCheck.title)} · ${newsroom.name}` },
    // The fact-check's page is what search engines should index; its embed would only repeat it.
    robots: { index: false, follow: true },
    alternates: { canonical: publicPageUrl(newsroom.appUrl, slug), types: { "application/json+oembed": oembedUrl(newsroom.appUrl, { slug }) } },
  };
}

/** A whole fact-check for another site's iframe (see `lib/publishing/embed.ts`). Public, without JavaScript too. */
export default async function FactCheckEmbedPage({ params }: Params) {
  const { slug } = await params;
  const { factCheck, newsroom } = await load(slug);
  return <FactCheckEmbed factCheck={factCheck} newsroomName={newsroom.name} pageUrl={publicPageUrl(newsroom.appUrl, slug)} />;
}
