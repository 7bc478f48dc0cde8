import { apiRoute } from "@/lib/http/route";
import { json } from "@/lib/http/respond";
import { newsroomConfig } from "@/lib/newsroom/config";
import { publicOEmbed, wantsUnsupportedFormat } from "@/lib/publishing/oembed";

/** Public, like the pages it embeds: any site's script may read it. */
const CORS = { "Access-Control-Allow-Origin": "*" };

/**
 * oEmbed (https://oembed.com) for fact-checks and their claims: a CMS given a public page's address, or a claim's
 * (`/p/<slug>#claim-<id>`) gets the HTML that embeds it. `format=xml` is not offered (501, as the
 * specification asks).
 */
export const GET = apiRoute(async ({ request, db }) => {
  const input = Object.fromEntries(new URL(request.url).searchParams);
  if (wantsUnsupportedFormat(input)) return json({ error: "Only format=json is offered." }, { status: 501, headers: CORS });
  return json(await publicOEmbed(db, newsroomConfig(), input), { headers: { ...CORS, "Cache-Control": "public, max-age=300" } });
});
