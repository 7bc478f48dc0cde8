import { z } from "zod";
import type { Database } from "@/db/database";
import { NotFound } from "@/lib/errors";
import type { NewsroomConfig } from "@/lib/newsroom/config";
import { parseInput } from "@/lib/validation";
import { embedTargetOf, embedTitle, factCheckEmbedTitle, oembedOf, type EmbedTarget, type OEmbedResponse } from "./embed";
import { embeddedFactCheck } from "./embedded-fact-check";
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
 * The oEmbed answer for the fact-check or the claim the address `url` names (a public page, a claim's
 * note on it, or either's embed): 404 when it is not something of this desk's readers may see.
 */
export async function publicOEmbed(db: Database, newsroom: NewsroomConfig, input: Record<string, string>): Promise<OEmbedResponse> {
  const query = parseInput(oembedQuerySchema, input);
  const target = embedTargetOf(newsroom.appUrl, query.url);
  if (!target) throw new NotFound(`${query.url} is not the address of a fact-check on ${newsroom.appUrl}/p.`);
  const title = await titleOf(db, newsroom, target);
  if (!title) throw new NotFound(`No published fact-check at ${query.url}.`);
  return oembedOf(newsroom, target, title, { maxwidth: query.maxwidth, maxheight: query.maxheight });
}

/** The embed's title, or null when readers may not see what it would show. */
async function titleOf(db: Database, newsroom: NewsroomConfig, { slug, claimId }: EmbedTarget): Promise<string | null> {
  if (!claimId) {
    const factCheck = await embeddedFactCheck(db, slug);
    return factCheck && factCheckEmbedTitle(factCheck.title);
  }
  const embedded = await embeddedClaim(db, slug, claimId, { showReviewers: newsroom.showReviewers });
  return embedded && embedTitle(embedded.kind === "shown" ? embedded.claim.quote : embedded.quote);
}
