import { expect, test, type APIRequestContext } from "@playwright/test";
import { selectWithMouse, signIn } from "./helpers";

/**
 * A claim the desk approved on one article is offered, with its verdict, reasons and sources, to the
 * fact-checker who meets the same claim in another article: its sources carry over in one click, and
 * a figure that differs is pointed out. Runs last: it adds approved claims and inbox events.
 */
const EARLIER = "The city planted 12,000 trees last year";
const LATER = "the city planted 15,000 trees last year";
const SOURCE = { url: "https://parks.example/annual-report-2025", title: "Parks department annual report 2025", publisher: "City parks department", accessedAt: "2026-11-18" };

async function importArticle(request: APIRequestContext, title: string, content: string): Promise<string> {
  const answer = await request.post("/api/articles", { data: { format: "text", title, content } });
  expect(answer.status()).toBe(201);
  return ((await answer.json()) as { article: { id: string } }).article.id;
}

test("a claim approved on one article is offered to the fact-checker of the same claim on another", async ({ page, browser }, testInfo) => {
  await signIn(page, "ed@example.com");
  const greener = await importArticle(page.request, "Greener streets", `${EARLIER}, the mayor's office says.\nResidents welcomed the shade.`);
  const budget = await importArticle(page.request, "Council budget debate", `Opening the debate, the mayor said ${LATER}.\nThe opposition disputed the figure.`);

  const rita = await (await browser.newContext()).newPage();
  await signIn(rita, "rita@example.com");
  const { article } = (await (await rita.request.get(`/api/articles/${greener}`)).json()) as { article: { plainText: string } };
  const start = article.plainText.indexOf(EARLIER);
  const created = await rita.request.post(`/api/articles/${greener}/annotations`, {
    data: {
      selectors: [{ type: "TextQuoteSelector", exact: EARLIER, prefix: "", suffix: "" }, { type: "TextPositionSelector", start, end: start + EARLIER.length }],
      verdict: "mostly_false",
      explanation: "The parks department counted 9,800 trees planted in 2025; the rest were replacements.",
      sources: [SOURCE],
    },
  });
  expect(created.status()).toBe(201);
  let claim = ((await created.json()) as { annotation: { id: string; version: number } }).annotation;
  for (const [request, to] of [[rita.request, "in_review"], [page.request, "approved"]] as const) {
    const moved = await request.post(`/api/annotations/${claim.id}/status`, { data: { to, version: claim.version } });
    expect(moved.status()).toBe(200);
    claim = ((await moved.json()) as { annotation: typeof claim }).annotation;
  }

  // On another article, Rita meets the same claim with another figure.
  await rita.goto(`/articles/${budget}`);
  await selectWithMouse(rita, LATER);
  await rita.getByRole("button", { name: /Annotate claim/ }).click();
  const earlier = rita.getByRole("region", { name: "An approved claim like this one" });
  await expect(earlier).toContainText("Mostly false");
  await expect(earlier).toContainText(EARLIER);
  await expect(earlier.getByRole("link", { name: "Greener streets" })).toHaveAttribute("href", `/articles/${greener}?annotation=${claim.id}`);
  await expect(earlier).toContainText("Other figures: it says 12,000; this claim says 15,000.");
  await earlier.getByText("Explanation and 1 source").click();
  await expect(earlier).toContainText("9,800 trees planted in 2025");
  await expect(earlier.getByRole("link", { name: SOURCE.title })).toHaveAttribute("href", SOURCE.url);
  await rita.screenshot({ path: testInfo.outputPath("earlier-check.png") });

  await earlier.getByRole("button", { name: "Use its sources" }).click();
  await expect(earlier.getByRole("button", { name: "Its sources are in the form" })).toBeDisabled();
  const firstSource = rita.getByRole("group", { name: "Source 1" });
  await expect(firstSource.getByRole("textbox", { name: "URL", exact: true })).toHaveValue(SOURCE.url);
  await expect(firstSource.getByRole("textbox", { name: "Title" })).toHaveValue(SOURCE.title);
  await expect(firstSource.getByLabel("Accessed")).toHaveValue(SOURCE.accessedAt);
  await expect(rita.getByRole("group", { name: "Source 2" })).toHaveCount(0);
  await expect(earlier).not.toContainText("Another verdict");
  await rita.getByLabel("Verdict").selectOption({ label: "False" });
  await expect(earlier).toContainText("Another verdict: it was found mostly false, this claim false.");
  await expect(earlier.getByRole("heading")).toHaveText("An approved claim like this one, with another verdict");
  await rita.screenshot({ path: testInfo.outputPath("earlier-check-verdict.png") });
  await rita.getByRole("button", { name: "Save draft" }).click();
  const card = rita.locator(".claim-card", { hasText: LATER });
  await expect(card).toContainText("1 source");

  // The editor reviewing the new claim finds the earlier one in its card.
  await page.goto(`/articles/${budget}`);
  await page.locator(".claim-card", { hasText: LATER }).getByRole("button", { expanded: false }).click();
  const folded = page.locator("details.earlier-checks");
  await folded.getByText("An approved claim like this one, with another verdict").click();
  await expect(folded).toContainText(EARLIER);
  await expect(folded.getByRole("button", { name: "Use its sources" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("earlier-check-card.png") });
});

test("the API names a missing quote, and answers only those signed in", async ({ page, playwright }) => {
  await signIn(page, "rita@example.com");
  const missing = await page.request.get("/api/earlier-checks");
  expect(missing.status()).toBe(400);
  expect(await missing.json()).toMatchObject({ fields: { quote: "is required" } });
  const found = await page.request.get(`/api/earlier-checks?${new URLSearchParams({ quote: `Officials say ${EARLIER}` })}`);
  expect(((await found.json()) as { checks: { quote: string }[] }).checks.map((check) => check.quote)).toEqual([EARLIER]);
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get(`/api/earlier-checks?quote=trees`)).status()).toBe(401);
  await anonymous.dispose();
});
