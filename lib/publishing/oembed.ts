import { z } from "zod";
import type { Database } from "@/db/database";
import { NotFound } from "@/lib/errors";
import type { NewsroomConfig } from "@/lib/newsroom/config";
import { parseInput } from "@/lib/validation";
import { embeddedClaimOf, embedTitle, oembedOf, type OEmbedResponse } from "./embed";
import { embeddedClaim } from "./public-claim";

const dimension = z.coerce.number().int().min(1).max(10_000).optional();

/** An oEmbed request (https://oembed.com): the address to embed and the consumer's limits; other parameters are the consumer's own. */
const oembedQuerySchema = z.object({
  url: z.string("is required: the address of a fact-check").trim().min(1, "is required: the address of a fact-check").max(2_000, "must be at most 2,000 characters"),
  format: z.enum(["json", "xml"]).default("json"),
  maxwidth: dimension,
  maxheight: dimension,
});

/** The formats the oEmbed endpoint answers in. */
export function wantsUnsupportedFormat(input: Record<string, string>): boolean {
  return input.format === "xml";
}

/**
 * The oEmbed answer for the claim the address `url` names (its fact-check on a public page, or its
 * embed): 404 when it is not one of this desk's claims readers may see.
 */
export async function claimOEmbed(db: Database, newsroom: NewsroomConfig, input: Record<string, string>): Promise<OEmbedResponse> {
  const query = parseInput(oembedQuerySchema, input);
  const claim = embeddedClaimOf(newsroom.appUrl, query.url);
  if (!claim) throw new NotFound(`${query.url} is not the address of a fact-check on ${newsroom.appUrl}/p.`);
  const embedded = await embeddedClaim(db, claim.slug, claim.claimId, { showReviewers: newsroom.showReviewers });
  if (!embedded) throw new NotFound(`No published fact-check at ${query.url}.`);
  const quote = embedded.kind === "shown" ? embedded.claim.quote : embedded.quote;
  return oembedOf(newsroom, claim, embedTitle(quote), { maxwidth: query.maxwidth, maxheight: query.maxheight });
}
