import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { articles, correctionNotes, reviewEvents } from "@/db/schema";
import { createAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { documentFromPlainText } from "@/lib/articles/document";
import { describeEntry } from "@/lib/audit/describe";
import { annotationHistory } from "@/lib/audit/queries";
import { listPublished, publishedPages } from "@/lib/publishing/public-index";
import { Forbidden, Invalid, NotFound, Unauthenticated } from "@/lib/errors";
import { listClaimChanges, setCorrectionNote } from "@/lib/publishing/correction-notes";
import { publicArticleBySlug } from "@/lib/publishing/public-view";
import { publishArticle, unpublishArticle } from "@/lib/publishing/service";
import { changeStatus } from "@/lib/reviews/service";
import { saveRevision } from "@/lib/revisions/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addDesk, ARTICLE_TEXT, completeClaim, rowCount, selectorsOf } from "./fixtures";

describeOnEveryEngine("corrections on public pages", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
  });

  /** A claim on `exact`, taken through `steps` by the author (submitting) and the editor (deciding). */
  async function claim(exact: string, steps: string[]) {
    const created = await createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, exact), ...completeClaim });
    let version = created.version;
    for (const to of steps) version = await move(created.id, version, to);
    return { id: created.id, version };
  }

  /** Submitting is the author's move, deciding and reopening the editor's (`reopening`). */
  async function move(id: string, version: number, to: string, reopening = false): Promise<number> {
    const actor = to === "in_review" && !reopening ? author : editor;
    return (await changeStatus(db(), actor, id, { to, version, comment: "Another look." })).version;
  }

  const publicView = async () => (await publicArticleBySlug(db(), "mines-for-ukraine", { showReviewers: false }))!;

  it("lists nothing on a page that has not changed since it was published", async () => {
    await claim("non-persistent", ["in_review", "approved"]);
    await publishArticle(db(), editor, article.id);
    expect((await publicView()).changes).toEqual([]);
    expect((await listPublished(db(), { offset: 0, limit: 20 })).factChecks[0]!.correctedAt).toBeNull();
  });

  it("tells readers of a rating changed after publication, an approval recording its verdict", async () => {
    const rated = await claim("non-persistent", ["in_review", "approved"]);
    await publishArticle(db(), editor, article.id);
    // Reopened, sent back, re-rated by its author and approved again: the rating readers saw was wrong.
    let version = await move(rated.id, rated.version, "in_review", true);
    version = await move(rated.id, version, "changes_requested");
    version = (await updateAnnotation(db(), author, rated.id, { verdict: "false", version })).version;
    version = await move(rated.id, version, "in_review");
    await move(rated.id, version, "approved");

    const view = await publicView();
    expect(view.claims.map((shown) => shown.verdict)).toEqual(["false"]);
    expect(view.changes).toEqual([
      { kind: "rating_changed", at: expect.any(String), claimId: rated.id, quote: "non-persistent", from: "mostly_true", to: "false", eventIds: expect.any(Array), note: null },
    ]);
    // The index and the feed say it was corrected, and when.
    expect((await listPublished(db(), { offset: 0, limit: 20 })).factChecks[0]!.correctedAt).toBe(view.changes[0]!.at);
    const approvals = await db().select({ verdict: reviewEvents.verdict }).from(reviewEvents).where(eq(reviewEvents.toStatus, "approved")).orderBy(reviewEvents.createdAt);
    expect(approvals.map((approval) => approval.verdict)).toEqual(["mostly_true", "false"]);
    // The claim's history says what each approval rated it.
    const history = (await annotationHistory(db(), author, rated.id)).filter((entry) => entry.action === "status_changed").map(describeEntry);
    expect(history.filter((line) => line.includes("to Approved"))).toEqual([
      "moved it from In review to Approved, rated Mostly true",
      "moved it from In review to Approved, rated False",
    ]);
  });

  it("tells of a rating withdrawn, a claim added and the text revised, and keeps the first publication through an unpublishing", async () => {
    const withdrawn = await claim("non-persistent", ["in_review", "approved"]);
    await publishArticle(db(), editor, article.id);
    const [{ firstPublishedAt }] = (await db().select({ firstPublishedAt: articles.firstPublishedAt }).from(articles).where(eq(articles.id, article.id))) as [
      { firstPublishedAt: Date },
    ];
    await move(withdrawn.id, withdrawn.version, "in_review", true);
    const added = await claim("anti-personnel mines", ["in_review", "approved"]);
    await unpublishArticle(db(), editor, article.id);
    await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: documentFromPlainText(`${ARTICLE_TEXT}\nA sentence added later.`).toJSON() });
    await publishArticle(db(), editor, article.id);

    const view = await publicView();
    expect(new Date(view.publishedAt) > firstPublishedAt).toBe(true);
    expect(view.changes.map((change) => change.kind)).toEqual(["text_revised", "claim_added", "rating_withdrawn"]);
    expect(view.changes[1]).toMatchObject({ claimId: added.id, quote: "anti-personnel mines", verdict: "mostly_true" });
    expect(view.changes[2]).toMatchObject({ claimId: withdrawn.id, quote: "non-persistent", verdict: "mostly_true" });
    expect(view.claims.map((shown) => shown.id)).toEqual([added.id]);
    // A withdrawal is a correction; an addition and a revision are updates.
    expect((await listPublished(db(), { offset: 0, limit: 20 })).factChecks[0]!.correctedAt).toBe(view.changes[2]!.at);
  });

  describe("notes to readers", () => {
    /** A claim readers saw as Mostly true, reopened after publication: a withdrawal on the page. */
    async function withdrawnClaim() {
      const rated = await claim("non-persistent", ["in_review", "approved"]);
      await publishArticle(db(), editor, article.id);
      const version = await move(rated.id, rated.version, "in_review", true);
      const [withdrawal] = await listClaimChanges(db(), author, article.id);
      return { id: rated.id, version, withdrawal: withdrawal! };
    }

    it("shows an editor's note with its change on the public page, carries a withdrawal's note to the approval that ends it, and records each in the claim's history", async () => {
      const { id, version, withdrawal } = await withdrawnClaim();
      expect(withdrawal).toMatchObject({ kind: "rating_withdrawn", claimId: id, note: null });
      const noted = await setCorrectionNote(db(), editor, article.id, { event: withdrawal.eventIds[0], note: "  We are checking the amended tender.  " });
      expect(noted).toMatchObject({ kind: "rating_withdrawn", note: "We are checking the amended tender." });
      expect((await publicView()).changes[0]).toMatchObject({ kind: "rating_withdrawn", note: "We are checking the amended tender." });

      // Re-rated: the approval carries the withdrawal's note until it gets its own.
      let next = await move(id, version, "changes_requested");
      next = (await updateAnnotation(db(), author, id, { verdict: "false", version: next })).version;
      await move(id, await move(id, next, "in_review"), "approved");
      const [changed] = await listClaimChanges(db(), author, article.id);
      expect(changed).toMatchObject({ kind: "rating_changed", from: "mostly_true", to: "false", note: "We are checking the amended tender." });
      await setCorrectionNote(db(), editor, article.id, { event: changed!.eventIds[0], note: "The amended tender puts the cost at 13 million euros." });
      expect((await publicView()).changes[0]).toMatchObject({ note: "The amended tender puts the cost at 13 million euros." });
      // Removing it removes the withdrawal's too: readers see no note.
      expect((await setCorrectionNote(db(), editor, article.id, { event: changed!.eventIds[0], note: "" })).note).toBeNull();
      expect(await rowCount(db(), correctionNotes)).toBe(0);

      const history = (await annotationHistory(db(), author, id)).filter((entry) => entry.action === "updated" && entry.subject === "annotation").map(describeEntry);
      expect(history.filter((line) => line.includes("note to readers"))).toEqual([
        "wrote the note to readers on its public correction: “We are checking the amended tender.”",
        // Readers saw the withdrawal's note with the new rating: this one replaces it.
        "changed the note to readers on its public correction: “The amended tender puts the cost at 13 million euros.”",
        "removed the note to readers on its public correction",
      ]);
    });

    it("refuses reviewers, strangers, an event the page does not tell of, and a note too long, writing nothing", async () => {
      const { withdrawal } = await withdrawnClaim();
      const event = withdrawal.eventIds[0];
      await expect(setCorrectionNote(db(), author, article.id, { event, note: "Mine." })).rejects.toBeInstanceOf(Forbidden);
      await expect(setCorrectionNote(db(), null, article.id, { event, note: "Mine." })).rejects.toBeInstanceOf(Unauthenticated);
      const submitted = (await db().select({ id: reviewEvents.id }).from(reviewEvents).where(eq(reviewEvents.toStatus, "in_review")).orderBy(reviewEvents.createdAt))[0]!;
      await expect(setCorrectionNote(db(), editor, article.id, { event: submitted.id, note: "Not a public change." })).rejects.toBeInstanceOf(NotFound);
      await expect(setCorrectionNote(db(), editor, article.id, { event: "not-an-id", note: "x" })).rejects.toMatchObject({ fields: { event: expect.any(String) } });
      await expect(setCorrectionNote(db(), editor, article.id, { event, note: "x".repeat(2_001) })).rejects.toMatchObject({
        fields: { note: "must be at most 2,000 characters" },
      });
      await expect(setCorrectionNote(db(), editor, article.id, { event })).rejects.toBeInstanceOf(Invalid);
      expect(await rowCount(db(), correctionNotes)).toBe(0);
    });

    it("dates the page's last change, and the sitemap's, by a note written on it", async () => {
      const { withdrawal } = await withdrawnClaim();
      await setCorrectionNote(db(), editor, article.id, { event: withdrawal.eventIds[0], note: "We are checking new figures." });
      const [note] = await db().select({ writtenAt: correctionNotes.writtenAt }).from(correctionNotes);
      expect((await publicView()).updatedAt).toBe(note!.writtenAt.toISOString());
      expect((await publishedPages(db()))[0]!.lastModified).toBe(note!.writtenAt.toISOString());
    });

    it("lists nothing for an article never published", async () => {
      await claim("non-persistent", ["in_review", "approved"]);
      expect(await listClaimChanges(db(), author, article.id)).toEqual([]);
    });
  });
});
