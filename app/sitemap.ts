import type { MetadataRoute } from "next";
import { getDb } from "@/db/client";
import { newsroomConfig } from "@/lib/newsroom/config";
import { publicIndexUrl } from "@/lib/publishing/atom-feed";
import { publicPageUrl } from "@/lib/publishing/claim-review";
import { publishedPages } from "@/lib/publishing/public-index";

// Read at each request, never at build time: the build has no database to read.
export const dynamic = "force-dynamic";

/** `/sitemap.xml`: the public index and every published fact-check, for search engines. The desk itself is private. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { appUrl } = newsroomConfig();
  const pages = await publishedPages(await getDb());
  const latest = pages.reduce<string | undefined>((last, page) => (!last || page.lastModified > last ? page.lastModified : last), undefined);
  return [
    { url: publicIndexUrl(appUrl), lastModified: latest, changeFrequency: "daily" },
    ...pages.map((page) => ({ url: publicPageUrl(appUrl, page.slug), lastModified: page.lastModified })),
  ];
}
