import { getDb } from "@/db/client";
import { newsroomConfig } from "@/lib/newsroom/config";
import { atomFeed, FEED_LENGTH } from "@/lib/publishing/atom-feed";
import { listPublished, publishedClaimsOf } from "@/lib/publishing/public-index";

export const dynamic = "force-dynamic";

/** The published fact-checks as an Atom feed, for feed readers and the newsroom's other sites. Public. */
export async function GET(): Promise<Response> {
  const db = await getDb();
  const { factChecks } = await listPublished(db, { offset: 0, limit: FEED_LENGTH });
  const claims = await publishedClaimsOf(db, factChecks.map((factCheck) => factCheck.id));
  const feed = atomFeed(
    newsroomConfig(),
    factChecks.map((factCheck) => ({ ...factCheck, claims: claims.get(factCheck.id) ?? [] })),
    new Date(),
  );
  return new Response(feed, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=60" } });
}
