import type { MetadataRoute } from "next";
import { newsroomConfig } from "@/lib/newsroom/config";

export const dynamic = "force-dynamic";

/** `/robots.txt`: crawlers may read the published fact-checks (`/p`) and what their pages load, and nothing of the desk. */
export default function robots(): MetadataRoute.Robots {
  const { appUrl } = newsroomConfig();
  return { rules: { userAgent: "*", allow: ["/p", "/_next/static/", "/icon.svg"], disallow: "/" }, sitemap: `${appUrl}/sitemap.xml` };
}
