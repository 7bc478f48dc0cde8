import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility";
import { signIn } from "./helpers";

/**
 * Readers tell the desk of an error: from a published fact-check's page, about one claim or the whole
 * fact-check, with JavaScript and without; editors read the messages, answer and mark them handled; a
 * reviewer sees none. The article is this spec's own.
 */
test.describe.configure({ mode: "serial" });

const STAMP = Date.now();
const TITLE = `Harbour dredging ${STAMP}`;
const QUOTE = "The dredging will take 14 months";
const TEXT = `${TITLE}\n${QUOTE}, the port authority said. Ships will wait for the tide meanwhile.`;

let articleId = "";
let slug = "";
let claimId = "";

async function ok(request: APIRequestContext, method: "post" | "get", url: string, data?: object) {
  const answer = await request[method](url, data && { data });
  expect(answer.ok(), `${method} ${url}: ${answer.status()}`).toBe(true);
  return answer.json();
}

test("a reader tells the desk of an error in a claim, and is told it reached the editors", async ({ page, browser }, testInfo) => {
  const ed = await (await browser.newContext()).newPage();
  await signIn(ed, "ed@example.com");
  articleId = (await ok(ed.request, "post", "/api/articles", { format: "text", content: TEXT })).article.id;
  await signIn(page, "rita@example.com");
  const claim = (
    await ok(page.request, "post", `/api/articles/${articleId}/annotations`, {
      selectors: [{ type: "TextQuoteSelector", exact: QUOTE, prefix: "", suffix: "" }],
      verdict: "false",
      explanation: "The tender says 20 months.",
      sources: [{ url: "https://port.example/tender", title: "Tender", accessedAt: "2026-11-30" }],
    })
  ).annotation;
  claimId = claim.id;
  await ok(page.request, "post", `/api/annotations/${claimId}/status`, { to: "in_review", version: claim.version });
  await ok(ed.request, "post", `/api/annotations/${claimId}/status`, { to: "approved", version: claim.version + 1 });
  slug = (await ok(ed.request, "post", `/api/articles/${articleId}/publication`)).publication.slug;

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/p/${slug}`);
  await reader.getByRole("link", { name: "Tell us if we got it wrong in fact-check 1" }).click();
  const form = reader.locator("#tell-us");
  await expect(form.getByLabel("About")).toHaveValue(claimId);
  await expect(form.getByLabel("About").locator("option:checked")).toHaveText(`Claim 1: “${QUOTE}”`);
  await form.getByRole("button", { name: "Send to the editors" }).click();
  await expect(form.getByRole("alert")).toHaveText("Your message write what you think is wrong");
  await form.getByLabel("Your message").fill("The tender says 20 months, <b>not</b> 14: https://port.example/tender");
  await expect(form).toContainText("Only if you would like an answer. We use it for nothing else, and erase it 90 days after your message is handled.");
  await form.getByLabel("Your email").fill("not an address");
  await form.getByRole("button", { name: "Send to the editors" }).click();
  await expect(form.getByRole("alert")).toHaveText("Your email must be an email address, such as name@example.org");
  // What was typed stays until the message is received.
  await expect(form.getByLabel("Your message")).toHaveValue("The tender says 20 months, <b>not</b> 14: https://port.example/tender");
  await expectNoSeriousViolations(reader, "the reader's message form");
  await form.getByLabel("Your email").fill("reader@example.org");
  await form.getByRole("button", { name: "Send to the editors" }).click();
  await expect(form.getByRole("status")).toContainText("Thank you: your message reached the editors.");
  await reader.screenshot({ path: testInfo.outputPath("reader-message-sent.png"), fullPage: true });
});

test("without JavaScript the form still sends, and says what to correct", async ({ browser }) => {
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(`/p/${slug}`);
  const form = reader.locator("#tell-us");
  await form.getByLabel("Your message").fill("The headline should say dredging, not deepening.");
  await form.getByLabel("Your email").fill("no address");
  await form.getByRole("button", { name: "Send to the editors" }).click();
  await expect(reader).toHaveURL(/\?message-error=email#tell-us$/);
  await expect(form.getByRole("alert")).toContainText("Your email is not an email address");
  await form.getByLabel("Your message").fill("The headline should say dredging, not deepening.");
  await form.getByRole("button", { name: "Send to the editors" }).click();
  await expect(reader).toHaveURL(/\?sent=1#tell-us$/);
  await expect(form.getByRole("status")).toContainText("Thank you: your message reached the editors.");
});

test("the form's address answers machines with statuses that name the field", async ({ request }) => {
  const url = `/p/${slug}/messages`;
  const malformed = await request.post(url, { data: { message: "Wrong.", email: "nobody" } });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).fields).toEqual({ email: "must be an email address, such as name@example.org" });
  expect((await request.post(url, { headers: { "Content-Type": "application/json" }, data: "{not json" })).status()).toBe(400);
  expect((await request.post(url, { data: { message: "x".repeat(20_000) } })).status()).toBe(413);
  expect((await request.post("/p/no-such-fact-check/messages", { data: { message: "Wrong." } })).status()).toBe(404);
});

test("an editor reads the messages, answers and marks one handled; a reviewer sees none", async ({ page, browser }, testInfo) => {
  await signIn(page, "ed@example.com");
  await page.goto(`/articles/${articleId}`);
  const tools = page.locator("details.article-tools");
  await expect(tools.getByRole("link", { name: "2 new messages from readers" })).toBeVisible();
  await tools.getByRole("link", { name: "2 new messages from readers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("From readers");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "From readers 2 new" })).toBeVisible();
  const items = page.locator(".reader-messages__item");
  await expect(items).toHaveCount(2);
  const aboutClaim = items.filter({ hasText: "About the claim" });
  // The reader's words stay text, their email a mail link with the article named.
  await expect(aboutClaim.locator("blockquote")).toHaveText("The tender says 20 months, <b>not</b> 14: https://port.example/tender");
  const reply = new URL((await aboutClaim.getByRole("link", { name: "reader@example.org" }).getAttribute("href"))!);
  expect([reply.protocol, reply.pathname]).toEqual(["mailto:", "reader@example.org"]);
  expect(reply.searchParams.get("subject")).toBe(`Your message about “${TITLE}”`);
  expect(reply.searchParams.get("body")).toMatch(/you wrote about “Harbour dredging \d+”:\n> The tender says 20 months, <b>not<\/b> 14: https:\/\/port\.example\/tender\n$/);
  await expect(items.filter({ hasText: "About the whole fact-check" })).toContainText("The reader gave no email.");
  await expectNoSeriousViolations(page, "the readers' messages");
  await page.screenshot({ path: testInfo.outputPath("reader-messages.png"), fullPage: true });
  await page.getByRole("searchbox", { name: "Find messages" }).fill("TENDER port");
  await page.getByRole("searchbox", { name: "Find messages" }).press("Enter");
  await expect(page).toHaveURL(/[?&]q=TENDER\+port/);
  await expect(items).toHaveCount(1);
  await expect(page.getByRole("link", { name: /^New 1$/ })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Show every message" }).click();
  await expect(items).toHaveCount(2);

  await aboutClaim.getByLabel("What you did (optional, for colleagues)").fill("Answered; the tender is for a later phase.");
  await aboutClaim.getByRole("button", { name: "Mark handled" }).click();
  await expect(items).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "From readers 1 new" })).toBeVisible();
  await page.getByRole("link", { name: /^Handled/ }).click();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(/Handled by Ed Editor, .+: Answered; the tender is for a later phase\./);
  await expect(items.first()).toContainText(/Reply to reader@example\.org · kept until \d+ \w+ \d{4}, then erased/);
  await items.first().getByRole("link", { name: "Open the claim" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?annotation=${claimId}$`));
  // The claim's card says what readers wrote about it, a click from answering.
  const fromReaders = page.getByRole("region", { name: "Readers' messages about this claim" });
  await expect(fromReaders.getByRole("heading")).toHaveText("From readers: 1 message");
  await expect(fromReaders).toContainText(/handled by Ed Editor\s*The tender says 20 months, <b>not<\/b> 14/);
  await expect(fromReaders.getByRole("link", { name: "Read and answer on From readers" })).toHaveAttribute("href", `/readers?article=${articleId}&state=all`);
  // The statistics count them: both received this week, one handled, one waiting.
  await page.goto("/statistics?days=7");
  const readers = page.getByRole("region", { name: "Readers’ messages" });
  await expect(readers.locator(".figure").filter({ hasText: "Received" }).locator("dd")).toHaveText("2");
  await expect(readers.locator(".figure").filter({ hasText: "Waiting now" }).locator("dd")).toHaveText("1");
  await expect(readers).toContainText("Half of the messages handled in this period were handled");
  // The other one, deleted for good (spam, or at the reader's request), asked first.
  await page.goto("/readers");
  await items.first().getByRole("button", { name: "Delete" }).click();
  const ask = page.getByRole("alertdialog", { name: "Delete this reader's message?" });
  await ask.getByRole("button", { name: "Delete message" }).click();
  await expect(page.getByText("No message waits: every reader's message has been handled.")).toBeVisible();

  const rita = await (await browser.newContext()).newPage();
  await signIn(rita, "rita@example.com");
  await expect(rita.getByRole("link", { name: /^From readers/ })).toHaveCount(0);
  await rita.goto("/readers");
  await expect(rita.getByText("Only editors and admins read and answer readers' messages.")).toBeVisible();
  expect((await rita.request.get("/api/reader-messages")).status()).toBe(403);
});

test("a stranger suggests a claim to check from the index; an editor finds it among the tips", async ({ page, browser }, testInfo) => {
  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/p");
  const form = reader.locator("#suggest");
  await expect(form.getByRole("heading", { name: "Seen a claim we should check?" })).toBeVisible();
  await form.getByLabel("The claim").fill(`The port will double its traffic by 2030 (${STAMP}).`);
  await form.getByLabel("Where you saw it").fill("javascript:alert(1)");
  await form.getByRole("button", { name: "Send to the editors" }).click();
  await expect(form.getByRole("alert")).toHaveText("Where you saw it must be an http:// or https:// address, such as https://example.org/post");
  await form.getByLabel("Where you saw it").fill("www.example.org/port-video");
  await form.getByRole("button", { name: "Send to the editors" }).click();
  await expect(form.getByRole("status")).toContainText("Thank you: your suggestion reached the editors.");
  await expectNoSeriousViolations(reader, "the index with its suggestion form");
  await reader.screenshot({ path: testInfo.outputPath("tip-sent.png"), fullPage: true });

  await signIn(page, "ed@example.com");
  await page.goto("/readers?kind=tips");
  await expect(page.locator(".notice")).toContainText("Tips only: claims readers would like checked.");
  const tip = page.locator(".reader-messages__item").filter({ hasText: String(STAMP) });
  await expect(tip).toContainText("a tip, from the index of fact-checks");
  await expect(tip.getByRole("link", { name: "https://www.example.org/port-video" })).toHaveAttribute("rel", "nofollow noopener noreferrer");
  await expect(tip).toContainText("The reader gave no email.");
});
