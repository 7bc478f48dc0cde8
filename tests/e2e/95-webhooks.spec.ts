import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility";
import { signIn } from "./helpers";

/**
 * Webhooks: an admin points the desk at a CMS (signed JSON) and a chat channel; a claim submitted reaches the
 * chat, a fact-check published reaches the CMS, signed; a failing receiver is shown failing. The receivers are
 * servers this test runs, as a newsroom's would be.
 */
test.describe.configure({ mode: "serial" });

type Received = { path: string; headers: IncomingHttpHeaders; body: string };
const received: Received[] = [];
let receiver: Server;
let base = "";
let secret = "";

test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body });
      response.writeHead(request.url === "/down" ? 500 : 200);
      response.end();
    });
  });
  await new Promise<void>((listening) => receiver.listen(0, "127.0.0.1", listening));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

test.afterAll(() => {
  receiver.closeAllConnections();
  receiver.close();
});

/** What a receiver checks: the HMAC-SHA256 of "<t>.<body>" with the webhook's secret, from `Webhook-Signature: t=…,v1=…`. */
function signedBy(key: string, request: Received): boolean {
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(request.headers["webhook-signature"])) ?? [];
  return !!t && v1 === createHmac("sha256", key).update(`${t}.${request.body}`).digest("hex");
}

const bodiesTo = (path: string) => received.filter((request) => request.path === path).map((request) => JSON.parse(request.body) as Record<string, unknown>);

test("an admin adds a signed webhook for the CMS and a chat webhook, and a test event reaches the CMS", async ({ page }, testInfo) => {
  await signIn(page, "admin@example.com");
  await page.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  const form = page.getByRole("form", { name: "Add a webhook" });
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(form.getByRole("alert")).toHaveText("The address is required");
  await form.getByLabel("Address (URL)").fill("javascript:alert(1)");
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(form.getByRole("alert")).toHaveText("The address must be an http:// or https:// address");
  await form.getByLabel("Address (URL)").fill("http://169.254.169.254/latest/meta-data/");
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "The address must be a public address: 169.254.169.254 is in a link-local network, where clouds serve machines' metadata; the server's operator can allow it in WEBHOOK_PRIVATE_HOSTS",
  );

  await form.getByLabel("Address (URL)").fill(`${base}/cms`);
  await form.getByLabel("What it is for (optional)").fill("Our CMS");
  await form.getByRole("button", { name: "Add webhook" }).click();
  const cms = page.getByRole("article", { name: `Webhook ${base}/cms` });
  await expect(cms).toContainText("Signed JSON for: A fact-check is published; A published fact-check changes");
  await cms.getByRole("button", { name: "Show" }).click();
  secret = (await cms.locator(".webhook-card__secret code").textContent())!;
  expect(secret).toMatch(/^whsec_/);

  await form.getByLabel("Address (URL)").fill(`${base}/chat`);
  await form.getByLabel(/A chat message/).check();
  for (const label of [/A fact-check is published/, /A fact-check is unpublished/, /A published fact-check changes/]) await form.getByLabel(label).uncheck();
  await form.getByLabel(/A claim is submitted for review/).check();
  await form.getByRole("button", { name: "Add webhook" }).click();
  await expect(page.getByRole("article", { name: `Webhook ${base}/chat` })).toContainText("Chat messages for: A claim is submitted for review.");

  await cms.getByRole("button", { name: "Send a test event" }).click();
  // The page follows the delivery until it is sent (within seconds).
  await expect(cms.getByRole("row").filter({ hasText: "Test event" })).toContainText("Delivered (HTTP 200)", { timeout: 15_000 });
  const [ping] = received.filter((request) => request.path === "/cms");
  expect(signedBy(secret, ping!)).toBe(true);
  expect(JSON.parse(ping!.body)).toMatchObject({ type: "ping", data: { message: "A test event from the fact-check desk, sent by Ada Admin." } });
  await page.screenshot({ path: testInfo.outputPath("webhooks.png"), fullPage: true });
  await expectNoSeriousViolations(page, "webhooks");
});

async function post(request: APIRequestContext, path: string, data: object) {
  const answer = await request.post(path, { data });
  expect(answer.status(), await answer.text()).toBeLessThan(300);
  return (await answer.json()) as Record<string, { id: string; version: number }>;
}

test("a claim submitted reaches the chat, and a fact-check published reaches the CMS, signed", async ({ browser }) => {
  const ed = await (await browser.newContext()).newPage();
  await signIn(ed, "ed@example.com");
  const rita = await (await browser.newContext()).newPage();
  await signIn(rita, "rita@example.com");
  const text = "Ferry fares\nThe ferry carried 2 million passengers last year.";
  const { article } = await post(ed.request, "/api/articles", { format: "text", content: text, title: "Ferry fares" });
  const quote = "The ferry carried 2 million passengers last year.";
  const start = text.indexOf(quote);
  const { annotation } = await post(rita.request, `/api/articles/${article!.id}/annotations`, {
    selectors: [{ type: "TextQuoteSelector", exact: quote }, { type: "TextPositionSelector", start, end: start + quote.length }],
    verdict: "true",
    explanation: "The port's annual report says 2.04 million.",
    sources: [{ url: "https://port.example/report-2025" }],
  });
  const submitted = await post(rita.request, `/api/annotations/${annotation!.id}/status`, { to: "in_review", version: annotation!.version });
  await expect.poll(() => bodiesTo("/chat").length, { timeout: 15_000 }).toBe(1);
  expect(bodiesTo("/chat")[0]).toEqual({
    text: `Rita Reviewer submitted a claim for review: <http://localhost:3100/articles/${article!.id}?annotation=${annotation!.id}|${quote}> in *Ferry fares*`,
  });

  await post(ed.request, `/api/annotations/${annotation!.id}/status`, { to: "approved", version: submitted.annotation!.version });
  await post(ed.request, `/api/articles/${article!.id}/publication`, {});
  await expect.poll(() => bodiesTo("/cms").filter((event) => event.type === "fact_check.published").length, { timeout: 15_000 }).toBe(1);
  const request = received.find((each) => each.path === "/cms" && JSON.parse(each.body).type === "fact_check.published")!;
  expect(signedBy(secret, request)).toBe(true);
  expect(request.headers["webhook-event"]).toBe("fact_check.published");
  const { data } = JSON.parse(request.body) as { data: { factCheck: { url: string; title: string } } };
  expect(data.factCheck).toMatchObject({ articleId: article!.id, title: "Ferry fares", url: "http://localhost:3100/p/ferry-fares" });
  // The address it gives is the public page.
  expect((await ed.request.get(data.factCheck.url)).status()).toBe(200);
  // The chat hears nothing of publications: it asked for submissions only.
  expect(bodiesTo("/chat")).toHaveLength(1);
});

test("a receiver that fails is shown failing, with when it is tried again; an admin corrects its address, then deletes it", async ({ page }, testInfo) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/webhooks");
  const form = page.getByRole("form", { name: "Add a webhook" });
  await form.getByLabel("Address (URL)").fill(`${base}/down`);
  await form.getByRole("button", { name: "Add webhook" }).click();
  const down = page.getByRole("article", { name: `Webhook ${base}/down` });
  await down.getByRole("button", { name: "Send a test event" }).click();
  await expect(down.getByRole("row").filter({ hasText: "Test event" })).toContainText(
    /^.*Failed 1 time: The receiver answered HTTP 500\. Next attempt \d+ \w+ \d{4}, \d\d:\d\d:\d\d GMT\+5:30\./,
    { timeout: 15_000 },
  );
  await page.screenshot({ path: testInfo.outputPath("webhook-failing.png"), fullPage: true });

  // The admin corrects its address (its secret stays), and the next test event is delivered.
  await down.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("form", { name: `Change the webhook ${base}/down` });
  await expect(edit.getByLabel(/A fact-check is published/)).toBeChecked();
  await edit.getByLabel("Address (URL)").fill("ftp://wrong");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByRole("alert")).toHaveText("The address must be an http:// or https:// address");
  await edit.getByLabel("Address (URL)").fill(`${base}/up`);
  await edit.getByLabel(/A claim is submitted for review/).check();
  await edit.getByRole("button", { name: "Save changes" }).click();
  const up = page.getByRole("article", { name: `Webhook ${base}/up` });
  await expect(up).toContainText("A claim is submitted for review.");
  await up.getByRole("button", { name: "Send a test event" }).click();
  await expect(up.getByRole("row").filter({ hasText: "Test event" }).first()).toContainText("Delivered (HTTP 200)", { timeout: 15_000 });

  await up.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog", { name: "Delete this webhook?" }).getByRole("button", { name: "Delete" }).click();
  await expect(up).toHaveCount(0);
  await page.goto("/admin/audit");
  await expect(page.getByText(`changed the webhook ${base}/up: url, events`)).toBeVisible();
  await expect(page.getByText(`deleted the webhook ${base}/up`)).toBeVisible();
});

test("an editor has no webhooks: no link, a refusal on the page and from the API", async ({ page }) => {
  await signIn(page, "ed@example.com");
  await expect(page.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  await page.goto("/admin/webhooks");
  await expect(page.getByRole("alert").filter({ hasText: "Only admins can set up webhooks." })).toBeVisible();
  expect((await page.request.get("/api/webhooks")).status()).toBe(403);
  expect((await page.request.post("/api/webhooks", { data: { url: `${base}/x`, events: ["fact_check.published"] } })).status()).toBe(403);
});
