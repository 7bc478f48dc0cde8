import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { articles, webhookDeliveries } from "@/db/schema";
import { describeEntry } from "@/lib/audit/describe";
import { listAuditEntries } from "@/lib/audit/queries";
import { Forbidden, Invalid, NotFound, Unauthenticated } from "@/lib/errors";
import { listPublished } from "@/lib/publishing/public-index";
import { publicArticleBySlug } from "@/lib/publishing/public-view";
import { publishArticle } from "@/lib/publishing/service";
import { readPublicSummary, setPublicSummary } from "@/lib/publishing/summary";
import type { Actor } from "@/lib/users/actor";
import { createWebhook } from "@/lib/webhooks/service";
import { describeOnEveryEngine } from "./engines";
import { addDesk, addUser } from "./fixtures";

describeOnEveryEngine("the fact-check's summary for readers", (db) => {
  let author: Actor;
  let editor: Actor;
  let article: { id: string; plainText: string };

  beforeEach(async () => {
    ({ author, editor, article } = await addDesk(db()));
  });

  const publicView = async () => (await publicArticleBySlug(db(), "mines-for-ukraine", { showReviewers: false }))!;

  it("is written, changed and removed by editors, shown on the public page and the index, and told in the audit trail", async () => {
    expect(await readPublicSummary(db(), author, article.id)).toEqual({ summary: null });
    const written = await setPublicSummary(db(), editor, article.id, { summary: "  The mines are not the kind the treaty bans.\r\n\r\n\r\n\r\nOfficials confirmed it.  " });
    expect(written).toEqual({ summary: "The mines are not the kind the treaty bans.\n\nOfficials confirmed it." });
    expect(await readPublicSummary(db(), author, article.id)).toEqual(written);
    await publishArticle(db(), editor, article.id);
    expect((await publicView()).summary).toBe(written.summary);
    expect((await listPublished(db(), { offset: 0, limit: 20 })).factChecks[0]!.summary).toBe(written.summary);

    await setPublicSummary(db(), editor, article.id, { summary: "The mines deactivate themselves." });
    expect(await setPublicSummary(db(), editor, article.id, { summary: "" })).toEqual({ summary: null });
    expect((await publicView()).summary).toBeNull();
    const { entries } = await listAuditEntries(db(), await addUser(db(), "admin"), { article: article.id, action: "updated" });
    expect(entries.map(describeEntry)).toEqual([
      "removed the summary readers see",
      "changed the summary readers see: “The mines deactivate themselves.”",
      "wrote the summary readers see: “The mines are not the kind the treaty bans.\n\nOfficials confirmed it.”",
    ]);
  });

  it("dates the public page's last change, and tells webhooks of it once the page is published", async () => {
    const hook = await createWebhook(db(), await addUser(db(), "admin"), { url: "https://cms.example/hook", events: ["fact_check.changed"] });
    await setPublicSummary(db(), editor, article.id, { summary: "Before publication: no page to change." });
    expect(await db().select().from(webhookDeliveries)).toEqual([]);
    await publishArticle(db(), editor, article.id);
    expect((await publicView()).updatedAt).toBeNull();

    await setPublicSummary(db(), editor, article.id, { summary: "After publication." });
    const view = await publicView();
    const [{ summaryUpdatedAt }] = (await db().select({ summaryUpdatedAt: articles.summaryUpdatedAt }).from(articles).where(eq(articles.id, article.id))) as [
      { summaryUpdatedAt: Date },
    ];
    expect(view.updatedAt).toBe(summaryUpdatedAt.toISOString());
    expect(new Date(view.updatedAt!) > new Date(view.publishedAt)).toBe(true);
    const deliveries = await db().select({ webhookId: webhookDeliveries.webhookId, event: webhookDeliveries.event }).from(webhookDeliveries);
    expect(deliveries).toEqual([
      {
        webhookId: hook.id,
        event: expect.objectContaining({ type: "fact_check.changed", data: { factCheck: expect.objectContaining({ articleId: article.id }), change: "summary_changed" } }),
      },
    ]);
  });

  it("refuses reviewers, strangers, an over-long or malformed summary and an unknown article, writing nothing", async () => {
    await expect(setPublicSummary(db(), author, article.id, { summary: "Mine." })).rejects.toBeInstanceOf(Forbidden);
    await expect(setPublicSummary(db(), null, article.id, { summary: "Mine." })).rejects.toBeInstanceOf(Unauthenticated);
    await expect(readPublicSummary(db(), null, article.id)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(setPublicSummary(db(), editor, article.id, { summary: "x".repeat(1_001) })).rejects.toMatchObject({
      constructor: Invalid,
      fields: { summary: "must be at most 1,000 characters" },
    });
    await expect(setPublicSummary(db(), editor, article.id, { summary: 42 })).rejects.toMatchObject({ constructor: Invalid, fields: { summary: "must be text" } });
    await expect(setPublicSummary(db(), editor, article.id, {})).rejects.toBeInstanceOf(Invalid);
    await expect(setPublicSummary(db(), editor, "00000000-0000-4000-8000-000000000000", { summary: "x" })).rejects.toBeInstanceOf(NotFound);
    expect(await readPublicSummary(db(), editor, article.id)).toEqual({ summary: null });
  });
});
