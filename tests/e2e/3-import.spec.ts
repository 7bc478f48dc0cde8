import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility";
import { signIn, signOut } from "./helpers";

// Runs after 1-workbench.spec.ts, which sets up the admin, the reviewer Rita and the editor Ed.
test.describe.configure({ mode: "serial" });

const HTML = `<!doctype html>
<html><head><title>Page title | Example News</title><script>window.pwned = "head";</script></head>
<body>
  <h1>Harbour bridge reopens after repairs</h1>
  <p>The bridge <b>reopened</b> on Monday, <a href="https://example.org/bridge" onclick="window.pwned = 'click'">the city said</a>.</p>
  <p>Repairs cost &euro;12&nbsp;million.<img src="x" onerror="window.pwned = 'img'"></p>
  <script>window.pwned = "body";</script>
  <ul><li>Two lanes are open.</li><li>Cyclists use the east side.</li></ul>
  <iframe src="https://example.org/ad"></iframe>
</body></html>`;

test("an editor imports an HTML file and lands on the article, with nothing executable left", async ({ page }) => {
  await signIn(page, "ed@example.com");
  await page.getByRole("link", { name: "New article" }).click();
  await expect(page.getByRole("heading", { name: "New article" })).toBeVisible();
  await page.getByLabel("Byline").fill("Staff reporter");
  await page.getByLabel("Upload a file").check();
  await page.getByLabel(/^File/).setInputFiles({ name: "bridge.html", mimeType: "text/html", buffer: Buffer.from(HTML) });
  await page.getByRole("button", { name: "Import article" }).click();

  await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Harbour bridge reopens after repairs" })).toBeVisible();
  const text = page.locator(".article-text");
  await expect(text.locator("h2")).toHaveText("Harbour bridge reopens after repairs");
  await expect(text.getByText("Repairs cost €12 million.")).toBeVisible();
  await expect(text.locator("li")).toHaveText(["Two lanes are open.", "Cyclists use the east side."]);
  await expect(text.getByRole("link", { name: "the city said" })).toHaveAttribute("href", "https://example.org/bridge");
  await expect(text.locator("script, img, iframe, [onclick], [onerror]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: string }).pwned)).toBeUndefined();
  await expect(page.getByText("Staff reporter")).toBeVisible();
});

test("an editor pastes Markdown and sees the import's progress until the article opens", async ({ page }) => {
  await signIn(page, "ed@example.com");
  await page.goto("/articles/new");
  await page.getByLabel(/^Title/).fill("Council budget, in Markdown");
  await page.getByLabel("Format").selectOption({ label: "Markdown" });
  await page.getByLabel("Text", { exact: true }).fill(
    ["## The budget", "", "The council approved **€4 million** for *schools*.", "", "1. Roads", "2. Parks", "   - playgrounds", "", "<script>alert(1)</script>"].join("\n"),
  );
  // Holds the request a moment, as a slow connection would, so the progress can be seen.
  await page.route("**/api/articles", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByRole("status")).toContainText(/Uploading|Converting/);
  await expect(page.getByRole("button", { name: "Importing…" })).toBeDisabled();

  await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Council budget, in Markdown" })).toBeVisible();
  const text = page.locator(".article-text");
  await expect(text.locator("h3")).toHaveText("The budget");
  await expect(text.locator("strong")).toHaveText("€4 million");
  await expect(text.locator("ol > li")).toHaveCount(2);
  await expect(text.getByText("<script>alert(1)</script>")).toBeVisible();
  await expect(text.locator("script")).toHaveCount(0);
});

test("an import that is binary or in an unknown format is refused with a message at the file field", async ({ page }) => {
  await signIn(page, "ed@example.com");
  await page.goto("/articles/new");
  await page.getByLabel("Upload a file").check();
  const file = page.getByLabel(/^File/);
  await file.setInputFiles({ name: "photo.md", mimeType: "text/markdown", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]) });
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "looks like a binary file" }).first()).toBeVisible();
  await expect(file).toHaveAttribute("aria-invalid", "true");

  await file.setInputFiles({ name: "notes.csv", mimeType: "text/csv", buffer: Buffer.from("a,b\n1,2\n") });
  await page.getByRole("button", { name: "Import article" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "is not one we can import" })).toBeVisible();
  await expect(page).toHaveURL(/\/articles\/new$/);
});

test("a reviewer has no New article link, is refused on the page, and the API answers 403", async ({ page }) => {
  await signIn(page, "rita@example.com");
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New article" })).toHaveCount(0);
  await page.goto("/articles/new");
  await expect(page.getByRole("alert").filter({ hasText: "Only editors and admins can import articles." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import article" })).toHaveCount(0);
  const answer = await page.request.post("/api/articles", { data: { format: "text", content: "A reviewer's article" } });
  expect(answer.status()).toBe(403);
});

test("the API imports JSON with 201, and refuses bad fields with 400 naming them", async ({ page }) => {
  await signIn(page, "admin@example.com");
  const created = await page.request.post("/api/articles", {
    data: { format: "text", content: "First line is the title\nSecond line.", originalUrl: "https://example.org/a", publishedOn: "2025-01-31" },
  });
  expect(created.status()).toBe(201);
  expect(await created.json()).toEqual({ article: { id: expect.any(String), title: "First line is the title" } });

  const refused = await page.request.post("/api/articles", {
    data: { format: "pdf", content: "x", originalUrl: "javascript:alert(1)", publishedOn: "31/01/2025" },
  });
  expect(refused.status()).toBe(400);
  expect(Object.keys(((await refused.json()) as { fields: object }).fields).sort()).toEqual(["format", "originalUrl", "publishedOn"]);
});

/** A news site on this machine (the app may fetch from 127.0.0.1: IMPORT_PRIVATE_HOSTS in playwright.config.ts). */
function newsSite() {
  const story = { title: "Ferry timetable cut to two crossings a day", closing: "The operator said the timetable would be reviewed in the spring." };
  let server: Server;
  let origin = "";
  const article = () => `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>${story.title} | The Harbour Gazette</title>
    <meta property="og:site_name" content="The Harbour Gazette"><meta name="author" content="Sam Writer">
    <meta property="article:published_time" content="2025-03-04T07:30:00+01:00">
    <link rel="canonical" href="${origin}/news/ferry-timetable">
    <script>window.pwned = "page";</script></head>
    <body><header><nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
    <main><article><h1>${story.title}</h1><div class="share"><a href="https://x.example/share">Share on X</a></div>
    <p>The island ferry will sail twice a day from Monday, down from five crossings, the operator announced on Tuesday.</p>
    <p>Commuters said the <a href="/news/ferry-fares">new fares</a> and the shorter timetable would leave them stranded, and the council asked for a meeting.</p>
    <div class="ad-slot">Advertisement</div>
    <p>The operator blamed a shortage of crew and the cost of fuel, which it said had risen by 30 per cent in a year.</p>
    <p>${story.closing}</p></article>
    <aside class="related"><h2>Related</h2><a href="/news/bridge">Harbour bridge reopens</a></aside></main>
    <footer>© The Harbour Gazette</footer></body></html>`;
  return {
    story,
    get origin() {
      return origin;
    },
    async start() {
      server = createServer((request, response) => {
        if (request.url?.startsWith("/news/ferry-timetable")) {
          response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
          return response.end(article());
        }
        response.writeHead(404, { "Content-Type": "text/html" });
        response.end("<p>Not found</p>");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

test("an editor fetches an article from its web address, checks what was found and imports it; when the site changes it, the article says so and the new version is imported", async ({ page }) => {
  const site = newsSite();
  await site.start();
  try {
    await signIn(page, "ed@example.com");
    await page.goto("/articles/new");
    await page.getByLabel("Fetch from its web address").check();
    const address = page.getByLabel("Web address of the article");
    await address.fill(`${site.origin}/news/no-such-story`);
    await page.getByRole("button", { name: "Fetch article" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is no page" })).toHaveText(/^There is no page at this address \(127\.0\.0\.1:\d+ answered HTTP 404\): check it\.$/);
    await expect(address).toHaveAttribute("aria-invalid", "true");

    // Shared with a tracking parameter; Enter fetches.
    await address.fill(`${site.origin}/news/ferry-timetable?utm_source=newsletter`);
    await address.press("Enter");
    const found = page.getByRole("region", { name: "What the desk found at this address" });
    await expect(found).toContainText(site.story.title);
    await expect(found).toContainText("The Harbour Gazette · by Sam Writer · published 2025-03-04");
    await expect(found).toContainText("4 paragraphs");
    await expect(found).toContainText("The island ferry will sail twice a day from Monday");
    await expect(found).toContainText(site.story.closing);
    // The details are filled in from the page, the original's address without its tracking parameter.
    await expect(page.getByLabel(/^Title/)).toHaveValue(site.story.title);
    await expect(page.getByLabel("Byline")).toHaveValue("Sam Writer");
    await expect(page.getByLabel("Original URL")).toHaveValue(`${site.origin}/news/ferry-timetable`);
    await expect(page.getByLabel("Published on")).toHaveValue("2025-03-04");
    await page.screenshot({ path: test.info().outputPath("fetched-article.png"), fullPage: true });
    await expectNoSeriousViolations(page, "new article fetched from its web address");

    await page.getByRole("button", { name: "Import article" }).click();
    await expect(page).toHaveURL(/\/articles\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: site.story.title })).toBeVisible();
    const text = page.locator(".article-text");
    await expect(text.locator("p")).toHaveCount(4);
    await expect(text.getByRole("link", { name: "new fares" })).toHaveAttribute("href", `${site.origin}/news/ferry-fares`);
    for (const clutter of ["Sport", "Share on X", "Advertisement", "Related", "© The Harbour Gazette"]) await expect(text).not.toContainText(clutter);
    expect(await page.evaluate(() => (window as { pwned?: string }).pwned)).toBeUndefined();

    // The desk reads the original (here when asked; on a schedule otherwise): what it reads first is what it knows.
    await page.getByRole("button", { name: "Check now" }).click();
    await expect(page.getByText(/^Original last read /)).toBeVisible();
    await expect(page.getByText("The original has changed.")).toHaveCount(0);

    // The site updates the story without a word: the next read sees it, and the article says so.
    site.story.closing = "Updated at 14:00: the council and the operator will meet on Friday.";
    await page.getByRole("button", { name: "Check now" }).click();
    const notice = page.getByRole("status").filter({ hasText: "The original has changed." });
    await expect(notice).toContainText("in revision 1 here: 1 paragraph only the original has, 1 paragraph only this text has.");
    await page.screenshot({ path: test.info().outputPath("original-changed.png") });
    // The list of articles says so too.
    await page.getByRole("link", { name: "Articles", exact: true }).click();
    await expect(page.getByRole("row", { name: new RegExp(site.story.title) })).toContainText(/Original changed \d/);
    await page.goBack();
    await expect(notice).toBeVisible();

    // "Import the new version…" fetches it from the original's address, for a check, as the next revision.
    await notice.getByRole("button", { name: "Import the new version…" }).click();
    const dialog = page.getByRole("dialog", { name: "Import a new version" });
    await expect(dialog.getByLabel("Web address of the article")).toHaveValue(`${site.origin}/news/ferry-timetable`);
    await dialog.getByRole("button", { name: "Fetch article" }).click();
    // What the new version changes in the article's text, word by word.
    const changes = dialog.getByRole("region", { name: "Changes from revision 1 to revision 2" });
    await expect(changes.locator("ins", { hasText: "Updated at 14:00" })).toBeVisible();
    await expect(changes.locator("del", { hasText: "spring" })).toBeVisible();
    await expect(changes).toContainText(/1 of 4 paragraphs/);
    await page.screenshot({ path: test.info().outputPath("new-version-changes.png") });
    await dialog.getByRole("button", { name: "Save as revision 2" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/^Saved revision 2/)).toBeVisible();
    await expect(text).toContainText("Updated at 14:00: the council and the operator will meet on Friday.");
    await expect(text).not.toContainText("reviewed in the spring");
    await expect(notice).toHaveCount(0);
    // And after a reload too: the revision answered the change.
    await page.reload();
    await expect(page.getByText(/^Original last read /)).toBeVisible();
    await expect(page.getByText("The original has changed.")).toHaveCount(0);

    // A change with nothing in it for the fact-check (a typo fixed) is dismissed, and stays so at the next read.
    site.story.closing = "Updated at 14:00: the council and the operator will meet on Friday morning.";
    await page.getByRole("button", { name: "Check now" }).click();
    await expect(notice).toContainText("in revision 2 here");
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toHaveCount(0);
    await page.getByRole("button", { name: "Check now" }).click();
    await expect(page.getByRole("button", { name: "Reading the original…" })).toHaveCount(0);
    await expect(notice).toHaveCount(0);

    // The inbox of whoever works on the article tells of each change: the ones Ed saw here are read.
    const articlePath = new URL(page.url()).pathname;
    await page.getByRole("link", { name: /^Inbox/ }).click();
    const changedItems = page.locator(".inbox-item").filter({ hasText: `The original of ${site.story.title} has changed` });
    await expect(changedItems).toHaveCount(2);
    await expect(changedItems.filter({ hasText: "New" })).toHaveCount(0);
    // A change the schedule finds while he is elsewhere (here a read asked through the API) waits in his inbox, new.
    site.story.closing = "Updated at 16:00: the meeting is postponed.";
    expect((await page.request.post(`/api${articlePath}/original/check`)).status()).toBe(200);
    await page.reload();
    await expect(changedItems).toHaveCount(3);
    const fresh = changedItems.first();
    await expect(fresh).toContainText("New");
    await expect(fresh).toContainText("1 paragraph only the original has, 1 paragraph only the desk's revision 2 has.");
    await expect(fresh.getByRole("link", { name: "its web address" })).toHaveAttribute("href", `${site.origin}/news/ferry-timetable`);
    await page.screenshot({ path: test.info().outputPath("inbox-original-changed.png") });
    // Opening the article shows the change, and marks it read.
    await page.goto("/inbox");
    const marked = page.waitForResponse((response) => response.url().endsWith("/api/inbox/read") && !!response.request().postData()?.includes("articleId"));
    await changedItems.first().getByRole("link", { name: site.story.title }).click();
    await expect(notice).toContainText("in revision 2 here");
    expect((await marked).status()).toBe(200);
    await page.goto("/inbox");
    await expect(changedItems.first()).not.toContainText("New");
  } finally {
    await site.stop();
  }
});

test("fetching a web page is for editors and admins, and refuses what is not a web address with 400 naming the field", async ({ page }) => {
  await signIn(page, "rita@example.com");
  expect((await page.request.post("/api/web-pages", { data: { url: "https://example.org/" } })).status()).toBe(403);
  await signOut(page);
  await signIn(page, "ed@example.com");
  const refused = await page.request.post("/api/web-pages", { data: { url: "file:///etc/passwd" } });
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toMatchObject({ fields: { url: "must be an http:// or https:// address" } });
});
