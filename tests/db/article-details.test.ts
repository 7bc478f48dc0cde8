import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { articles, webhookDeliveries } from "@/db/schema";
import { updateArticleDetails } from "@/lib/articles/details";
import { getArticle } from "@/lib/articles/service";
import { describeEntry } from "@/lib/audit/describe";
import { listAuditEntries } from "@/lib/audit/queries";
import { Forbidden, Invalid, NotFound, Unauthenticated } from "@/lib/errors";
import { listPublished } from "@/lib/publishing/public-index";
import { publicArticleBySlug } from "@/lib/publishing/public-view";
import { publishArticle } from "@/lib/publishing/service";
import type { Actor } from "@/lib/users/actor";
import { createWebhook } from "@/lib/webhooks/service";
import { describeOnEveryEngine } from "./engines";
import { addDesk, addUser } from "./fixtures";

const corrected = {
  title: "  US will send\n anti-personnel mines to Ukraine  ",
  byline: "Wire staff",
  originalUrl: "https://news.example/us-mines",
  publishedOn: "2024-11-20",
};

describeOnEveryEngine("an article's details", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
  });

  const details = async () => {
    const { title, byline, originalUrl, publishedOn } = await getArticle(db(), author, article.id);
    return { title, byline, originalUrl, publishedOn };
  };

  it("are corrected by an editor, blanks removing the optional ones, and the audit trail names what changed", async () => {
    const saved = await updateArticleDetails(db(), editor, article.id, corrected);
    const expected = { title: "US will send anti-personnel mines to Ukraine", byline: "Wire staff", originalUrl: "https://news.example/us-mines", publishedOn: "2024-11-20" };
    expect(saved).toEqual({ details: expected });
    expect(await details()).toEqual(expected);

    await updateArticleDetails(db(), editor, article.id, { title: expected.title, byline: "", originalUrl: null, publishedOn: "2024-11-20" });
    expect(await details()).toEqual({ ...expected, byline: null, originalUrl: null });
    // Saving what is there already changes nothing and records nothing.
    await updateArticleDetails(db(), editor, article.id, { title: expected.title, publishedOn: "2024-11-20" });

    const { entries } = await listAuditEntries(db(), await addUser(db(), "admin"), { article: article.id, action: "updated" });
    expect(entries.map(describeEntry)).toEqual([
      "changed the article's byline, original's address",
      expect.stringMatching(/^changed the article's title from “.+” to “US will send anti-personnel mines to Ukraine”, byline, original's address, day published$/),
    ]);
  });

  it("show on the public page (whose ClaimReviews name the original from them) and the index, at the same address,, date its last change and reach webhooks", async () => {
    const hook = await createWebhook(db(), await addUser(db(), "admin"), { url: "https://cms.example/hook", events: ["fact_check.changed"] });
    await updateArticleDetails(db(), editor, article.id, { title: "Before publication" });
    expect(await db().select().from(webhookDeliveries)).toEqual([]);
    const slug = (await publishArticle(db(), editor, article.id)).slug!;
    expect((await publicArticleBySlug(db(), slug, { showReviewers: false }))!.updatedAt).toBeNull();

    await updateArticleDetails(db(), editor, article.id, corrected);
    const view = (await publicArticleBySlug(db(), slug, { showReviewers: false }))!;
    expect(view).toMatchObject({ slug, title: "US will send anti-personnel mines to Ukraine", byline: "Wire staff", originalUrl: corrected.originalUrl, publishedOn: "2024-11-20" });
    const [row] = await db().select({ at: articles.detailsUpdatedAt }).from(articles).where(eq(articles.id, article.id));
    expect(view.updatedAt).toBe(row!.at!.toISOString());
    expect((await listPublished(db(), { offset: 0, limit: 20 })).factChecks[0]).toMatchObject({ slug, title: "US will send anti-personnel mines to Ukraine", byline: "Wire staff" });

    const deliveries = await db().select({ webhookId: webhookDeliveries.webhookId, event: webhookDeliveries.event }).from(webhookDeliveries);
    expect(deliveries).toEqual([
      {
        webhookId: hook.id,
        event: expect.objectContaining({
          type: "fact_check.changed",
          data: {
            factCheck: { articleId: article.id, title: "US will send anti-personnel mines to Ukraine", url: expect.stringMatching(new RegExp(`/p/${slug}$`)) },
            change: "details_changed",
            fields: ["title", "byline", "originalUrl", "publishedOn"],
          },
        }),
      },
    ]);
  });

  it("refuse reviewers, strangers, a missing title, an unsafe address, a malformed date and an unknown article, changing nothing", async () => {
    const before = await details();
    await expect(updateArticleDetails(db(), author, article.id, corrected)).rejects.toBeInstanceOf(Forbidden);
    await expect(updateArticleDetails(db(), null, article.id, corrected)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(updateArticleDetails(db(), editor, article.id, { ...corrected, title: "   " })).rejects.toMatchObject({ constructor: Invalid, fields: { title: "is required" } });
    await expect(updateArticleDetails(db(), editor, article.id, { byline: "Wire staff" })).rejects.toMatchObject({ constructor: Invalid, fields: { title: expect.any(String) } });
    await expect(updateArticleDetails(db(), editor, article.id, { ...corrected, title: "x".repeat(301) })).rejects.toMatchObject({
      fields: { title: "must be at most 300 characters" },
    });
    await expect(updateArticleDetails(db(), editor, article.id, { ...corrected, originalUrl: "javascript:alert(1)" })).rejects.toMatchObject({
      fields: { originalUrl: "must be an http:// or https:// address" },
    });
    await expect(updateArticleDetails(db(), editor, article.id, { ...corrected, publishedOn: "20 November" })).rejects.toMatchObject({
      fields: { publishedOn: "must be a date as YYYY-MM-DD" },
    });
    await expect(updateArticleDetails(db(), editor, article.id, { ...corrected, slug: "new-address" })).rejects.toBeInstanceOf(Invalid);
    await expect(updateArticleDetails(db(), editor, "00000000-0000-4000-8000-000000000000", corrected)).rejects.toBeInstanceOf(NotFound);
    expect(await details()).toEqual(before);
  });
});
