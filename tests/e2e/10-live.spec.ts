import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PASSWORD, selectWithMouse, signIn } from "./helpers";

const ARTICLE = "US to send anti-personnel mines to Ukraine";
const CLAIM = "Back then, the White House said it wouldn’t develop or export such mines anymore and aimed to destroy its stockpile.";
const CAUGHT_UP = "The only exception was South Korea, for its unique defense needs.";

test.describe.configure({ mode: "serial" });

async function openArticle(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await page.getByRole("link", { name: ARTICLE }).click();
  await expect(page.getByRole("heading", { name: ARTICLE })).toBeVisible();
}

test("a reviewer's new claim appears on an editor's open page within a second, and each sees the other here", async ({ browser }, testInfo) => {
  const ritaContext = await browser.newContext();
  const edContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  const ed = await edContext.newPage();
  await openArticle(ed, "ed@example.com");
  await openArticle(rita, "rita@example.com");

  await expect(ed.getByText("Also here: Rita Reviewer")).toBeVisible();
  await expect(rita.getByText("Also here: Ed Editor")).toBeVisible();
  await ed.screenshot({ path: "/tmp/live-presence.png" });
  await testInfo.attach("presence", { path: "/tmp/live-presence.png", contentType: "image/png" });

  await selectWithMouse(rita, CLAIM);
  const created = rita.waitForResponse((response) => response.url().endsWith("/annotations") && response.request().method() === "POST");
  await rita.getByRole("button", { name: "Flag for checking" }).click();
  expect((await created).status()).toBe(201);
  const started = Date.now();
  await expect(ed.locator("mark", { hasText: CLAIM })).toBeVisible({ timeout: 1_000 });
  await expect(ed.getByRole("article", { name: /Claim by Rita Reviewer: no verdict yet, draft/ })).toBeVisible({ timeout: 1_000 });
  expect(Date.now() - started).toBeLessThan(1_000);

  // Her comment, and her correction of it, show on his open card as she makes them.
  const claim = ((await (await created).json()) as { annotation: { id: string } }).annotation;
  const opened = ed.waitForResponse((response) => response.url().endsWith("/api/inbox/read"));
  await ed.locator("mark", { hasText: CLAIM }).click();
  const card = ed.getByRole("article", { name: /Claim by Rita Reviewer: no verdict yet, draft/ });
  await expect(card).toBeFocused();
  const { unread } = (await (await opened).json()) as { unread: number };
  // It mentions him, so it is in his inbox; but he saw it arrive on the claim he has open, so it is not new there.
  const seen = ed.waitForResponse((response) => response.url().endsWith("/api/inbox/read"));
  const posted = await rita.request.post(`/api/annotations/${claim.id}/comments`, {
    data: { body: "@Ed Editor Source: the 2022 fact sheet, page 2.", mentions: [await colleagueId(rita.request, "Ed Editor")] },
  });
  const comment = ((await posted.json()) as { comment: { id: string; mentions: { id: string; name: string }[] } }).comment;
  expect(comment.mentions.map((mention) => mention.name)).toEqual(["Ed Editor"]);
  await expect(card.getByText("Source: the 2022 fact sheet, page 2.")).toBeVisible();
  expect(((await (await seen).json()) as { unread: number }).unread).toBe(unread);
  await expect(ed.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox/ })).toHaveAccessibleName(unread ? `Inbox ${unread} new` : "Inbox");
  expect((await rita.request.patch(`/api/comments/${comment.id}`, { data: { body: "@Ed Editor Source: the 2022 fact sheet, page 3.", mentions: [comment.mentions[0]!.id] } })).status()).toBe(200);
  await expect(card.getByText("Source: the 2022 fact sheet, page 3.")).toBeVisible();
  await expect(card.getByText("Source: the 2022 fact sheet, page 2.")).toHaveCount(0);

  await ritaContext.close();
  await expect(ed.getByText("Also here: Rita Reviewer")).toHaveCount(0);
  await edContext.close();
});

test("what reaches a claim left open while its reader is away stays new in their inbox until they are back", async ({ browser }) => {
  const AWAY = "Human rights groups have always been against these mines";
  const ritaContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  const claim = await flagOnOpenArticle(rita, "rita@example.com", AWAY);

  // Ed opens the claim, then leaves his desk with it open: his page's clock jumps two minutes on.
  const edContext = await browser.newContext();
  await edContext.clock.install();
  const ed = await edContext.newPage();
  await openArticle(ed, "ed@example.com");
  const opened = ed.waitForResponse((response) => response.url().endsWith("/api/inbox/read"));
  await ed.locator("mark", { hasText: AWAY }).click();
  const { unread } = (await (await opened).json()) as { unread: number };
  await ed.clock.fastForward("02:00");
  const marked: string[] = [];
  ed.on("request", (request) => request.url().endsWith("/api/inbox/read") && marked.push(request.url()));

  const posted = await rita.request.post(`/api/annotations/${claim.id}/comments`, {
    data: { body: "@Ed Editor is this still the Pentagon's line?", mentions: [await colleagueId(rita.request, "Ed Editor")] },
  });
  expect(posted.status()).toBe(201);
  const card = ed.getByRole("article", { name: /Claim by Rita Reviewer/ }).filter({ hasText: AWAY });
  await expect(card.getByText("is this still the Pentagon's line?")).toBeVisible();
  // On his screen, but he was not there to see it: it stays new, to be emailed.
  const unreadNow = async () => ((await (await ed.request.get("/api/inbox/unread")).json()) as { unread: number }).unread;
  expect(await unreadNow()).toBe(unread + 1);
  expect(marked).toEqual([]);

  // Back at his desk, he moves the mouse: now he has seen it.
  const back = ed.waitForResponse((response) => response.url().endsWith("/api/inbox/read"));
  await ed.mouse.move(300, 300);
  await ed.mouse.move(320, 310);
  expect(((await (await back).json()) as { unread: number }).unread).toBe(unread);
  expect(await unreadNow()).toBe(unread);
  await ritaContext.close();
  await edContext.close();
});

test("a reviewer editing a claim is told before saving that a colleague changed it, and keeps their text", async ({ browser }) => {
  const TOLD = "The only exception was South Korea";
  const ritaContext = await browser.newContext();
  const rita = await ritaContext.newPage();
  const claim = await flagOnOpenArticle(rita, "rita@example.com", TOLD);

  const edContext = await browser.newContext();
  const ed = await edContext.newPage();
  await signIn(ed, "ed@example.com");
  expect((await ed.request.put(`/api/annotations/${claim.id}/assignment`, { data: { assigneeId: (await colleagueId(ed.request, "Ed Editor")) } })).status()).toBe(200);

  const card = rita.getByRole("article", { name: /Claim by Rita Reviewer/ }).filter({ hasText: TOLD });
  await card.getByRole("button", { expanded: false }).click();
  await card.getByRole("button", { name: "Edit", exact: true }).click();
  const form = rita.getByRole("form", { name: "Edit claim" });
  await form.getByLabel("Explanation").fill("My own reading of the 2022 policy.");

  expect((await ed.request.patch(`/api/annotations/${claim.id}`, { data: { version: 1, explanation: "Ed's correction." } })).status()).toBe(200);
  await expect(rita.getByRole("alert").filter({ hasText: "Ed Editor changed this claim; your text is kept" })).toBeVisible({ timeout: 2_000 });
  await expect(form.getByLabel("Explanation")).toHaveValue("My own reading of the 2022 policy.");
  await ritaContext.close();
  await edContext.close();
});

async function colleagueId(request: APIRequestContext, name: string): Promise<string> {
  const { colleagues } = (await (await request.get(`/api/colleagues?q=${encodeURIComponent(name)}`)).json()) as { colleagues: { id: string; name: string }[] };
  return colleagues.find((colleague) => colleague.name === name)!.id;
}

/** A server of this test's own, on its own port and database, that the test can stop and start again. */
class OwnServer {
  private child: ChildProcess | null = null;
  constructor(
    readonly port: number,
    private readonly dataDir: string,
  ) {}

  get origin() {
    return `http://localhost:${this.port}`;
  }

  async start(): Promise<void> {
    const next = path.join("node_modules", "next", "dist", "bin", "next");
    this.child = spawn(process.execPath, [next, "start", "-p", String(this.port)], {
      env: { ...process.env, PORT: String(this.port), PGLITE_DATA_DIR: this.dataDir, NEXTAUTH_URL: this.origin },
      stdio: "ignore",
    });
    await expect
      .poll(async () => (await fetch(`${this.origin}/signin`).then((response) => response.status).catch(() => 0)), { timeout: 60_000 })
      .toBe(200);
  }

  /** Kills the server as a crash would: no goodbye to the open streams. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
    this.child = null;
  }
}

/** Selectors of the first `exact` in the article's text, as the API takes them. */
/** Signs `email` in on `page`, opens the article and flags `exact` in it through the API: the claim made. */
async function flagOnOpenArticle(page: Page, email: string, exact: string): Promise<{ id: string }> {
  await openArticle(page, email);
  const articleId = page.url().split("/articles/")[1]!.split(/[?#]/)[0]!;
  const created = await page.request.post(`/api/articles/${articleId}/annotations`, { data: { selectors: await selectorsOf(page.request, "", articleId, exact) } });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { annotation: { id: string } }).annotation;
}

async function selectorsOf(request: APIRequestContext, origin: string, articleId: string, exact: string) {
  const { article } = (await (await request.get(`${origin}/api/articles/${articleId}`)).json()) as { article: { plainText: string } };
  const start = article.plainText.indexOf(exact);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = start + exact.length;
  return [
    { type: "TextQuoteSelector", exact, prefix: article.plainText.slice(Math.max(0, start - 32), start), suffix: article.plainText.slice(end, end + 32) },
    { type: "TextPositionSelector", start, end },
  ];
}

test("an article's details, archiving and publication changed by an editor show on a reviewer's open page, her form kept", async ({ browser }) => {
  const stamp = Date.now();
  const title = `Tram line extension ${stamp}`;
  const ed = await (await browser.newContext()).newPage();
  await signIn(ed, "ed@example.com");
  const imported = await ed.request.post("/api/articles", { data: { format: "text", title, content: `${title}\nThe tram will reach the airport by 2029.` } });
  expect(imported.status()).toBe(201);
  const articleId = ((await imported.json()) as { article: { id: string } }).article.id;

  const rita = await (await browser.newContext()).newPage();
  await signIn(rita, "rita@example.com");
  await rita.goto(`/articles/${articleId}`);
  await rita.waitForLoadState("networkidle").catch(() => {});
  await selectWithMouse(rita, "by 2029");
  await rita.keyboard.press("ControlOrMeta+Shift+A");
  const form = rita.getByRole("form", { name: "New claim" });
  await form.getByLabel("Explanation").fill("The council's plan says 2031.");

  expect((await ed.request.patch(`/api/articles/${articleId}`, { data: { title: `${title}, corrected`, byline: "Metro desk" } })).status()).toBe(200);
  await expect(rita.getByRole("heading", { level: 1 })).toHaveText(`${title}, corrected`, { timeout: 5_000 });
  await expect(rita.locator(".article-page__meta")).toContainText("Metro desk");
  expect((await ed.request.post(`/api/articles/${articleId}/archive`)).status()).toBe(200);
  await expect(rita.locator(".archived-notice")).toContainText("by Ed Editor", { timeout: 5_000 });
  expect((await ed.request.post(`/api/articles/${articleId}/publication`)).status()).toBe(200);
  // Drawn again, the tools stay as she left them (folded); opened, they say it is published.
  const tools = rita.locator("details.article-tools");
  await tools.locator("summary").click();
  await expect(tools.getByText("Published", { exact: true })).toBeVisible({ timeout: 5_000 });
  // What she was writing is as she left it.
  await expect(form.getByLabel("Explanation")).toHaveValue("The council's plan says 2031.");
});

test("a page that lost its server reconnects and shows what was made while it was away", async ({ page }, testInfo) => {
  const dataDir = path.join("data", "e2e-live", "pglite");
  fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  const server = new OwnServer(Number(process.env.E2E_PORT ?? 3100) + 11, dataDir);
  await server.start();
  try {
    const setup = await page.request.post(`${server.origin}/api/setup`, {
      data: { name: "Ada Admin", email: "admin@example.com", password: PASSWORD },
    });
    expect(setup.ok()).toBe(true);
    await page.goto(`${server.origin}/signin`);
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: ARTICLE }).click();
    await expect(page.getByRole("heading", { name: ARTICLE })).toBeVisible();
    const articleId = new URL(page.url()).pathname.split("/").at(-1)!;
    await page.waitForLoadState("networkidle").catch(() => {});

    await server.stop();
    await expect(page.getByText(/Reconnecting…/)).toBeVisible({ timeout: 10_000 });
    await page.screenshot({ path: "/tmp/live-reconnecting.png" });
    await testInfo.attach("reconnecting", { path: "/tmp/live-reconnecting.png", contentType: "image/png" });

    await server.start();
    // Made as soon as the server is back, before the page's stream has reconnected.
    const created = await page.request.post(`${server.origin}/api/articles/${articleId}/annotations`, {
      data: { selectors: await selectorsOf(page.request, server.origin, articleId, CAUGHT_UP), verdict: null, explanation: "", sources: [] },
    });
    expect(created.status()).toBe(201);
    await expect(page.locator("mark", { hasText: CAUGHT_UP })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(/Reconnecting…/)).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
