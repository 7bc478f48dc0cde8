import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { annotations as annotationsTable, articles, auditEntries } from "@/db/schema";
import { assignAnnotation } from "@/lib/annotations/assignment";
import { createAnnotation, getAnnotation } from "@/lib/annotations/service";
import { discardAnnotation } from "@/lib/annotations/placement";
import { documentFromPlainText } from "@/lib/articles/document";
import { addComment } from "@/lib/comments/service";
import { Conflict, Forbidden, NotFound, Unauthenticated } from "@/lib/errors";
import { publicArticleBySlug } from "@/lib/publishing/public-view";
import { publicationReadiness } from "@/lib/publishing/readiness";
import { publishArticle, readPublication, unpublishArticle } from "@/lib/publishing/service";
import { changeStatus } from "@/lib/reviews/service";
import { saveRevision } from "@/lib/revisions/service";
import type { Actor } from "@/lib/users/actor";
import { describeOnEveryEngine } from "./engines";
import { addArticle, addDesk, ARTICLE_TEXT, completeClaim, selectorsOf } from "./fixtures";

describeOnEveryEngine("publishing", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
  });

  const auditOf = (action: "published" | "unpublished") => db().select().from(auditEntries).where(eq(auditEntries.action, action));

  it("publishes at a slug made of the title and records who did it", async () => {
    const publication = await publishArticle(db(), editor, article.id);
    expect(publication.slug).toBe("mines-for-ukraine");
    expect(await readPublication(db(), author, article.id)).toEqual(publication);
    const [entry] = await auditOf("published");
    expect(entry).toMatchObject({ actorId: editor.id, subject: "article", subjectId: article.id, articleId: article.id, after: publication });
  });

  it("gives a second article with the same title a suffixed slug", async () => {
    const other = await addArticle(db());
    await publishArticle(db(), editor, article.id);
    expect((await publishArticle(db(), editor, other.id)).slug).toBe("mines-for-ukraine-2");
  });

  it("gives simultaneous publications of same-titled articles distinct slugs (retrying a slug taken meanwhile), or refuses with a conflict", async () => {
    const others = await Promise.all([addArticle(db()), addArticle(db()), addArticle(db())]);
    const outcomes = await Promise.allSettled([article, ...others].map((each) => publishArticle(db(), editor, each.id)));
    const slugs = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value.slug] : []));
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const outcome of outcomes) if (outcome.status === "rejected") expect(outcome.reason).toBeInstanceOf(Conflict);
    expect(slugs.length).toBeGreaterThan(0);
  });

  it("unpublishes, keeping the slug for a republication, with an audit entry each time", async () => {
    const { slug } = await publishArticle(db(), editor, article.id);
    expect(await unpublishArticle(db(), editor, article.id)).toEqual({ slug, publishedAt: null });
    expect(await publicArticleBySlug(db(), slug!, { showReviewers: false })).toBeNull();
    expect((await publishArticle(db(), editor, article.id)).slug).toBe(slug);
    expect(await auditOf("unpublished")).toHaveLength(1);
    expect(await auditOf("published")).toHaveLength(2);
  });

  it("refuses publishing to reviewers and anonymous visitors, and writes nothing", async () => {
    await expect(publishArticle(db(), author, article.id)).rejects.toThrow(Forbidden);
    await expect(publishArticle(db(), null, article.id)).rejects.toThrow(Unauthenticated);
    await publishArticle(db(), editor, article.id);
    await expect(unpublishArticle(db(), author, article.id)).rejects.toThrow(Forbidden);
    await expect(unpublishArticle(db(), { ...editor, disabled: true }, article.id)).rejects.toThrow(Forbidden);
    expect(await auditOf("unpublished")).toHaveLength(0);
    const [row] = await db().select({ publishedAt: articles.publishedAt }).from(articles).where(eq(articles.id, article.id));
    expect(row!.publishedAt).not.toBeNull();
  });

  it("refuses publishing twice and unpublishing what is not public", async () => {
    await expect(unpublishArticle(db(), editor, article.id)).rejects.toThrow(Conflict);
    await publishArticle(db(), editor, article.id);
    await expect(publishArticle(db(), editor, article.id)).rejects.toThrow(Conflict);
    expect(await auditOf("published")).toHaveLength(1);
  });

  describe("the public view", () => {
    /** One claim in each state a claim can be in, on distinct words of the article. */
    async function claimInEveryState() {
      const claim = async (exact: string) =>
        createAnnotation(db(), author, article.id, { selectors: selectorsOf(article.plainText, exact), ...completeClaim });
      const move = async (id: string, steps: [Actor, string][]) => {
        let version = 1;
        for (const [actor, to] of steps) version = (await changeStatus(db(), actor, id, { to, version, comment: "A reason." })).version;
        return version;
      };
      const draft = await claim("United States");
      const inReview = await claim("anti-personnel mines");
      await move(inReview.id, [[author, "in_review"]]);
      const changesRequested = await claim("Ukraine, officials");
      await move(changesRequested.id, [[author, "in_review"], [editor, "changes_requested"]]);
      const approved = await claim("non-persistent");
      await move(approved.id, [[author, "in_review"], [editor, "approved"]]);
      const rejected = await claim("deactivate on their own");
      await move(rejected.id, [[author, "in_review"], [editor, "rejected"]]);
      const orphaned = await claim("only on Ukrainian territory");
      await move(orphaned.id, [[author, "in_review"], [editor, "approved"]]);
      const discarded = await claim("Officials said the mines");
      const discardedVersion = await move(discarded.id, [[author, "in_review"], [editor, "approved"]]);
      await addComment(db(), author, approved.id, { body: "SECRET-DESK-COMMENT about the Pentagon." });
      // A revision that drops the third sentence orphans the last two; one of them is then discarded.
      const [first, second] = ARTICLE_TEXT.split("\n");
      await saveRevision(db(), editor, article.id, { baseRevision: 1, doc: documentFromPlainText(`${first}\n${second}`).toJSON() });
      await discardAnnotation(db(), editor, discarded.id, { version: discardedVersion });
      return { draft, inReview, changesRequested, approved, rejected, orphaned, discarded };
    }

    it("holds only approved claims that are in the text, whatever the others' status", async () => {
      const claims = await claimInEveryState();
      const { slug } = await publishArticle(db(), editor, article.id);
      const view = await publicArticleBySlug(db(), slug!, { showReviewers: false });
      expect(view!.claims.map((claim) => claim.id)).toEqual([claims.approved.id]);
      const serialized = JSON.stringify(view);
      for (const [state, claim] of Object.entries(claims)) {
        if (state !== "approved") expect(serialized, state).not.toContain(claim.id);
      }
      expect(serialized).not.toContain("SECRET-DESK-COMMENT");
      expect(serialized).not.toContain("Rita Reviewer");
      expect(serialized).not.toContain("Eddie Editor");
      expect(view!.claims[0]).toMatchObject({
        number: 1,
        quote: "non-persistent",
        verdict: "mostly_true",
        explanation: completeClaim.explanation,
        sources: [{ url: "https://www.defense.gov/News/", title: "Briefing", publisher: "", archiveUrl: null }],
        approvedBy: null,
      });
    });

    it("names the approving editor only when the newsroom shows reviewers", async () => {
      await claimInEveryState();
      const { slug } = await publishArticle(db(), editor, article.id);
      const view = await publicArticleBySlug(db(), slug!, { showReviewers: true });
      expect(view!.claims.map((claim) => claim.approvedBy)).toEqual(["Eddie Editor"]);
      expect(JSON.stringify(view)).not.toContain("Rita Reviewer");
    });

    it("leaves out an approved claim whose placement waits to be checked", async () => {
      const claims = await claimInEveryState();
      await db().update(annotationsTable).set({ placementChecked: false }).where(eq(annotationsTable.id, claims.approved.id));
      const { slug } = await publishArticle(db(), editor, article.id);
      expect((await publicArticleBySlug(db(), slug!, { showReviewers: false }))!.claims).toEqual([]);
    });

    it("says when the page changed after it was published: a claim reopened, a revision saved", async () => {
      const claims = await claimInEveryState();
      const { slug } = await publishArticle(db(), editor, article.id);
      const view = async () => (await publicArticleBySlug(db(), slug!, { showReviewers: false }))!;
      expect((await view()).updatedAt).toBeNull();
      // Work the public does not see changes nothing.
      await changeStatus(db(), author, claims.draft.id, { to: "in_review", version: 1 });
      await assignAnnotation(db(), editor, claims.approved.id, { assigneeId: author.id, dueOn: "2026-12-04" });
      expect((await view()).updatedAt).toBeNull();
      const approved = await getAnnotation(db(), editor, claims.approved.id);
      await changeStatus(db(), editor, approved.id, { to: "in_review", version: approved.version, comment: "Check the date." });
      const reopened = (await view()).updatedAt;
      expect(Date.parse(reopened!)).toBeGreaterThan(Date.parse((await view()).publishedAt));
      const [first, second] = ARTICLE_TEXT.split("\n");
      await saveRevision(db(), editor, article.id, { baseRevision: 2, doc: documentFromPlainText(`${first} Updated.\n${second}`).toJSON() });
      expect(Date.parse((await view()).updatedAt!)).toBeGreaterThanOrEqual(Date.parse(reopened!));
    });

    it("counts the claims the page shows and those on their way, leaving out rejected and discarded ones", async () => {
      const claims = await claimInEveryState();
      const { slug } = await publishArticle(db(), editor, article.id);
      const readiness = await publicationReadiness(db(), author, article.id);
      expect(readiness).toEqual({ shown: 1, waiting: { in_review: 1, changes_requested: 1, draft: 1, placement: 0, orphaned: 1 } });
      expect(readiness.shown).toBe((await publicArticleBySlug(db(), slug!, { showReviewers: false }))!.claims.length);
      await db().update(annotationsTable).set({ placementChecked: false }).where(eq(annotationsTable.id, claims.approved.id));
      expect(await publicationReadiness(db(), author, article.id)).toMatchObject({ shown: 0, waiting: { placement: 1 } });
      await expect(publicationReadiness(db(), null, article.id)).rejects.toBeInstanceOf(Unauthenticated);
      await expect(publicationReadiness(db(), author, crypto.randomUUID())).rejects.toBeInstanceOf(NotFound);
    });

    it("is null for an article never published", async () => {
      expect(await publicArticleBySlug(db(), "mines-for-ukraine", { showReviewers: false })).toBeNull();
    });
  });
});
