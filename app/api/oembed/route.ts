import { apiRoute } from "@/lib/http/route";
import { json } from "@/lib/http/respond";
import { newsroomConfig } from "@/lib/newsroom/config";
import { claimOEmbed, wantsUnsupportedFormat } from "@/lib/publishing/oembed";

/** Public, like the pages it embeds: any site's script may read it. */
const CORS = { "Access-Control-Allow-Origin": "*" };

/**
 * oEmbed (https://oembed.com) for claims' fact-checks: a CMS given a claim's public address
 * (`/p/<slug>#claim-<id>`) gets the HTML that embeds it. `format=xml` is not offered (501, as the
 * specification asks).
 */
export const GET = apiRoute(async ({ request, db }) => {
  const input = Object.fromEntries(new URL(request.url).searchParams);
  if (wantsUnsupportedFormat(input)) return json({ error: "Only format=json is offered." }, { status: 501, headers: CORS });
  return json(await claimOEmbed(db, newsroomConfig(), input), { headers: { ...CORS, "Cache-Control": "public, max-age=300" } });
});
