import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility";
import { signIn, signOut } from "./helpers";

/**
 * Topics: an editor files an article under topics from its page; the topics link to the list of the
 * desk's articles of each, and, once the article is published, to the public index of each. A reviewer
 * sees them but cannot change them. The articles are this spec's own.
 */
test.describe.configure({ mode: "serial" });

const STAMP = Date.now();
const TITLE = `Hospital waiting lists ${STAMP}`;
const OTHER = `Bridge closure ${STAMP}`;
/** A topic of this run's own, so that earlier runs' articles do not show under it. */
const HEALTH = `Health ${STAMP}`;

let articleId = "";

test("an editor files an article under topics, and each leads to the articles of that topic", async ({ page }, testInfo) => {
  await signIn(page, "ed@example.com");
  const imported = async (title: string) => {
    const answer = await page.request.post("/api/articles", { data: { format: "text", title, content: `${title}\nWaiting lists grew by 12 per cent in a year, the ministry said.` } });
    expect(answer.status()).toBe(201);
    return ((await answer.json()) as { article: { id: string } }).article.id;
  };
  articleId = await imported(TITLE);
  const otherId = await imported(OTHER);
  expect((await page.request.put(`/api/articles/${otherId}/topics`, { data: { topics: ["Transport"] } })).status()).toBe(200);

  await page.goto(`/articles/${articleId}`);
  await page.getByRole("button", { name: "Add topics" }).click();
  const dialog = page.getByRole("dialog", { name: "Topics" });
  const field = dialog.getByLabel("Add a topic");
  await expect(field).toBeFocused();
  await field.fill(HEALTH);
  await field.press("Enter");
  // Several at once, comma-separated; one the desk knows in another case takes the desk's spelling.
  await field.fill("Public spending,  transport ");
  await dialog.getByRole("button", { name: "Add" }).click();
  const chips = dialog.getByRole("list", { name: "Topics of the article" });
  await expect(chips.getByRole("listitem")).toHaveText([`${HEALTH}×`, "Public spending×", "Transport×"]);
  await dialog.getByRole("button", { name: "Remove Public spending" }).click();
  await expect(chips.getByRole("listitem")).toHaveCount(2);
  // Too long a topic is said at the field, and not added.
  await field.fill("x".repeat(41));
  await field.press("Enter");
  await expect(dialog.getByRole("alert")).toContainText("The topic must be at most 40 characters");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  // Saving with it still in the field saves nothing: the dialog stays, saying why.
  await dialog.getByRole("button", { name: "Save topics" }).click();
  await expect(dialog.getByRole("alert")).toContainText("The topic must be at most 40 characters");
  await expect(dialog).toBeVisible();
  await field.fill("");
  await page.screenshot({ path: testInfo.outputPath("topics-dialog.png") });
  await expectNoSeriousViolations(page, "the topics dialog");
  await dialog.getByRole("button", { name: "Save topics" }).click();
  await expect(dialog).toBeHidden();

  const topics = page.locator(".article-topics").getByRole("list", { name: "Topics" });
  await expect(topics.getByRole("link")).toHaveText([HEALTH, "Transport"]);
  await expect(page.getByRole("button", { name: "Edit topics" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("article-topics.png") });

  // A topic leads to the desk's articles of that topic.
  await topics.getByRole("link", { name: "Transport" }).click();
  await expect(page).toHaveURL(/\/\?topic=Transport$/);
  await expect(page.getByRole("status")).toContainText("filed under “Transport”");
  const rows = page.locator(".article-table tbody tr");
  await expect(rows.filter({ hasText: TITLE })).toHaveCount(1);
  await expect(rows.filter({ hasText: OTHER })).toHaveCount(1);
  await page.getByRole("row", { name: new RegExp(TITLE) }).getByRole("link", { name: HEALTH }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(TITLE);
  await page.screenshot({ path: testInfo.outputPath("articles-of-a-topic.png") });
  // The search keeps the topic.
  await page.getByLabel("Search titles and bylines").fill("bridge");
  await page.getByLabel("Search titles and bylines").press("Enter");
  await expect(page.getByRole("status")).toContainText(`No article filed under “${HEALTH}” has “bridge” in its title or byline.`);

  // The review queue finds the claims on the articles of a topic.
  const flagged = await page.request.post(`/api/articles/${articleId}/annotations`, {
    data: { selectors: [{ type: "TextQuoteSelector", exact: "grew by 12 per cent", prefix: "", suffix: "" }] },
  });
  expect(flagged.status()).toBe(201);
  await page.goto("/queue");
  await page.getByLabel("Topic", { exact: true }).fill(HEALTH.toLowerCase());
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]topic=health/);
  await expect(page.locator("table tbody tr")).toHaveCount(1);
  await expect(page.locator("table tbody tr").first()).toContainText("grew by 12 per cent");
});

test("a reviewer sees an article's topics but cannot change them", async ({ page }) => {
  await signIn(page, "rita@example.com");
  await page.goto(`/articles/${articleId}`);
  await expect(page.locator(".article-topics").getByRole("link")).toHaveText([HEALTH, "Transport"]);
  await expect(page.getByRole("button", { name: /topics/ })).toHaveCount(0);
  // A topic nobody filed anything under says so, and only so.
  await page.goto(`/?topic=${encodeURIComponent(`Weather ${STAMP}`)}`);
  await expect(page.getByRole("status")).toContainText(`No article is filed under “Weather ${STAMP}”.`);
  await expect(page.getByText("No articles yet.")).toHaveCount(0);
  const refused = await page.request.put(`/api/articles/${articleId}/topics`, { data: { topics: ["Mine"] } });
  expect(refused.status()).toBe(403);
  await signOut(page);
  await signIn(page, "ed@example.com");
  const malformed = await page.request.put(`/api/articles/${articleId}/topics`, { data: { topics: Array.from({ length: 9 }, (_, n) => `T${n}`) } });
  expect(malformed.status()).toBe(400);
  expect(((await malformed.json()) as { fields: Record<string, string> }).fields).toEqual({ topics: "must be at most 8 topics" });
});

test("once published, the fact-check's topics lead readers to the public index of each", async ({ page }, testInfo) => {
  await signIn(page, "ed@example.com");
  const published = await page.request.post(`/api/articles/${articleId}/publication`);
  expect(published.status()).toBe(200);
  const { slug } = ((await published.json()) as { publication: { slug: string } }).publication;
  await signOut(page);

  await page.goto(`/p/${slug}`);
  await page.getByRole("link", { name: HEALTH, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/p\\?topic=${encodeURIComponent(HEALTH).replace(/%20/g, "(%20|\\+)")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(HEALTH);
  await expect(page.getByRole("link", { name: TITLE })).toBeVisible();
  await expect(page.getByRole("link", { name: OTHER })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("public-index-of-a-topic.png"), fullPage: true });
  const feed = await page.request.get("/p/feed.xml");
  expect(await feed.text()).toContain(`<category term="${HEALTH}"`);
  // The topic has a feed of its own, with its fact-checks alone; a topic nothing published is filed under has none.
  const topicFeedLink = page.getByRole("link", { name: `Follow ${HEALTH} in a feed reader` });
  await expect(topicFeedLink).toHaveAttribute("href", `/p/feed.xml?topic=${encodeURIComponent(HEALTH)}`);
  const topicFeed = await page.request.get(`/p/feed.xml?topic=${encodeURIComponent(HEALTH.toUpperCase())}`);
  expect(topicFeed.headers()["content-type"]).toContain("application/atom+xml");
  const topicFeedText = await topicFeed.text();
  expect(topicFeedText).toContain(`<title>Fact-checks on ${HEALTH} by`);
  expect(topicFeedText).toContain(`<title>${TITLE}</title>`);
  expect(topicFeedText).not.toContain(`<title>${OTHER}</title>`);
  const nothing = await page.request.get("/p/feed.xml?topic=Nothing%20filed");
  expect(nothing.status()).toBe(404);
  expect(await nothing.text()).toBe("No published fact-check is filed under “Nothing filed”.");
  // A topic's index is a page of its own for search engines, as the plain index is; a search within it is not.
  const topicUrl = `/p?topic=${encodeURIComponent(HEALTH)}`;
  const topicPage = await (await page.request.get(topicUrl)).text();
  expect(topicPage).not.toContain("noindex");
  expect(topicPage).toContain(`<link rel="canonical" href="http://localhost:3100${topicUrl}"`);
  expect(await (await page.request.get(`${topicUrl}&q=waiting`)).text()).toContain('<meta name="robots" content="noindex, follow"');
  expect(await (await page.request.get("/sitemap.xml")).text()).toContain(`<loc>http://localhost:3100${topicUrl}</loc>`);
});

test("an editor renames a topic on every article, and removes one, from the page of the desk's topics", async ({ page }, testInfo) => {
  await signIn(page, "ed@example.com");
  await page.goto("/");
  await page.getByRole("link", { name: "Topics", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(`^${HEALTH}`) });
  await expect(row.getByRole("cell")).toHaveText(["1", "1", /Rename/]);
  await page.screenshot({ path: testInfo.outputPath("desk-topics.png") });
  await expectNoSeriousViolations(page, "the desk's topics");
  // Found by a part of its name, the search kept in the address.
  await page.getByRole("searchbox", { name: "Topics containing" }).fill(String(STAMP));
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/topics\\?q=${STAMP}$`));
  await expect(page.getByRole("status")).toHaveText(/^1 topic contains “/);
  await expect(page.getByRole("table").getByRole("link")).toHaveText([HEALTH]);
  await page.getByRole("link", { name: "Every topic" }).click();
  await expect(page).toHaveURL(/\/topics$/);

  const renamed = `Healthcare ${STAMP}`;
  await row.getByRole("button", { name: `Rename ${HEALTH}…` }).click();
  const dialog = page.getByRole("dialog", { name: `Rename “${HEALTH}”` });
  await dialog.getByLabel("New name").fill(" ");
  await dialog.getByRole("button", { name: "Rename topic" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("The new name must not be blank");
  await dialog.getByLabel("New name").fill(renamed);
  await dialog.getByRole("button", { name: "Rename topic" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("row", { name: new RegExp(`^${renamed}`) })).toBeVisible();
  await expect(row).toHaveCount(0);

  await page.getByRole("row", { name: new RegExp(`^${renamed}`) }).getByRole("button", { name: `Remove ${renamed}…` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Remove “${renamed}” from 1 article?` });
  await expect(confirm).toContainText("One of them is published: its public page no longer lists it.");
  await confirm.getByRole("button", { name: "Remove topic" }).click();
  await expect(page.getByRole("row", { name: new RegExp(`^${renamed}`) })).toHaveCount(0);

  await page.goto(`/articles/${articleId}`);
  await expect(page.locator(".article-topics").getByRole("link")).toHaveText(["Transport"]);
});
