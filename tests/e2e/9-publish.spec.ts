import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility";
import { signIn } from "./helpers";

/**
 * Publishing: a reviewer's two claims approved by the editor, published from the article page and
 * read by a stranger without a session (and without JavaScript): highlights, verdicts, sources and
 * ClaimReview markup, nothing of the desk's drafts or discussion. Then the exports, and unpublishing.
 */
const TITLE = "Harbour bridge repairs";
const FIRST = "The bridge carries 80,000 vehicles a day";
const SECOND = "repairs will cost 12 million euros";
const DRAFT = "the work will take two summers";
const COMMENT = "Internal: double-check the traffic count with the city";
const TEXT = `${TITLE}\n${FIRST}, the transport office says.\nThe mayor said ${SECOND} and that ${DRAFT}.`;
const ORIGINAL_URL = "https://news.example/harbour-bridge";
const REVIEWER = "Rita Reviewer";
const EDITOR = "Ed Editor";
const SUMMARY = "The bridge carries about as many vehicles as the office says; the repairs will cost far more.\n\nThe <b>tender</b> is public.";

let articleId = "";
let slug = "";

type Annotation = { id: string; version: number };

async function claim(request: APIRequestContext, plainText: string, exact: string, content: object): Promise<Annotation> {
  const start = plainText.indexOf(exact);
  const answer = await request.post(`/api/articles/${articleId}/annotations`, {
    data: { selectors: [{ type: "TextQuoteSelector", exact, prefix: "", suffix: "" }, { type: "TextPositionSelector", start, end: start + exact.length }], ...content },
  });
  expect(answer.status()).toBe(201);
  return ((await answer.json()) as { annotation: Annotation }).annotation;
}

async function move(request: APIRequestContext, annotation: Annotation, to: string): Promise<Annotation> {
  const answer = await request.post(`/api/annotations/${annotation.id}/status`, { data: { to, version: annotation.version } });
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { annotation: Annotation }).annotation;
}

async function openPublishTools(page: Page) {
  await page.goto(`/articles/${articleId}`);
  const tools = page.locator("details.article-tools");
  if (!(await tools.evaluate((element) => (element as HTMLDetailsElement).open))) await tools.locator("summary").click();
  return tools;
}

test("a reviewer's two claims are approved by the editor; a third stays a draft", async ({ page, browser }) => {
  await signIn(page, "ed@example.com");
  const imported = await page.request.post("/api/articles", { data: { format: "text", content: TEXT, originalUrl: ORIGINAL_URL, publishedOn: "2026-11-02" } });
  expect(imported.status()).toBe(201);
  articleId = ((await imported.json()) as { article: { id: string } }).article.id;
  const { article } = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as { article: { plainText: string } };

  const rita = await browser.newContext();
  const ritaPage = await rita.newPage();
  await signIn(ritaPage, "rita@example.com");
  const source = (url: string, title: string) => ({ url, title, accessedAt: "2026-11-20" });
  const first = await claim(ritaPage.request, article.plainText, FIRST, {
    verdict: "mostly_true",
    explanation: "The 2025 traffic census counted 78,400 vehicles a day on average.",
    sources: [source("https://city.example/traffic-census-2025.pdf", "Traffic census 2025")],
  });
  const second = await claim(ritaPage.request, article.plainText, SECOND, {
    verdict: "false",
    explanation: "The tender puts the repairs at 21 million euros.",
    sources: [source("https://city.example/tender-4411", "Tender 4411"), source("https://port.example/press", "Port authority statement")],
  });
  await claim(ritaPage.request, article.plainText, DRAFT, { explanation: "Not checked yet." });
  expect((await ritaPage.request.post(`/api/annotations/${first.id}/comments`, { data: { body: COMMENT } })).status()).toBe(201);
  const submitted = [await move(ritaPage.request, first, "in_review"), await move(ritaPage.request, second, "in_review")];
  await rita.close();

  for (const annotation of submitted) await move(page.request, annotation, "approved");
});

test("the editor publishes from the article page, told first that the draft will not appear, and gets the public link", async ({ page }, testInfo) => {
  await signIn(page, "ed@example.com");
  const tools = await openPublishTools(page);
  await expect(tools.getByText("Not published")).toBeVisible();
  await tools.getByRole("button", { name: "Publish", exact: true }).click();
  const question = page.getByRole("alertdialog", { name: "Publish with 2 checked claims?" });
  await expect(question).toContainText("Not on the public page yet: 1 draft. Each appears there by itself once it is approved and placed.");
  await page.screenshot({ path: testInfo.outputPath("publish-question.png") });
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(tools.getByText("Not published")).toBeVisible();
  await tools.getByRole("button", { name: "Publish", exact: true }).click();
  await question.getByRole("button", { name: "Publish", exact: true }).click();
  const link = tools.getByRole("link", { name: /\/p\// });
  await expect(link).toBeVisible();
  slug = new URL((await link.getAttribute("href"))!).pathname.replace(/^\/p\//, "");
  expect(slug).toBe("harbour-bridge-repairs");
  await expect(tools.getByRole("button", { name: "Unpublish" })).toBeVisible();
});

test("a stranger reads the public page: approved claims only, with verdicts, sources and ClaimReview", async ({ browser }) => {
  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  const answer = await page.goto(`/p/${slug}`);
  expect(answer!.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  const marks = page.locator("mark.claim-mark");
  await expect(marks).toHaveCount(2);
  await expect(marks.nth(0)).toHaveText(FIRST);
  await expect(marks.nth(1)).toHaveText(SECOND);
  const notes = page.locator(".claim-note");
  await expect(notes).toHaveCount(2);
  await expect(notes.nth(0).locator(".verdict-badge")).toHaveText("Mostly true");
  await expect(notes.nth(1).locator(".verdict-badge")).toHaveText("False");
  await expect(notes.nth(1).getByRole("link", { name: "Tender 4411" })).toHaveAttribute("href", "https://city.example/tender-4411");
  for (const sourceLink of await page.locator(".claim-note__sources a").all()) await expect(sourceLink).toHaveAttribute("rel", "nofollow noopener ugc");
  await page.locator(".claim-ref a").first().click();
  await expect(page).toHaveURL(/#claim-/);

  const html = await page.content();
  // The draft's sentence is part of the article's text: what must be absent is its note, its highlight, and the desk's talk.
  for (const secret of [COMMENT, "Not checked yet", REVIEWER, EDITOR]) expect(html, secret).not.toContain(secret);
  expect(await page.locator("mark", { hasText: DRAFT }).count()).toBe(0);
  expect(await page.locator(".claim-note", { hasText: DRAFT }).count()).toBe(0);
  expect(html).toContain('<meta name="robots" content="index, follow"');

  const reviews = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text) as Record<string, unknown>);
  expect(reviews).toHaveLength(2);
  const pageUrl = new URL(`/p/${slug}`, page.url()).toString();
  expect(reviews[0]).toEqual({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: expect.stringMatching(new RegExp(`^${pageUrl.replace(/[.?]/g, "\\$&")}#claim-[0-9a-f-]{36}$`)),
    claimReviewed: FIRST,
    datePublished: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    author: { "@type": "Organization", name: "Fact-check desk" },
    reviewRating: { "@type": "Rating", alternateName: "Mostly true", ratingValue: 4, bestRating: 5, worstRating: 1 },
    itemReviewed: {
      "@type": "Claim",
      appearance: { "@type": "CreativeWork", url: ORIGINAL_URL, headline: TITLE, datePublished: "2026-11-02" },
      datePublished: "2026-11-02",
    },
  });
  expect(reviews[1]).toMatchObject({ claimReviewed: SECOND, reviewRating: { alternateName: "False", ratingValue: 1 } });
  const anchor = (reviews[0]!.url as string).split("#")[1]!;
  await expect(page.locator(`#${anchor}`)).toHaveCount(1);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);

  await page.goto(`/p/${slug}`);
  await page.screenshot({ path: "/tmp/publish-public-screen.png", fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "/tmp/publish-public-print.png", fullPage: true });
  await stranger.close();
});

test("a link to the public page shares with its title, its description and a picture of its verdicts", async ({ browser }, testInfo) => {
  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  await page.goto(`/p/${slug}`);
  const meta = (property: string) => page.locator(`meta[property="${property}"], meta[name="${property}"]`).getAttribute("content");
  expect(await meta("og:title")).toBe(`Fact-check: ${TITLE}`);
  expect(await meta("og:description")).toBe(`Fact-check desk checked 2 claims in “${TITLE}”.`);
  expect(await meta("og:type")).toBe("article");
  expect(await meta("og:url")).toMatch(new RegExp(`^http://localhost:\\d+/p/${slug}$`));
  expect(await meta("twitter:card")).toBe("summary_large_image");
  const image = (await meta("og:image"))!;
  expect(image).toMatch(new RegExp(`^http://localhost:\\d+/p/${slug}/opengraph-image`));
  const answer = await page.request.get(image);
  expect(answer.headers()["content-type"]).toBe("image/png");
  const png = await answer.body();
  // The PNG's header: its signature, then the width and height of its first chunk.
  expect([png.readUInt32BE(0), png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([0x89504e47, 1200, 630]);
  await page.goto(image);
  await page.screenshot({ path: testInfo.outputPath("share-picture.png") });
  expect((await page.request.get(`/p/no-such-fact-check/opengraph-image`)).status()).toBe(404);
  await stranger.close();
});

test("an editor writes a summary for readers: it opens the public page, the index entry and the shared description", async ({ page, browser }, testInfo) => {
  await signIn(page, "ed@example.com");
  const tools = await openPublishTools(page);
  const summary = tools.getByRole("region", { name: "Summary for readers" });
  await summary.getByRole("button", { name: "Write a summary" }).click();
  const field = summary.getByLabel(/In short, what the fact-check found/);
  await field.fill(SUMMARY);
  await expect(summary.getByText(`${SUMMARY.length} of 1,000 characters`)).toBeVisible();
  await summary.getByRole("button", { name: "Save summary" }).click();
  await expect(summary.locator(".public-summary__text")).toHaveText(SUMMARY);
  await expect(summary.getByRole("button", { name: "Edit the summary" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("summary-desk.png") });

  const stranger = await browser.newContext();
  const reader = await stranger.newPage();
  await reader.goto(`/p/${slug}`);
  const inShort = reader.getByRole("region", { name: "In short" });
  // Plain text, as typed: the markup in it is not markup.
  await expect(inShort.locator("p")).toHaveText(SUMMARY);
  await expect(inShort.locator("b")).toHaveCount(0);
  expect(await reader.locator('meta[name="description"]').getAttribute("content")).toBe(SUMMARY.replace(/\s+/g, " "));
  await reader.screenshot({ path: testInfo.outputPath("summary-public.png") });
  await reader.goto("/p");
  await expect(reader.getByRole("listitem").filter({ has: reader.getByRole("link", { name: TITLE }) }).locator(".public-index__summary")).toHaveText(SUMMARY);
  await stranger.close();
});

test("an editor corrects the article's details: the public page shows them at its address; a reviewer cannot", async ({ page, browser }, testInfo) => {
  await signIn(page, "ed@example.com");
  await page.goto(`/articles/${articleId}`);
  const header = page.locator(".article-page__header");
  await header.getByRole("button", { name: "Edit details" }).click();
  const dialog = page.getByRole("dialog", { name: "Article details" });
  await expect(dialog.getByLabel("Title")).toHaveValue(TITLE);
  await expect(dialog.getByLabel("Published on")).toHaveValue("2026-11-02");
  await expectNoSeriousViolations(page, "the article details dialog");
  await dialog.getByLabel("Title").fill(`${TITLE}: the costs`);
  await dialog.getByLabel("Byline").fill("Harbour <desk>");
  await dialog.getByLabel("Original URL").fill("javascript:alert(1)");
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("The original URL must be an http:// or https:// address");
  await expect(dialog.getByLabel("Original URL")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: testInfo.outputPath("details-dialog.png") });
  await dialog.getByLabel("Original URL").fill(ORIGINAL_URL);
  await dialog.getByRole("button", { name: "Save details" }).click();
  await expect(dialog).toBeHidden();
  await expect(header.getByRole("heading", { level: 1 })).toHaveText(`${TITLE}: the costs`);
  await expect(header.locator(".article-page__meta")).toHaveText("Harbour <desk> · 2026-11-02 · original · Edit details · Archive");
  await page.screenshot({ path: testInfo.outputPath("details-desk.png") });

  const stranger = await browser.newContext();
  const reader = await stranger.newPage();
  await reader.goto(`/p/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(`${TITLE}: the costs`);
  await expect(reader.getByText("Harbour <desk> · Published 2 November 2026")).toBeVisible();
  await expect(reader.getByText(/Updated on/)).toBeVisible();
  await stranger.close();

  const colleague = await browser.newContext();
  const reviewer = await colleague.newPage();
  await signIn(reviewer, "rita@example.com");
  await reviewer.goto(`/articles/${articleId}`);
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(`${TITLE}: the costs`);
  await expect(reviewer.getByRole("button", { name: "Edit details" })).toHaveCount(0);
  expect((await reviewer.request.patch(`/api/articles/${articleId}`, { data: { title: "Mine now" } })).status()).toBe(403);
  await colleague.close();

  // The title the later tests look for.
  expect((await page.request.patch(`/api/articles/${articleId}`, { data: { title: TITLE, byline: "Harbour <desk>", originalUrl: ORIGINAL_URL, publishedOn: "2026-11-02" } })).status()).toBe(200);
});

test("the public page reads the same without JavaScript, its embed code too", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/p/${slug}`);
  await expect(page.locator("mark.claim-mark")).toHaveCount(2);
  await expect(page.locator(".verdict-badge")).toHaveText(["Mostly true", "False"]);
  // Another newsroom takes the embed code from the page itself.
  await page.getByText("Embed this fact-check").click();
  const code = page.getByLabel(/Paste this code into your page/);
  await expect(code).toBeVisible();
  expect(await code.inputValue()).toMatch(new RegExp(`^<iframe src="http://[^"]+/p/${slug}/embed" title="Fact-check: ${TITLE}"`));
  await context.close();
});

test("a stranger finds the fact-check in the public index, by searching it too, its feed and the sitemap; the desk's list links its public page", async ({ page, browser }, testInfo) => {
  const stranger = await browser.newContext({ javaScriptEnabled: false });
  const reader = await stranger.newPage();
  expect((await reader.goto("/p"))!.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1, name: "Fact-checks" })).toBeVisible();
  const entry = reader.locator(".public-index__item", { has: reader.getByRole("link", { name: TITLE }) });
  await expect(entry.locator(".verdict-badge")).toHaveText(["1 Mostly true", "1 False"]);
  await expect(entry).toContainText("2 claims checked: 1 mostly true, 1 false.");
  await expect(reader.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/p\/feed\.xml$/);
  await entry.getByRole("link", { name: TITLE }).click();
  await expect(reader).toHaveURL(new RegExp(`/p/${slug}$`));
  await reader.getByRole("link", { name: "Fact-checks" }).click();
  await expect(reader).toHaveURL(/\/p$/);
  // The reader searches, without JavaScript: words of a checked claim, then a verdict none of its claims has.
  const search = reader.getByRole("search");
  await search.getByLabel("Search fact-checks").fill("80,000 vehicles");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(reader).toHaveURL(/\/p\?q=80%2C000\+vehicles&verdict=$/);
  await expect(reader.getByText("1 fact-check matches.")).toBeVisible();
  await expect(reader.getByRole("link", { name: TITLE })).toBeVisible();
  await search.getByLabel("Verdict").selectOption({ label: "True" });
  await search.getByRole("button", { name: "Search" }).click();
  await expect(reader.getByText("No fact-check matches.")).toBeVisible();
  await expect(reader.getByRole("link", { name: TITLE })).toHaveCount(0);
  await reader.screenshot({ path: testInfo.outputPath("public-index-search.png"), fullPage: true });
  await reader.getByRole("link", { name: "Show all fact-checks" }).click();
  await expect(reader.getByRole("link", { name: TITLE })).toBeVisible();
  await reader.screenshot({ path: "/tmp/publish-index.png", fullPage: true });
  expect((await reader.goto("/p?verdict=fake"))!.status()).toBe(404);
  expect((await reader.goto("/p?page=0"))!.status()).toBe(404);
  expect((await reader.goto("/p?page=999"))!.status()).toBe(404);
  await stranger.close();

  const withScript = await browser.newContext();
  const feedReader = await withScript.newPage();
  await feedReader.goto("/p");
  const axe = await new AxeBuilder({ page: feedReader }).analyze();
  expect(axe.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);
  const feedAnswer = await feedReader.request.get("/p/feed.xml");
  expect(feedAnswer.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  // The browser's own XML parser reads it: a feed that is not well-formed XML is no feed at all.
  const feed = await feedReader.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const entries = Array.from(doc.getElementsByTagName("entry")).map((each) => ({
      title: each.getElementsByTagName("title")[0]?.textContent,
      link: each.getElementsByTagName("link")[0]?.getAttribute("href"),
      summary: each.getElementsByTagName("summary")[0]?.textContent,
      content: each.getElementsByTagName("content")[0]?.textContent,
    }));
    return { error: doc.getElementsByTagName("parsererror").length > 0, entries };
  }, await feedAnswer.text());
  expect(feed.error).toBe(false);
  const ours = feed.entries.find((each) => each.title === TITLE)!;
  expect(ours.link).toMatch(new RegExp(`/p/${slug}$`));
  // The editors' summary sums the entry up; the tally follows it in the content.
  expect(ours.summary).toBe(SUMMARY);
  expect(ours.content).toContain("<p>2 claims checked: 1 mostly true, 1 false.</p>");
  expect(ours.content).toContain("<p>The &lt;b&gt;tender&lt;/b&gt; is public.</p>");
  expect(ours.content).toContain(`<strong>Mostly true</strong>: “${FIRST}”`);
  for (const secret of [DRAFT, COMMENT, REVIEWER, EDITOR]) expect(ours.content, secret).not.toContain(secret);
  const sitemap = await (await feedReader.request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/p/${slug}</loc>`);
  const robots = await (await feedReader.request.get("/robots.txt")).text();
  expect(robots).toMatch(/Allow: \/p\n[\s\S]*Disallow: \/\n/);
  await withScript.close();

  await signIn(page, "ed@example.com");
  await page.goto(`/?q=${encodeURIComponent(TITLE)}`);
  await expect(page.getByRole("link", { name: `Public page of ${TITLE}` })).toHaveAttribute("href", `/p/${slug}`);
});

test("a signed-in colleague exports W3C, CSV and the printable report", async ({ page }) => {
  await signIn(page, "rita@example.com");
  const accept = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
  const exported = await page.request.get(`/api/articles/${articleId}/annotations`, { headers: { Accept: accept } });
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toBe(accept);
  const collection = (await exported.json()) as { type: string; total: number; first: { items: { motivation: string }[] } };
  expect(collection).toMatchObject({ type: "AnnotationCollection", total: 3 });
  expect(collection.first.items.every((item) => item.motivation === "assessing")).toBe(true);
  const again = await page.request.get(`/api/articles/${articleId}/annotations`, { headers: { Accept: accept, "If-None-Match": exported.headers()["etag"]! } });
  expect(again.status()).toBe(304);

  const csv = await page.request.get(`/api/articles/${articleId}/annotations?format=csv`);
  expect(csv.headers()["content-disposition"]).toBe(`attachment; filename="${slug}-annotations.csv"`);
  expect((await csv.text()).split("\r\n")[0]).toBe("id,quote,status,verdict,explanation,author,assignee,created,updated,sources,claimant,claimant_role");

  const refused = await page.request.post(`/api/articles/${articleId}/annotations/import`, { data: collection });
  expect(refused.status()).toBe(403);

  await page.goto(`/articles/${articleId}/report`);
  await expect(page.locator(".report-claim")).toHaveCount(3);
  await page.screenshot({ path: "/tmp/publish-report-screen.png", fullPage: true });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "/tmp/publish-report-print.png", fullPage: true });
});

test("the editor's import refuses malformed and oversized files, and places a valid one", async ({ page }) => {
  await signIn(page, "ed@example.com");
  const url = `/api/articles/${articleId}/annotations/import`;
  const malformed = await page.request.post(url, { headers: { "Content-Type": "application/json" }, data: "{not json" });
  expect(malformed.status()).toBe(400);
  const oversized = await page.request.post(url, { headers: { "Content-Type": "application/json" }, data: `"${"x".repeat(5 * 1024 * 1024 + 1)}"` });
  expect(oversized.status()).toBe(413);
  const unknown = await page.request.post(url, { data: [{ target: { selector: { type: "MagicSelector" } } }] });
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { fields: Record<string, string> }).fields).toHaveProperty(["items.0.target.selector.0.type"], expect.stringContaining("W3C selector"));

  const tools = await openPublishTools(page);
  await tools.getByLabel(/Import annotations/).setInputFiles({
    name: "hypothesis.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify([{ type: "Annotation", body: [{ type: "TextualBody", value: "Check the date." }], target: [{ selector: [{ type: "TextQuoteSelector", exact: "transport office" }] }] }, { target: { selector: { type: "TextQuoteSelector", exact: "ferry timetable" } } }])),
  });
  await expect(tools.getByText(/Placed 1 as drafts; 1 could not be placed/)).toBeVisible();
  await expect(tools.getByText(/“ferry timetable”/)).toBeVisible();
});

test("a revision saved after publishing shows on the public page as an update", async ({ page, browser }) => {
  const stranger = await browser.newContext();
  const reader = await stranger.newPage();
  await reader.goto(`/p/${slug}`);
  await expect(reader.locator("footer")).toContainText("Fact-check published by");
  // The summary written since dated the page's "Updated", but is no correction or update of its claims or text.
  await expect(reader.getByRole("region", { name: "Corrections and updates" })).toHaveCount(0);
  await signIn(page, "ed@example.com");
  const { article } = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as { article: { plainText: string; revision: number } };
  const saved = await page.request.post(`/api/articles/${articleId}/revisions/import`, {
    data: { baseRevision: article.revision, format: "text", content: `${article.plainText}\nThe council votes on the contract next week.` },
  });
  expect(saved.status()).toBe(201);
  await reader.reload();
  await expect(reader.locator("footer")).toContainText(/Updated on \d+ \w+ \d{4} at \d\d:\d\d GMT\+5:30\./);
  await expect(reader.locator("mark.claim-mark")).toHaveCount(2);
  const updates = reader.getByRole("region", { name: "Corrections and updates" });
  await expect(updates.getByRole("listitem")).toHaveCount(1);
  await expect(updates).toContainText("Update");
  await expect(updates).toContainText("The article's text was revised; the highlights follow the current text.");
  await expect(reader.locator(".public-page__corrected")).toHaveCount(0);
  await stranger.close();
});

test("a rating changed after publishing is told to readers as a correction: under the title, in the claim's note and in the list", async ({ page, browser }, testInfo) => {
  await signIn(page, "ed@example.com");
  const { annotations } = (await (await page.request.get(`/api/articles/${articleId}/annotations`)).json()) as { annotations: (Annotation & { quote: string })[] };
  const second = annotations.find((annotation) => annotation.quote === SECOND)!;
  const decide = async (request: APIRequestContext, annotation: Annotation, to: string, comment?: string) => {
    const answer = await request.post(`/api/annotations/${annotation.id}/status`, { data: { to, version: annotation.version, comment } });
    expect(answer.status()).toBe(200);
    return ((await answer.json()) as { annotation: Annotation }).annotation;
  };
  // The editor reopens it from its card, told that readers will see the rating go.
  await page.goto(`/articles/${articleId}`);
  const card = page.getByRole("article", { name: /Claim by Rita Reviewer/ }).filter({ hasText: SECOND });
  await card.getByRole("button", { expanded: false }).click();
  await card.getByRole("button", { name: "Reopen" }).click();
  await expect(card.locator(".notice")).toHaveText(
    "Readers see this rating on the public page. Reopening takes it off until the claim is approved again, and the page lists that among its corrections.",
  );
  await card.locator(".notice").scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("reopen-published-claim.png") });
  await card.getByLabel("Why reopen it?").fill("The tender was amended: check the new figure.");
  await card.getByRole("button", { name: "Reopen" }).click();
  await expect(card.getByText(/In review/).first()).toBeVisible();
  const { annotation: reopened } = (await (await page.request.get(`/api/annotations/${second.id}`)).json()) as { annotation: Annotation };
  let current = await decide(page.request, reopened, "changes_requested", "The amended tender says 13 million euros.");
  const rita = await browser.newContext();
  const ritaPage = await rita.newPage();
  await signIn(ritaPage, "rita@example.com");
  const edited = await ritaPage.request.patch(`/api/annotations/${second.id}`, {
    data: { verdict: "mostly_false", explanation: "The amended tender puts the repairs at 13 million euros.", version: current.version },
  });
  expect(edited.status()).toBe(200);
  current = await decide(ritaPage.request, ((await edited.json()) as { annotation: Annotation }).annotation, "in_review");
  await rita.close();
  await decide(page.request, current, "approved");

  // The editor, still on the article, sees the correction come into the publishing tools as it happens
  // (no reload), and tells readers why.
  const tools = page.locator("details.article-tools");
  const corrections = tools.getByRole("region", { name: "Corrections and updates readers see" });
  const item = corrections.getByRole("listitem").filter({ hasText: `We changed our rating of ${SECOND} from False to Mostly false.` });
  await item.getByRole("button", { name: "Add a note to readers" }).click();
  await item.getByLabel(/Note to readers/).fill("The city amended the tender on 28 November: <b>13 million</b> euros.");
  await item.getByRole("button", { name: "Save note" }).click();
  await expect(item.getByRole("button", { name: "Edit the note to readers" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("correction-note-desk.png") });
  const deskViolations = (await new AxeBuilder({ page }).include(".article-tools").analyze()).violations;
  expect(deskViolations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);

  const stranger = await browser.newContext();
  const reader = await stranger.newPage();
  await reader.goto(`/p/${slug}`);
  await expect(reader.locator(".public-page__corrected")).toContainText(/^Corrected on \d+ \w+ \d{4}: see the corrections\.$/);
  const note = reader.locator(".claim-note").filter({ hasText: SECOND });
  await expect(note.locator(".verdict-badge")).toHaveText("Mostly false");
  await expect(note.getByRole("link", { name: "Corrected: rated False before" })).toHaveAttribute("href", "#corrections");
  const published = reader.getByRole("region", { name: "Corrections and updates" });
  const correction = published.getByRole("listitem").first();
  await expect(correction).toContainText("Correction");
  await expect(correction).toContainText(`We changed our rating of ${SECOND} from False to Mostly false.`);
  // The note is the editor's text, never markup.
  await expect(correction.locator(".public-corrections__note")).toHaveText("The city amended the tender on 28 November: <b>13 million</b> euros.");
  await expect(correction.locator("b")).toHaveCount(0);
  await correction.getByRole("link", { name: "See fact-check 2" }).click();
  await expect(reader).toHaveURL(new RegExp(`#claim-${second.id}$`));
  await expect(published.getByRole("listitem")).toHaveCount(2);
  await reader.screenshot({ path: testInfo.outputPath("public-corrections.png"), fullPage: true });
  expect((await new AxeBuilder({ page: reader }).analyze()).violations).toEqual([]);
  // The index says so too, and leads to the corrections.
  await reader.goto("/p");
  const listed = reader.getByRole("listitem").filter({ has: reader.getByRole("link", { name: TITLE }) });
  await expect(listed.getByRole("link", { name: /^corrected \d+ \w+ \d{4}$/ })).toHaveAttribute("href", `/p/${slug}#corrections`);
  await reader.screenshot({ path: testInfo.outputPath("public-index-corrected.png") });
  await stranger.close();
});

test("an editor embeds a claim's fact-check in another site's page, where it follows the claim's review; the desk cannot be framed", async ({ page, browser }, testInfo) => {
  await signIn(page, "ed@example.com");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const { annotations } = (await (await page.request.get(`/api/articles/${articleId}/annotations`)).json()) as { annotations: (Annotation & { quote: string })[] };
  const first = annotations.find((annotation) => annotation.quote === FIRST)!;
  await page.goto(`/articles/${articleId}?annotation=${first.id}`);
  const card = page.locator(`#claim-card-${first.id}`);
  const onPublicPage = card.getByRole("region", { name: "On the public page" });
  await expect(onPublicPage.getByRole("link", { name: "Open its fact-check" })).toHaveAttribute("href", new RegExp(`/p/${slug}#claim-${first.id}$`));
  await onPublicPage.getByRole("button", { name: "Embed…" }).click();
  const dialog = page.getByRole("dialog", { name: "Embed this fact-check" });
  const code = await dialog.getByLabel("Embed code").inputValue();
  expect(code).toMatch(new RegExp(`^<iframe src="http://[^"]+/p/${slug}/embed/${first.id}" title="Fact-check: “${FIRST}”"`));
  await dialog.getByRole("button", { name: "Copy code" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  // The preview is the embed itself.
  await expect(dialog.frameLocator("iframe").locator(".verdict-badge")).toHaveText("Mostly true");
  await page.screenshot({ path: testInfo.outputPath("embed-dialog.png") });
  const dialogViolations = (await new AxeBuilder({ page }).include(".embed-dialog").analyze()).violations;
  expect(dialogViolations.filter((violation) => violation.impact === "serious" || violation.impact === "critical")).toEqual([]);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
  // The whole fact-check's code, from the publishing tools.
  const tools = page.locator("details.article-tools");
  if (!(await tools.evaluate((element) => (element as HTMLDetailsElement).open))) await tools.locator("summary").click();
  await tools.getByRole("button", { name: "Embed…" }).click();
  const factCheckCode = await dialog.getByLabel("Embed code").inputValue();
  expect(factCheckCode).toMatch(new RegExp(`^<iframe src="http://[^"]+/p/${slug}/embed" title="Fact-check: ${TITLE}"`));
  await expect(dialog.frameLocator("iframe").locator(".claim-embed__title")).toHaveText(TITLE);
  await dialog.getByRole("button", { name: "Close" }).click();

  // A partner's story, served by another site (on this machine, as Chromium keeps a public site's page
  // from framing localhost), with the code pasted in.
  const partnerSite = createServer((request, response) => {
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(`<!doctype html><title>Partner story</title><h1>Bridge traffic</h1>${request.url === "/roundup" ? factCheckCode : code}<p>The end.</p>`);
  });
  await new Promise<void>((listening) => partnerSite.listen(0, "127.0.0.1", listening));
  const partner = await browser.newContext();
  const host = await partner.newPage();
  await host.goto(`http://127.0.0.1:${(partnerSite.address() as AddressInfo).port}/story`);
  const embed = host.frameLocator("iframe");
  await expect(embed.locator(".claim-embed__quote")).toHaveText(`“${FIRST}”`);
  await expect(embed.locator(".verdict-badge")).toHaveText("Mostly true");
  await expect(embed.getByText("The 2025 traffic census counted 78,400 vehicles a day on average.")).toBeVisible();
  await expect(embed.getByRole("link", { name: /Read the full fact-check/ })).toHaveAttribute("target", "_blank");
  // The frame takes the card's height, told by the embed (it starts at 360 px).
  const frame = host.locator("iframe");
  await expect.poll(async () => Number(await frame.getAttribute("height"))).not.toBe(360);
  const cardHeight = await embed.locator(".claim-embed").evaluate((element) => element.getBoundingClientRect().height);
  expect(Math.abs(Number(await frame.getAttribute("height")) - cardHeight)).toBeLessThan(8);
  await host.screenshot({ path: testInfo.outputPath("embed-partner-page.png"), fullPage: true });

  // Reopened on the desk: the partner's page no longer shows the rating as standing.
  const decide = async (annotation: Annotation, to: string) => {
    const answer = await page.request.post(`/api/annotations/${annotation.id}/status`, { data: { to, version: annotation.version, comment: "Check the 2026 census." } });
    expect(answer.status()).toBe(200);
    return ((await answer.json()) as { annotation: Annotation }).annotation;
  };
  const reopened = await decide(first, "in_review");
  await host.reload();
  await expect(embed.locator(".claim-embed__notice")).toContainText(/^Rating withdrawn\. On \d+ \w+ \d{4} we withdrew our rating of this claim to review it again\.$/);
  await expect(embed.locator(".verdict-badge")).toHaveCount(0);
  await expect(embed.getByText("Mostly true")).toHaveCount(0);
  await host.screenshot({ path: testInfo.outputPath("embed-partner-withdrawn.png"), fullPage: true });
  await decide(reopened, "approved");
  await host.reload();
  await expect(embed.locator(".verdict-badge")).toHaveText("Mostly true");

  // The whole fact-check on another of the partner's pages: its claims and their verdicts, each a link to its note.
  await host.goto(`http://127.0.0.1:${(partnerSite.address() as AddressInfo).port}/roundup`);
  await expect(embed.locator(".claim-embed__title")).toHaveText(TITLE);
  await expect(embed.locator(".claim-embed__explanation")).toHaveText(SUMMARY);
  await expect(embed.locator(".claim-embed__claims li")).toHaveText([`Mostly true “${FIRST}”`, `Mostly false “${SECOND}”`]);
  await expect(embed.getByRole("link", { name: `“${FIRST}”` })).toHaveAttribute("href", new RegExp(`/p/${slug}#claim-${first.id}$`));
  await expect(embed.locator(".claim-embed__corrected")).toContainText(/^Corrected on \d+ \w+ \d{4}$/);
  await expect.poll(async () => Number(await frame.getAttribute("height"))).not.toBe(360);
  await host.screenshot({ path: testInfo.outputPath("embed-partner-fact-check.png"), fullPage: true });
  const pageEmbed = await partner.newPage();
  expect((await pageEmbed.goto(`/p/${slug}/embed`))!.headers()["content-security-policy"]).toBe("frame-ancestors *");
  await expectNoSeriousViolations(pageEmbed, "a fact-check's embed");
  const pageOembed = await pageEmbed.request.get(`/api/oembed?url=${encodeURIComponent(new URL(`/p/${slug}`, pageEmbed.url()).href)}`);
  expect(await pageOembed.json()).toMatchObject({ type: "rich", title: `Fact-check: ${TITLE}`, html: factCheckCode });

  // CMSs find the same code through oEmbed, from the embed or the claim's public address.
  const embedPage = await partner.newPage();
  const embedAnswer = await embedPage.goto(`/p/${slug}/embed/${first.id}`);
  expect(embedAnswer!.headers()["content-security-policy"]).toBe("frame-ancestors *");
  expect(embedAnswer!.headers()["x-frame-options"]).toBeUndefined();
  await expectNoSeriousViolations(embedPage, "a claim's embed");
  const discovery = await embedPage.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute("href");
  const oembed = await embedPage.request.get(discovery!);
  expect(oembed.status()).toBe(200);
  expect(await oembed.json()).toMatchObject({ type: "rich", version: "1.0", html: code, width: 560, height: 360 });
  // A draft is not embeddable, and the desk's own pages refuse to be framed.
  const draft = annotations.find((annotation) => annotation.quote === DRAFT)!;
  expect((await embedPage.goto(`/p/${slug}/embed/${draft.id}`))!.status()).toBe(404);
  await expect(embedPage.getByText("This fact-check is not available.")).toBeVisible();
  for (const path of ["/", "/signin", `/articles/${articleId}`, `/p/${slug}`]) {
    const headers = (await embedPage.request.get(path)).headers();
    expect([path, headers["x-frame-options"], headers["content-security-policy"]]).toEqual([path, "DENY", "frame-ancestors 'none'"]);
  }
  await partner.close();
  partnerSite.close();
});

test("unpublishing takes the page down, and off the index, the feed and the sitemap", async ({ page, browser }) => {
  await signIn(page, "ed@example.com");
  const tools = await openPublishTools(page);
  await tools.getByRole("button", { name: "Unpublish" }).click();
  await page.getByRole("alertdialog", { name: "Unpublish this fact-check?" }).getByRole("button", { name: "Unpublish" }).click();
  await expect(tools.getByText("Not published")).toBeVisible();
  const stranger = await browser.newContext();
  const gone = await stranger.newPage();
  expect((await gone.goto(`/p/${slug}`))!.status()).toBe(404);
  await gone.goto("/p");
  await expect(gone.getByRole("link", { name: TITLE })).toHaveCount(0);
  expect(await (await gone.request.get("/p/feed.xml")).text()).not.toContain(`/p/${slug}<`);
  expect(await (await gone.request.get("/sitemap.xml")).text()).not.toContain(`/p/${slug}<`);
  await stranger.close();
});
