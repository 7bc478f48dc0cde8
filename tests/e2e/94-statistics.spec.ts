import { expect, test, type Page } from "@playwright/test";
import type { DeskStatistics } from "@/lib/statistics/desk";
import { signIn } from "./helpers";

/**
 * The desk's statistics: an editor sees a claim submitted and approved while she watches counted in the
 * week's figures, as the API counts them; a reviewer has no such page.
 */
const TITLE = "Tram line extension";
const CLAIM = "The extension will carry 30,000 passengers a day.";

async function figures(page: Page, days: number): Promise<DeskStatistics> {
  const answer = await page.request.get(`/api/statistics?days=${days}`);
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { statistics: DeskStatistics }).statistics;
}

/** The number shown for a figure of a section. */
const figure = (page: Page, section: string, label: string) =>
  page.getByRole("region", { name: section }).locator(".figure").filter({ has: page.getByText(label, { exact: true }) }).locator("dd");

test("an editor's week counts a claim submitted and approved meanwhile, as the API does; a reviewer has no statistics", async ({ page, browser }, testInfo) => {
  await signIn(page, "ed@example.com");
  const before = await figures(page, 7);
  const imported = await page.request.post("/api/articles", { data: { format: "text", title: TITLE, content: `${CLAIM}\nThe council votes in March.` } });
  expect(imported.status()).toBe(201);
  const articleId = ((await imported.json()) as { article: { id: string } }).article.id;

  const rita = await (await browser.newContext()).newPage();
  await signIn(rita, "rita@example.com");
  await expect(rita.getByRole("link", { name: "Statistics" })).toHaveCount(0);
  const created = await rita.request.post(`/api/articles/${articleId}/annotations`, {
    data: {
      selectors: [{ type: "TextQuoteSelector", exact: CLAIM }],
      verdict: "false",
      claimant: { name: "Lena Park", role: "transport councillor" },
      explanation: "The transport plan says 18,000.",
      sources: [{ url: "https://city.example/tram-plan", title: "Tram plan", accessedAt: "2026-11-30" }],
    },
  });
  expect(created.status()).toBe(201);
  const { annotation } = (await created.json()) as { annotation: { id: string; version: number } };
  const submitted = await rita.request.post(`/api/annotations/${annotation.id}/status`, { data: { to: "in_review", version: annotation.version } });
  const { version } = ((await submitted.json()) as { annotation: { version: number } }).annotation;
  expect((await page.request.post(`/api/annotations/${annotation.id}/status`, { data: { to: "approved", version } })).status()).toBe(200);

  await page.getByRole("link", { name: "Statistics" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  const after = await figures(page, 7);
  expect(after.flow.submitted).toBe(before.flow.submitted + 1);
  expect(after.flow.approved).toBe(before.flow.approved + 1);
  expect(after.decisionTimes.decisions).toBe(before.decisionTimes.decisions + 1);
  await expect(figure(page, "Claims through review", "Submitted for review")).toHaveText(String(after.flow.submitted));
  await expect(figure(page, "Claims through review", "Approved")).toHaveText(String(after.flow.approved));
  await expect(figure(page, "Waiting now", "In review")).toHaveText(String(after.waiting.inReview));
  const falseCount = after.approvedByVerdict.find((each) => each.verdict === "false")!.count;
  await expect(page.getByRole("region", { name: "Approved, by verdict" }).getByRole("listitem").filter({ hasText: /^False \d+$/ })).toHaveText(`False ${falseCount}`);
  await expect(page.getByRole("region", { name: "Time to a decision" })).toContainText(
    after.decisionTimes.decisions === 1 ? "The only decision on a submitted claim took" : `Of the ${after.decisionTimes.decisions} decisions on submitted claims`,
  );
  const ritaRow = page.getByRole("row", { name: /Rita Reviewer/ });
  const ritaFigures = after.people.find((person) => person.name === "Rita Reviewer")!;
  await expect(ritaRow.getByRole("cell")).toHaveText([String(ritaFigures.submitted), String(ritaFigures.approved), String(ritaFigures.decided)]);
  // Who made the claims approved: her claim's maker, counted with its verdict, a link to her claims in the queue.
  const claimants = page.getByRole("region", { name: "Who made the claims approved" });
  const lenaRow = claimants.getByRole("row", { name: /Lena Park/ });
  await expect(lenaRow.getByRole("cell")).toHaveText(["1", "False 1"]);
  await expect(lenaRow.getByRole("link", { name: "Lena Park (their claims in the queue)" })).toHaveAttribute("href", "/queue?claimant=Lena+Park");
  expect(after.claimants).toContainEqual({ name: "Lena Park", approved: 1, verdicts: [{ verdict: "false", count: 1 }] });
  await page.screenshot({ path: testInfo.outputPath("statistics.png"), fullPage: true });

  await page.goto("/statistics?days=5");
  await expect(page.getByRole("alert").filter({ hasText: "This address asks for a period" })).toContainText("days must be one of 7, 30, 90");

  await rita.goto("/statistics");
  await expect(rita.getByText("Only editors and admins can see the desk's statistics.")).toBeVisible();
  expect((await rita.request.get("/api/statistics")).status()).toBe(403);
});
