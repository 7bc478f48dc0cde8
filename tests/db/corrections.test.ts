import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { articles, reviewEvents } from "@/db/schema";
import { createAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { documentFromPlainText } from "@/lib/articles/document";
import { describeEntry } from "@/lib/audit/describe";
import { annotationHistory } from "@/lib/audit/queries";
import { listPublished } from "@/lib/publishing/public-index";
import { publicArticleBySlug } from "@/lib/publishing/public-view";
import { publishArticle, unpublishArticle } from "@/lib/publishing/service";
import { changeStatus } from "@/lib/reviews/service";
import { saveRevision } from "@/lib/revisions/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addDesk, ARTICLE_TEXT, completeClaim, selectorsOf } from "./fixtures";

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
      { kind: "rating_changed", at: expect.any(String), claimId: rated.id, quote: "non-persistent", from: "mostly_true", to: "false" },
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
});
