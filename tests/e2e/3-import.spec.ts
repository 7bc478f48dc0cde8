import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

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
