import { expect, it } from "vitest";
import { listArticles } from "@/lib/articles/service";
import { createArticleFromText } from "@/lib/articles/create";
import { createFirstAdmin } from "@/lib/users/service";
import { describeOnEveryEngine } from "./engines";

describeOnEveryEngine("engines", (db) => {
  it("lists an article with its claim counts", async () => {
    const admin = await createFirstAdmin(db(), { email: "a@example.com", name: "Ada", password: "correct horse battery" });
    await createArticleFromText(db(), { title: "T", text: "One.\nTwo." });
    const [article] = await listArticles(db(), admin);
    expect(article?.title).toBe("T");
    expect(article?.claimsByStatus.draft).toBe(0);
  });
});
