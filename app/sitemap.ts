import type { MetadataRoute } from "next";
import { getDb } from "@/db/client";
import { newsroomConfig } from "@/lib/newsroom/config";
import { publicIndexUrl, topicIndexUrl } from "@/lib/publishing/atom-feed";
import { publicPageUrl } from "@/lib/publishing/claim-review";
import { publishedPages, publishedTopics } from "@/lib/publishing/public-index";

// Read at each request, never at build time: the build has no database to read.
export const dynamic = "force-dynamic";

/** `/sitemap.xml`: the public index, every published fact-check and the index of each topic they are filed under, for search engines. The desk itself is private. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { appUrl } = newsroomConfig();
  const db = await getDb();
  const [pages, topics] = await Promise.all([publishedPages(db), publishedTopics(db)]);
  const latest = pages.reduce<string | undefined>((last, page) => (!last || page.lastModified > last ? page.lastModified : last), undefined);
  return [
    { url: publicIndexUrl(appUrl), lastModified: latest, changeFrequency: "daily" },
    ...pages.map((page) => ({ url: publicPageUrl(appUrl, page.slug), lastModified: page.lastModified })),
    ...topics.map((topic) => ({ url: topicIndexUrl(appUrl, topic.name), lastModified: topic.lastPublished, changeFrequency: "weekly" as const })),
  ];
}
