import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * What one person did at once to several of a reviewer's claims reads as one entry of her inbox: a
 * revision that took the text of two of her claims, with each claim a link. Runs late: it adds inbox events.
 */
const TITLE = "Harbour dredging plan";
const KEPT = "The port authority will publish the plan in spring.";
const FIRST = "Dredging will remove 2 million tonnes of silt.";
const SECOND = "The work will cost 40 million euros.";

const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

async function claim(request: APIRequestContext, articleId: string, plainText: string, exact: string): Promise<void> {
  const start = plainText.indexOf(exact);
  const created = await request.post(`/api/articles/${articleId}/annotations`, {
    data: { selectors: [{ type: "TextQuoteSelector", exact, prefix: "", suffix: "" }, { type: "TextPositionSelector", start, end: start + exact.length }] },
  });
  expect(created.status()).toBe(201);
}

test("a revision that took the text of two of a reviewer's claims is one entry of her inbox, each claim a link", async ({ page, browser }, testInfo) => {
  await signIn(page, "ed@example.com");
  const imported = await page.request.post("/api/articles", { data: { format: "text", title: TITLE, content: [KEPT, FIRST, SECOND].join("\n") } });
  expect(imported.status()).toBe(201);
  const articleId = ((await imported.json()) as { article: { id: string } }).article.id;

  const rita = await (await browser.newContext()).newPage();
  await signIn(rita, "rita@example.com");
  await rita.goto("/inbox");
  const { article } = (await (await rita.request.get(`/api/articles/${articleId}`)).json()) as { article: { plainText: string } };
  await claim(rita.request, articleId, article.plainText, FIRST);
  await claim(rita.request, articleId, article.plainText, SECOND);

  const saved = await page.request.post(`/api/articles/${articleId}/revisions`, { data: { baseRevision: 1, doc: { type: "doc", content: [paragraph(KEPT)] } } });
  expect(saved.status()).toBe(201);
  expect(await saved.json()).toMatchObject({ revision: 2, orphaned: 2 });

  await rita.goto("/inbox");
  const entry = rita.getByRole("listitem").filter({ hasText: `Ed Editor saved revision 2, which took the text of 2 claims in ${TITLE}:` });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("New");
  for (const quote of [FIRST, SECOND]) await expect(entry.getByRole("link", { name: `“${quote}”` })).toHaveAttribute("href", new RegExp(`^/articles/${articleId}\\?annotation=`));
  await rita.screenshot({ path: testInfo.outputPath("inbox-entry.png") });
  await entry.getByRole("link", { name: `“${FIRST}”` }).click();
  await expect(rita.getByRole("region", { name: /^Orphaned/ })).toContainText(FIRST);
});
