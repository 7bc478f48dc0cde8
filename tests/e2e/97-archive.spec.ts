import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility";
import { signIn } from "./helpers";

/**
 * Filing articles away: an editor archives an article (off the list, under Archived, its claims in the
 * queue), opens it from the archive and restores it; an article imported by mistake is deleted. A reviewer
 * can do neither. The articles are this spec's own.
 */
test.describe.configure({ mode: "serial" });

const STAMP = Date.now();
const KEPT = `Council budget vote ${STAMP}`;
const MISTAKE = `Wrong wire story ${STAMP}`;

async function importArticle(page: Page, title: string): Promise<string> {
  const answer = await page.request.post("/api/articles", { data: { format: "text", title, content: `${title}\nThe council approved the budget by 7 votes to 2.` } });
  expect(answer.status()).toBe(201);
  return ((await answer.json()) as { article: { id: string } }).article.id;
}

test("an editor archives an article, finds it under Archived, and restores it", async ({ page }, testInfo) => {
  await signIn(page, "ed@example.com");
  const id = await importArticle(page, KEPT);
  const claim = await page.request.post(`/api/articles/${id}/annotations`, {
    data: { selectors: [{ type: "TextQuoteSelector", exact: "7 votes to 2", prefix: "", suffix: "" }] },
  });
  expect(claim.status()).toBe(201);
  await page.goto(`/articles/${id}`);
  const meta = page.locator(".article-page__meta");
  // It has a claim: archive it, never delete it.
  await expect(meta.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await meta.getByRole("button", { name: "Archive" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Archive “${KEPT}”?` });
  await expect(dialog).toContainText("Its claims stay in the review queue");
  await dialog.getByRole("button", { name: "Archive" }).click();
  const notice = page.locator(".archived-notice");
  await expect(notice).toContainText(/^Archived .+ by Ed Editor: this article is off the list of articles\./);
  await expect(meta.getByRole("button", { name: "Archive" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("archived-article.png") });

  await page.goto(`/?q=${STAMP}`);
  await expect(page.getByRole("link", { name: /^Archived \(\d+\)$/ })).toBeVisible();
  // The search says the archive has it, a click away.
  await expect(page.getByRole("status")).toHaveText(`No article's title or byline contains “${STAMP}”. 1 archived article has it too · Show every article`);
  await page.getByRole("status").getByRole("link", { name: "1 archived article has it too" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Archived articles");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: KEPT }) });
  await expect(row).toContainText("Archived");
  await expect(row).toContainText("1 draft");
  await expectNoSeriousViolations(page, "the archived articles");
  await expect(page.getByRole("link", { name: /^Archived \(\d+\)$/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Current articles" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("archived-list.png") });
  // Its claim waits in the queue all the same.
  await page.goto(`/queue?article=${id}`);
  await expect(page.getByRole("row").filter({ hasText: "7 votes to 2" })).toHaveCount(1);

  await page.goto("/?archived=true");
  await page.getByRole("link", { name: KEPT }).click();
  await page.locator(".archived-notice").getByRole("button", { name: "Restore to the list" }).click();
  await expect(page.locator(".archived-notice")).toHaveCount(0);
  await page.goto(`/?q=${STAMP}`);
  await expect(page.getByRole("link", { name: KEPT })).toBeVisible();
});

test("an editor deletes an article imported by mistake, asked first", async ({ page }) => {
  await signIn(page, "ed@example.com");
  const id = await importArticle(page, MISTAKE);
  await page.goto(`/articles/${id}`);
  await page.locator(".article-page__meta").getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Delete “${MISTAKE}”?` });
  await expect(dialog).toContainText("never published and has no claims");
  // Enter means Cancel before what cannot be taken back.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await page.locator(".article-page__meta").getByRole("button", { name: "Delete" }).click();
  await dialog.getByRole("button", { name: "Delete article" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto(`/?q=${STAMP}`);
  await expect(page.getByRole("link", { name: MISTAKE })).toHaveCount(0);
  expect((await page.request.get(`/api/articles/${id}`)).status()).toBe(404);
});

test("a reviewer can neither archive nor delete", async ({ page }) => {
  await signIn(page, "rita@example.com");
  await page.goto(`/?q=${STAMP}`);
  await page.getByRole("link", { name: KEPT }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(KEPT);
  await expect(page.locator(".article-page__meta").getByRole("button")).toHaveCount(0);
  const id = page.url().split("/articles/")[1]!;
  expect((await page.request.post(`/api/articles/${id}/archive`)).status()).toBe(403);
  expect((await page.request.delete(`/api/articles/${id}`)).status()).toBe(403);
});
