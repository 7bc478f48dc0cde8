import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility";
import { selectWithMouse, signIn } from "./helpers";

/**
 * A fact-checker names who made a claim: the card shows it, the next claim by the same person is a pick
 * away, and once approved and published, readers and search engines are told who said it, and readers
 * find the record of their claims.
 */
test.describe.configure({ mode: "serial" });

const STAMP = Date.now();
const TITLE = `Mine clearance ${STAMP}`;
const FIRST = "Ukraine has cleared 40,000 square kilometres of mines";
const SECOND = "every region will be cleared by 2030";
const TEXT = `${TITLE}\n${FIRST}, the minister said on Tuesday. He added that ${SECOND}.`;
const MINISTER = { name: "Yulia Svyrydenko", role: "Ukraine's economy minister" };

test("a claim's maker is named in the form, shown on its card, offered for the next claim and shown to readers", async ({ page, browser }, testInfo) => {
  await signIn(page, "ed@example.com");
  const imported = await page.request.post("/api/articles", { data: { format: "text", content: TEXT } });
  expect(imported.status()).toBe(201);
  const articleId = ((await imported.json()) as { article: { id: string } }).article.id;

  const rita = await (await browser.newContext()).newPage();
  await signIn(rita, "rita@example.com");
  await rita.goto(`/articles/${articleId}`);
  await selectWithMouse(rita, FIRST);
  await rita.getByRole("button", { name: /Annotate claim/ }).click();
  const maker = rita.getByRole("group", { name: "Who made the claim" });
  // A role without a name is pointed out, not dropped.
  await maker.getByLabel("Role or description").fill(MINISTER.role);
  await rita.getByRole("button", { name: "Save draft" }).click();
  await expect(maker.getByRole("alert")).toHaveText("The name is required");
  await maker.getByLabel("Name").fill(MINISTER.name);
  await expect(maker.getByRole("alert")).toHaveCount(0);
  await expect(maker.getByLabel("Is")).toHaveValue("person");
  await rita.getByLabel("Verdict").selectOption({ label: "Mostly true" });
  await rita.getByLabel("Explanation").fill("The state emergency service reports 38,700 square kilometres cleared by November.");
  await rita.getByRole("group", { name: "Source 1" }).getByRole("textbox", { name: "URL", exact: true }).fill("https://dsns.example/demining");
  await expectNoSeriousViolations(rita, "the claim form with who made the claim");
  await rita.screenshot({ path: testInfo.outputPath("claimant-form.png") });
  await rita.getByRole("button", { name: "Submit for review" }).click();
  const card = rita.locator(".claim-card", { hasText: FIRST });
  await expect(card).toContainText("In review");
  // Its card opens once saved.
  await expect(card.locator(".claim-card__claimant")).toHaveText(`Claim by ${MINISTER.name}, ${MINISTER.role}`);

  // The next claim by the same minister: typing her name brings what was said of her.
  await selectWithMouse(rita, SECOND);
  await rita.getByRole("button", { name: /Annotate claim/ }).click();
  await expect(maker.locator("datalist option")).toHaveCount(1);
  await expect(maker.locator("datalist option")).toHaveAttribute("value", MINISTER.name);
  await maker.getByLabel("Name").fill(MINISTER.name);
  await expect(maker.getByLabel("Role or description")).toHaveValue(MINISTER.role);
  await rita.getByRole("button", { name: "Save draft" }).click();
  await expect(rita.locator(".claim-card", { hasText: SECOND })).toContainText("Draft");
  // The claims panel's search finds claims by who made them.
  await rita.getByRole("searchbox", { name: "Find claims" }).fill("svyrydenko");
  await expect(rita.locator(".claim-card")).toHaveCount(2);

  // Approved and published, the claim tells readers who made it, and search engines too.
  const { annotations } = (await (await page.request.get(`/api/articles/${articleId}/annotations`)).json()) as {
    annotations: { id: string; quote: string; version: number }[];
  };
  const claim = annotations.find((each) => each.quote === FIRST)!;
  expect((await page.request.post(`/api/annotations/${claim.id}/status`, { data: { to: "approved", version: claim.version } })).status()).toBe(200);
  const published = await page.request.post(`/api/articles/${articleId}/publication`);
  expect(published.ok()).toBe(true);
  const { slug } = ((await published.json()) as { publication: { slug: string } }).publication;
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/p/${slug}`);
  const note = reader.locator(".claim-note__claimant");
  await expect(note).toContainText(`Claim by ${MINISTER.name}`);
  await expect(note).toContainText(`, ${MINISTER.role}`);
  const reviews = JSON.parse((await reader.locator('script[type="application/ld+json"]').first().textContent())!) as unknown;
  expect(JSON.stringify(reviews)).toContain(JSON.stringify({ "@type": "Person", name: MINISTER.name, jobTitle: MINISTER.role }));
  await reader.screenshot({ path: testInfo.outputPath("claimant-public.png"), fullPage: true });

  // Her name leads to every fact-check of her claims, each claim with its verdict.
  await note.getByRole("link", { name: `${MINISTER.name} (every fact-check of their claims)` }).click();
  await expect(reader).toHaveURL(/\/p\?claimant=Yulia\+Svyrydenko$/);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`Fact-checks of claims by ${MINISTER.name}`);
  await expect(reader.locator(".public-page__meta").first()).toContainText(`1 fact-check of claims by ${MINISTER.name} matches.`);
  const herClaims = reader.getByRole("list", { name: `Claims by ${MINISTER.name}` });
  await expect(herClaims.getByRole("listitem")).toHaveCount(1);
  await expect(herClaims).toContainText("Mostly true");
  await expect(herClaims.getByRole("link", { name: `“${FIRST}”` })).toHaveAttribute("href", `/p/${slug}#claim-${claim.id}`);
  // Her record heads the list: her role, her claims readers can see by verdict, each verdict narrowing the list.
  const record = reader.getByRole("region", { name: `The record of ${MINISTER.name}` });
  await expect(record).toContainText(MINISTER.role);
  await expect(record).toContainText("1 claim checked: 1 mostly true.");
  await record.getByRole("link", { name: "1 Mostly true" }).click();
  await expect(reader).toHaveURL(/\/p\?claimant=Yulia\+Svyrydenko&verdict=mostly_true$/);
  await expect(record.getByRole("link", { name: "1 Mostly true" })).toHaveAttribute("aria-current", "page");
  await expect(herClaims.getByRole("listitem")).toHaveCount(1);
  await expectNoSeriousViolations(reader, "the fact-checks of one claimant's claims");
  // Asked for in any case, the page names her, in its title too, as the desk wrote her name.
  await reader.goto("/p?claimant=yulia+SVYRYDENKO");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`Fact-checks of claims by ${MINISTER.name}`);
  await expect(reader).toHaveTitle(`Fact-checks of claims by ${MINISTER.name} · Fact-check desk`);
  await reader.goBack();
  await reader.screenshot({ path: testInfo.outputPath("claimant-index.png"), fullPage: true });

  // The whole fact-check's embed and the feed name her after the quote.
  await reader.goto(`/p/${slug}/embed`);
  await expect(reader.locator(".claim-embed__claims li").filter({ hasText: FIRST })).toContainText(`“${FIRST}” — ${MINISTER.name}, ${MINISTER.role}`);
  await reader.screenshot({ path: testInfo.outputPath("claimant-embed.png"), fullPage: true });
  const feed = await (await reader.request.get("/p/feed.xml")).text();
  expect(feed).toContain(`“${FIRST}” (${MINISTER.name}, ${MINISTER.role})`);
});

test("a fact-checker meeting the same words again sees who made the claim checked before, and names them in one click", async ({ page }, testInfo) => {
  await signIn(page, "ed@example.com");
  const imported = await page.request.post("/api/articles", { data: { format: "text", content: `Mine clearance again ${STAMP}\n${FIRST}, a wire report said.` } });
  expect(imported.status()).toBe(201);
  const articleId = ((await imported.json()) as { article: { id: string } }).article.id;
  await page.goto(`/articles/${articleId}`);
  await selectWithMouse(page, FIRST);
  await page.getByRole("button", { name: /Annotate claim/ }).click();
  const earlier = page.getByRole("region", { name: "An approved claim like this one" });
  await expect(earlier.locator(".earlier-check__claimant")).toHaveText(`Claim by ${MINISTER.name}, ${MINISTER.role}`);
  await page.screenshot({ path: testInfo.outputPath("claimant-earlier-check.png") });

  // The wire repeats the minister: her name and role come into the form in one click.
  await earlier.getByRole("button", { name: `Use its claimant, ${MINISTER.name}` }).click();
  const maker = page.getByRole("group", { name: "Who made the claim" });
  await expect(maker.getByLabel("Name")).toHaveValue(MINISTER.name);
  await expect(maker.getByLabel("Role or description")).toHaveValue(MINISTER.role);
  await expect(earlier.getByRole("button", { name: /Use its claimant/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator(".claim-card", { hasText: FIRST }).locator(".claim-card__claimant")).toHaveText(`Claim by ${MINISTER.name}, ${MINISTER.role}`);
});
