import { expect, it } from "vitest";
import { articleRevisions, articles } from "@/db/schema";
import { getArticle } from "@/lib/articles/service";
import { importArticle } from "@/lib/articles/import/service";
import { Forbidden, Invalid } from "@/lib/errors";
import { listRevisions } from "@/lib/revisions/service";
import { describeOnEveryEngine } from "./engines";
import { addUser, rowCount } from "./fixtures";

const HTML = `<html><head><title>Page title</title><script>alert(1)</script></head>
<body><h1>Mines for Ukraine</h1><p onclick="alert(2)">The U.S. will send <b>mines</b>.<img src=x onerror=alert(3)></p>
<ul><li>First point</li></ul><iframe src="https://evil.example"></iframe></body></html>`;

describeOnEveryEngine("importing an article", (db) => {
  it("stores an editor's HTML import, reduced to the schema, with its first revision", async () => {
    const editor = await addUser(db(), "editor");
    const { id, title } = await importArticle(db(), editor, { format: "html", content: HTML, originalUrl: "https://example.com/a" });
    expect(title).toBe("Mines for Ukraine");
    const article = await getArticle(db(), editor, id);
    expect(article.plainText).toBe("Mines for Ukraine\nThe U.S. will send mines.\nFirst point");
    expect(JSON.stringify(article.doc)).not.toMatch(/script|onclick|onerror|iframe|alert/);
    expect(await listRevisions(db(), editor, id)).toMatchObject([{ revision: 1, author: null, current: true }]);
  });

  it("refuses a reviewer, and content without text, writing nothing", async () => {
    const reviewer = await addUser(db(), "reviewer");
    const editor = await addUser(db(), "editor");
    await expect(importArticle(db(), reviewer, { format: "text", content: "A claim." })).rejects.toBeInstanceOf(Forbidden);
    await expect(importArticle(db(), editor, { format: "html", content: "<script>alert(1)</script>" })).rejects.toBeInstanceOf(Invalid);
    expect(await rowCount(db(), articles)).toBe(0);
    expect(await rowCount(db(), articleRevisions)).toBe(0);
  });
});
