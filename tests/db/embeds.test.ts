import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { annotations } from "@/db/schema";
import { discardAnnotation } from "@/lib/annotations/placement";
import { createAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { documentFromPlainText } from "@/lib/articles/document";
import { Invalid, NotFound } from "@/lib/errors";
import type { NewsroomConfig } from "@/lib/newsroom/config";
import { listClaimChanges, setCorrectionNote } from "@/lib/publishing/correction-notes";
import { claimPageUrl, embedUrl } from "@/lib/publishing/embed";
import { publicPageUrl } from "@/lib/publishing/claim-review";
import { setPublicSummary } from "@/lib/publishing/summary";
import { embeddedFactCheck } from "@/lib/publishing/embedded-fact-check";
import { publicOEmbed } from "@/lib/publishing/oembed";
import { embeddedClaim, type EmbeddedClaim } from "@/lib/publishing/public-claim";
import { publishArticle, unpublishArticle } from "@/lib/publishing/service";
import { changeStatus } from "@/lib/reviews/service";
import { saveRevision } from "@/lib/revisions/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addDesk, ARTICLE_TEXT, completeClaim, selectorsOf } from "./fixtures";

const SLUG = "mines-for-ukraine";
const newsroom: NewsroomConfig = { name: "The Daily Check", url: null, showReviewers: false, timeZone: "UTC", appUrl: "https://desk.example" };

describeOnEveryEngine("a claim's fact-check embedded in other pages", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
  });

  /** A claim on `exact`, taken through `steps`: the author submits, the editor decides and reopens (`in_review` once approved). */
  async function claim(exact: string, steps: string[], on = article) {
    const created = await createAnnotation(db(), author, on.id, { selectors: selectorsOf(on.plainText, exact), ...completeClaim });
    let version = created.version;
    for (const to of steps) version = await move(created.id, version, to);
    return { id: created.id, version };
  }

  async function move(id: string, version: number, to: string): Promise<number> {
    const [{ status }] = (await db().select({ status: annotations.status }).from(annotations).where(eq(annotations.id, id))) as [{ status: string }];
    const actor = to === "in_review" && status !== "approved" ? author : editor;
    return (await changeStatus(db(), actor, id, { to, version, comment: "Another look." })).version;
  }

  const embedded = (claimId: string, slug = SLUG) => embeddedClaim(db(), slug, claimId, { showReviewers: false });

  it("shows an approved claim as its public page does, and says what a correction changed", async () => {
    const rated = await claim("non-persistent", ["in_review", "approved"]);
    await publishArticle(db(), editor, article.id);
    expect(await embedded(rated.id)).toMatchObject({
      kind: "shown",
      article: { slug: SLUG, title: "Mines for Ukraine" },
      claim: { id: rated.id, quote: "non-persistent", verdict: "mostly_true", sources: [{ url: "https://www.defense.gov/News/" }] },
      ratedBefore: null,
    });

    const first = (await embedded(rated.id)) as Extract<EmbeddedClaim, { kind: "shown" }>;
    // Re-rated after publication: the embed shows the new rating, and what it was before, checked on its latest approval.
    let version = await move(rated.id, rated.version, "in_review");
    version = await move(rated.id, version, "changes_requested");
    version = (await updateAnnotation(db(), author, rated.id, { verdict: "false", version })).version;
    await move(rated.id, await move(rated.id, version, "in_review"), "approved");
    const again = (await embedded(rated.id)) as Extract<EmbeddedClaim, { kind: "shown" }>;
    expect(again).toMatchObject({ kind: "shown", claim: { verdict: "false" }, ratedBefore: { from: "mostly_true", at: expect.any(String) } });
    expect(again.claim.approvedAt).toBe(again.ratedBefore!.at);
    expect(again.claim.approvedAt > first.claim.approvedAt).toBe(true);
  });

  it("never shows a withdrawn rating as standing: it says the rating was withdrawn, with the editor's note", async () => {
    const rated = await claim("non-persistent", ["in_review", "approved"]);
    await publishArticle(db(), editor, article.id);
    await move(rated.id, rated.version, "in_review");
    const [withdrawal] = await listClaimChanges(db(), editor, article.id);
    await setCorrectionNote(db(), editor, article.id, { event: withdrawal!.eventIds[0], note: "We are checking the amended figures." });

    const shown = await embedded(rated.id);
    expect(shown).toEqual({
      kind: "withdrawn",
      article: { slug: SLUG, title: "Mines for Ukraine", byline: null },
      quote: "non-persistent",
      at: withdrawal!.at,
      note: "We are checking the amended figures.",
    });
    expect(JSON.stringify(shown)).not.toContain("mostly_true");
  });

  it("says a fact-check is being updated while a revision took its words, and shows nothing once it is discarded", async () => {
    const rated = await claim("non-persistent", ["in_review", "approved"]);
    await publishArticle(db(), editor, article.id);
    const [first, , third] = ARTICLE_TEXT.split("\n");
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: documentFromPlainText(`${first}\n${third}`).toJSON() });
    expect(await embedded(rated.id)).toEqual({ kind: "updating", article: expect.objectContaining({ slug: SLUG }), quote: "non-persistent" });

    const [{ version }] = (await db().select({ version: annotations.version }).from(annotations).where(eq(annotations.id, rated.id))) as [{ version: number }];
    await discardAnnotation(db(), editor, rated.id, { version });
    expect(await embedded(rated.id)).toBeNull();
  });

  it("shows nothing of a claim readers never saw, of another article's claim, or of an unpublished article", async () => {
    const draft = await claim("non-persistent", []);
    const inReview = await claim("anti-personnel mines", ["in_review"]);
    const other = await addArticle(db(), "Another article with a non-persistent claim.");
    const elsewhere = await claim("non-persistent", ["in_review", "approved"], other);
    const approved = await claim("Ukrainian territory", ["in_review", "approved"]);
    await publishArticle(db(), editor, article.id);
    await publishArticle(db(), editor, other.id);
    expect(await embedded(draft.id)).toBeNull();
    expect(await embedded(inReview.id)).toBeNull();
    expect(await embedded(elsewhere.id)).toBeNull();
    expect(await embedded(approved.id, "no-such-page")).toBeNull();
    await unpublishArticle(db(), editor, article.id);
    expect(await embedded(approved.id)).toBeNull();
  });

  it("shows a whole fact-check as its page does: its summary, its claims by verdict, and when it was corrected", async () => {
    const rated = await claim("non-persistent", ["in_review", "approved"]);
    await claim("anti-personnel mines", ["in_review"]);
    await claim("Ukrainian territory", ["in_review", "approved"]);
    expect(await embeddedFactCheck(db(), SLUG)).toBeNull();
    await setPublicSummary(db(), editor, article.id, { summary: "Mostly right." });
    await publishArticle(db(), editor, article.id);
    expect(await embeddedFactCheck(db(), SLUG)).toEqual({
      slug: SLUG,
      title: "Mines for Ukraine",
      byline: null,
      summary: "Mostly right.",
      verdicts: [{ verdict: "mostly_true", count: 2 }],
      claims: [
        { id: rated.id, quote: "non-persistent", claimant: null, verdict: "mostly_true", explanation: completeClaim.explanation },
        { id: expect.any(String), quote: "Ukrainian territory", claimant: null, verdict: "mostly_true", explanation: completeClaim.explanation },
      ],
      correctedAt: null,
    });
    // Withdrawn for another review: a correction, and one claim fewer.
    await move(rated.id, rated.version, "in_review");
    expect(await embeddedFactCheck(db(), SLUG)).toMatchObject({ verdicts: [{ verdict: "mostly_true", count: 1 }], correctedAt: expect.any(String) });
    await unpublishArticle(db(), editor, article.id);
    expect(await embeddedFactCheck(db(), SLUG)).toBeNull();
  });

  it("answers oEmbed for a fact-check's or a claim's public address or embed, and 404 for anything else", async () => {
    const rated = await claim("non-persistent", ["in_review", "approved"]);
    const draft = await claim("anti-personnel mines", []);
    await publishArticle(db(), editor, article.id);
    const ref = { slug: SLUG, claimId: rated.id };

    const answer = await publicOEmbed(db(), newsroom, { url: claimPageUrl(newsroom.appUrl, ref), maxwidth: "480", format: "json" });
    expect(answer).toMatchObject({ type: "rich", version: "1.0", title: "Fact-check: “non-persistent”", provider_name: "The Daily Check", width: 480, height: 360 });
    expect(answer.html).toContain(`<iframe src="${embedUrl(newsroom.appUrl, ref)}"`);
    expect(await publicOEmbed(db(), newsroom, { url: embedUrl(newsroom.appUrl, ref) })).toEqual(await publicOEmbed(db(), newsroom, { url: claimPageUrl(newsroom.appUrl, ref) }));

    const page = await publicOEmbed(db(), newsroom, { url: publicPageUrl(newsroom.appUrl, SLUG) });
    expect(page).toMatchObject({ type: "rich", title: "Fact-check: Mines for Ukraine", width: 560, height: 360 });
    expect(page.html).toContain(`<iframe src="${embedUrl(newsroom.appUrl, { slug: SLUG })}"`);
    expect(await publicOEmbed(db(), newsroom, { url: embedUrl(newsroom.appUrl, { slug: SLUG }) })).toEqual(page);
    await expect(publicOEmbed(db(), newsroom, { url: publicPageUrl(newsroom.appUrl, "no-such-page") })).rejects.toBeInstanceOf(NotFound);

    await expect(publicOEmbed(db(), newsroom, { url: claimPageUrl(newsroom.appUrl, { slug: SLUG, claimId: draft.id }) })).rejects.toBeInstanceOf(NotFound);
    await expect(publicOEmbed(db(), newsroom, { url: claimPageUrl("https://elsewhere.example", ref) })).rejects.toBeInstanceOf(NotFound);
    await expect(publicOEmbed(db(), newsroom, {})).rejects.toMatchObject({ constructor: Invalid, fields: { url: "is required: the address of a fact-check" } });
    await expect(publicOEmbed(db(), newsroom, { url: claimPageUrl(newsroom.appUrl, ref), maxwidth: "wide" })).rejects.toMatchObject({ constructor: Invalid, fields: { maxwidth: expect.any(String) } });
  });
});
