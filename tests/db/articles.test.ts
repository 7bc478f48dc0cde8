import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/db/connect";
import type { Database } from "@/db/database";
import { prepareDatabase } from "@/db/prepare";
import { annotations, articles } from "@/db/schema";
import { DEMO_ARTICLE_TITLE } from "@/db/seed/demo-article";
import { createAnnotation } from "@/lib/annotations/service";
import { documentFromJSON } from "@/lib/articles/document";
import { listArticles } from "@/lib/articles/list";
import { getArticle } from "@/lib/articles/service";
import { NotFound, Unauthenticated } from "@/lib/errors";
import { changeStatus } from "@/lib/reviews/service";
import { engines } from "./engines";
import { addArticle, addUser, completeClaim, selectorsOf } from "./fixtures";

/**
 * The app's first start on each engine: a new, empty database handed to prepareDatabase, as getConnection does.
 * Not `describeOnEveryEngine`, whose databases are migrated and emptied before each test: what is tested
 * here is migrating and seeding from nothing. The article service then runs on the prepared database.
 */
for (const engine of engines) {
  describe(`articles on a newly prepared database (${engine.name})`, () => {
    let connection: Connection;
    let dispose: () => Promise<void>;
    const db = (): Database => connection.db;

    beforeAll(async () => {
      ({ connection, dispose } = await engine.open());
      await prepareDatabase(connection);
    });
    afterAll(async () => {
      await dispose?.();
    });

    const demoArticles = () => db().select().from(articles).where(eq(articles.title, DEMO_ARTICLE_TITLE));

    it("loads the demo article, one paragraph per line of its text", async () => {
      expect(DEMO_ARTICLE_TITLE).toBe("US to send anti-personnel mines to Ukraine");
      const [demo, ...others] = await demoArticles();
      expect(others).toEqual([]);
      const doc = documentFromJSON(demo!.doc);
      expect(doc.childCount).toBe(8);
      expect(doc.firstChild?.textContent).toMatch(/^The Biden administration has decided to send anti-personnel mines/);
      expect(demo!.plainText.split("\n")).toHaveLength(8);
    });

    it("does not load the demo article again when prepared again", async () => {
      await prepareDatabase(connection);
      expect(await demoArticles()).toHaveLength(1);
    });

    it("lists articles with how many claims are in each review status", async () => {
      const author = await addUser(db(), "reviewer");
      const { id, plainText } = await addArticle(db());
      await createAnnotation(db(), author, id, { selectors: selectorsOf(plainText, "mines", 0) });
      const second = await createAnnotation(db(), author, id, { selectors: selectorsOf(plainText, "mines", 1), ...completeClaim });
      await changeStatus(db(), author, second.id, { to: "in_review", version: 1 });

      const { articles: listed } = await listArticles(db(), author);
      expect(listed[0]?.id).toBe(id);
      expect(listed[0]?.claimsByStatus).toEqual({ draft: 1, in_review: 1, changes_requested: 0, approved: 0, rejected: 0 });
      expect(listed[0]?.orphanedClaims).toBe(0);
      expect(listed[0]?.placementsToCheck).toBe(0);
      expect(listed.find((article) => article.title === DEMO_ARTICLE_TITLE)?.claimsByStatus.draft).toBe(0);
    });

    it("counts orphaned claims apart from the claims on the text, and the placements to check among those, leaving discarded ones out", async () => {
      const author = await addUser(db(), "reviewer");
      const { id, plainText } = await addArticle(db());
      const [doubtful, orphan, discarded] = await Promise.all(
        [0, 1, 2].map((occurrence) => createAnnotation(db(), author, id, { selectors: selectorsOf(plainText, "mines", occurrence) })),
      );
      const now = new Date();
      await db().update(annotations).set({ orphanedAt: now, placementChecked: false }).where(inArray(annotations.id, [orphan!.id, discarded!.id]));
      await db().update(annotations).set({ discardedAt: now }).where(eq(annotations.id, discarded!.id));
      await db().update(annotations).set({ placementChecked: false }).where(eq(annotations.id, doubtful!.id));

      const listed = (await listArticles(db(), author)).articles.find((article) => article.id === id);
      // The placements to check are those on the text: an orphan has none.
      expect(listed).toMatchObject({ claimsByStatus: { draft: 1, in_review: 0 }, orphanedClaims: 1, placementsToCheck: 1 });
    });

    it("reads an article with its document and the plain text its selectors count in", async () => {
      const reader = await addUser(db(), "reviewer");
      const { id, plainText } = await addArticle(db(), "First line.\r\n\r\nSecond line.");
      const article = await getArticle(db(), reader, id);
      expect(article).toMatchObject({ id, plainText: "First line.\nSecond line.", revision: 1, annotationsStamp: 0 });
      expect(article.plainText).toBe(plainText);
      expect(documentFromJSON(article.doc).childCount).toBe(2);
    });

    it("answers NotFound for an unknown article and Unauthenticated for the anonymous", async () => {
      const reader = await addUser(db(), "reviewer");
      await expect(getArticle(db(), reader, randomUUID())).rejects.toBeInstanceOf(NotFound);
      await expect(listArticles(db(), null)).rejects.toBeInstanceOf(Unauthenticated);
    });
  });
}
