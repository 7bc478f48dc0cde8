import { getDb } from "@/db/client";
import { newsroomConfig } from "@/lib/newsroom/config";
import { atomFeed, FEED_LENGTH } from "@/lib/publishing/atom-feed";
import { listPublished, publicSearchSchema, publishedClaimsOf, publishedTopicName } from "@/lib/publishing/public-index";

export const dynamic = "force-dynamic";

const ATOM = { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=60" };

/**
 * The published fact-checks as an Atom feed, for feed readers and the newsroom's other sites; with
 * `?topic=`, those filed under that topic (any case), or 404 when no published fact-check is. Public.
 */
export async function GET(request: Request): Promise<Response> {
  const db = await getDb();
  const { topic: asked } = publicSearchSchema.parse({ topic: new URL(request.url).searchParams.get("topic") ?? "" });
  const topic = asked ? await publishedTopicName(db, asked) : null;
  if (asked && !topic) return new Response(`No published fact-check is filed under “${asked}”.`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { factChecks } = await listPublished(db, { offset: 0, limit: FEED_LENGTH, search: { q: "", claimant: "", verdict: "", topic: topic ?? "" } });
  const claims = await publishedClaimsOf(db, factChecks.map((factCheck) => factCheck.id));
  const feed = atomFeed(
    newsroomConfig(),
    factChecks.map((factCheck) => ({ ...factCheck, claims: claims.get(factCheck.id) ?? [] })),
    new Date(),
    topic,
  );
  return new Response(feed, { headers: ATOM });
}
