import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility";
import { chooseArticle, PASSWORD, selectWithMouse, signIn, signOut } from "./helpers";

/**
 * The review desk with two reviewers and an editor: a reviewer flags a claim, the editor assigns it
 * to the other reviewer with a due date, who completes it and asks a colleague through a mention;
 * the editor requests changes (the reason opens the discussion), the claim is resubmitted and
 * approved; its history and the admins' audit page show every step.
 */
const TITLE = "City budget under scrutiny";
const CLAIM = "The council spent 4.2 million euros on consultants last year";
const TEXT = `${TITLE}\n${CLAIM}, according to its annual report.\nThe mayor said the figure was exaggerated.`;

let articleId = "";

async function openClaim(page: Page) {
  await page.goto(`/articles/${articleId}`);
  const card = page.getByRole("article", { name: /Claim by Rory Reviewer/ });
  await card.getByRole("button", { expanded: false }).click();
  return card;
}

test("an admin adds a second reviewer and an editor imports the article to check", async ({ page }) => {
  await signIn(page, "admin@example.com");
  const added = await page.request.post("/api/users", { data: { name: "Rory Reviewer", email: "rory@example.com", role: "reviewer", password: PASSWORD } });
  expect(added.status()).toBe(201);
  await signOut(page);
  await signIn(page, "ed@example.com");
  const imported = await page.request.post("/api/articles", { data: { format: "text", content: TEXT } });
  expect(imported.status()).toBe(201);
  articleId = ((await imported.json()) as { article: { id: string } }).article.id;
});

test("a reviewer flags a claim with only its quote", async ({ page }) => {
  await signIn(page, "rory@example.com");
  await page.goto(`/articles/${articleId}`);
  await selectWithMouse(page, CLAIM);
  await page.getByRole("button", { name: "Flag for checking" }).click();
  const card = page.getByRole("article", { name: /Claim by Rory Reviewer: no verdict yet, draft/ });
  await expect(card).toBeVisible();
  await expect(card.getByText("Nobody is assigned.")).toBeVisible();
  await expect(card.getByRole("button", { name: "Assign" })).toHaveCount(0);
});

test("the editor assigns it to a reviewer with a due date", async ({ page }) => {
  await signIn(page, "ed@example.com");
  const card = await openClaim(page);
  await card.getByRole("button", { name: "Assign" }).click();
  await card.getByLabel("Assign to").selectOption({ label: "Rita Reviewer" });
  await card.getByLabel("Due").fill("2030-01-15");
  await card.getByRole("button", { name: "Save assignment" }).click();
  await expect(card.getByRole("region", { name: "Assignment" })).toContainText("Assigned to Rita Reviewer");
  await expect(card.getByText("15 Jan 2030").first()).toBeVisible();
});

test("the assigned reviewer completes the claim, asks a colleague with a mention, and submits it", async ({ page }) => {
  await signIn(page, "rita@example.com");
  const card = await openClaim(page);
  await card.getByRole("button", { name: "Edit", exact: true }).click();
  const form = page.getByRole("form", { name: "Edit claim" });
  await form.getByLabel("Verdict").selectOption({ label: "Mostly true" });
  await form.getByLabel("Explanation").fill("The annual report lists 4.19 million euros for external advice.");
  await form.getByRole("group", { name: "Source 1" }).getByRole("textbox", { name: "URL", exact: true }).fill("https://example.org/annual-report-2025.pdf");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(form).toHaveCount(0);

  const comment = card.getByRole("combobox", { name: "Add a comment" });
  await comment.pressSequentially("Could @Ror");
  const option = page.getByRole("option", { name: /Rory Reviewer/ });
  await expect(option).toBeVisible();
  await comment.press("Enter");
  // Typing on at once, as a fast typist does: the caret must already stand after the mention.
  await comment.pressSequentially("check the page number?");
  await expect(comment).toHaveValue("Could @Rory Reviewer check the page number?");
  await card.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(card.locator(".mention", { hasText: "@Rory Reviewer" })).toBeVisible();
  await expect(comment).toHaveValue("");

  await card.getByRole("button", { name: "Submit for review" }).click();
  await expect(card.getByText("Rita Reviewer moved it from Draft to In review")).toBeVisible();
});

test("the mentioned reviewer finds the mention in their inbox and replies in the thread, which the asker's inbox then shows", async ({ page, browser }, testInfo) => {
  // Rita stays on the list of articles meanwhile, in a tab of her own.
  const asker = await (await browser.newContext()).newPage();
  await signIn(asker, "rita@example.com");
  const askerNav = asker.getByRole("navigation", { name: "Main" });
  // What the earlier specs did to her claims is in her inbox: she reads it first, then goes back to the list.
  await askerNav.getByRole("link", { name: /^Inbox/ }).click();
  await expect(asker.getByRole("heading", { name: "Inbox" })).toBeVisible();
  // Among it, the claim the editor gave her, with its due date, linked.
  const assigned = asker.getByRole("listitem").filter({ hasText: `Ed Editor assigned you the claim “${CLAIM}”` });
  await expect(assigned).toContainText("Due 15 Jan 2030.");
  await expect(assigned.getByRole("link", { name: `“${CLAIM}”` })).toHaveAttribute("href", new RegExp(`^/articles/${articleId}\\?annotation=`));
  await asker.screenshot({ path: testInfo.outputPath("inbox-assigned.png"), fullPage: true });
  await expect(askerNav.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
  await askerNav.getByRole("link", { name: "Articles" }).click();

  await signIn(page, "rory@example.com");
  const nav = page.getByRole("navigation", { name: "Main" });
  // The mention, and Rita submitting the claim Rory flagged.
  await nav.getByRole("link", { name: "Inbox 2 new" }).click();
  const item = page.getByRole("listitem").filter({ hasText: "Rita Reviewer mentioned you" });
  await expect(item).toContainText("New");
  await expect(item).toContainText("Could @Rory Reviewer check the page number?");
  await expect(item).toContainText(TITLE);
  await expect(page.getByRole("listitem").filter({ hasText: "Rita Reviewer submitted for review the claim" })).toContainText(CLAIM);
  await page.screenshot({ path: testInfo.outputPath("inbox.png"), fullPage: true });
  await expectNoSeriousViolations(page, "inbox with a mention");
  // Opened, the inbox counts nothing new, on this page and the next.
  await expect(nav.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
  await item.getByRole("link", { name: `“${CLAIM}”` }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?annotation=`));
  await expect(nav.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();

  const card = page.getByRole("article", { name: /Claim by Rory Reviewer/ });
  const thread = card.locator(".thread").first();
  await thread.getByRole("button", { name: "Reply" }).click();
  await thread.getByRole("combobox", { name: "Reply" }).fill("Page 31, table 4.");
  // A reply not sent yet survives a reload (or a crash), open where it was being written.
  await page.reload();
  await expect(thread.getByRole("combobox", { name: "Reply" })).toHaveValue("Page 31, table 4.");
  await thread.getByRole("button", { name: "Reply", exact: true }).last().click();
  await expect(thread.locator(".replies")).toContainText("Page 31, table 4.");
  // Sent, it is kept no more.
  await page.reload();
  await expect(thread.locator(".replies")).toContainText("Page 31, table 4.");
  await expect(thread.getByRole("combobox", { name: "Reply" })).toHaveCount(0);

  // Her header counts the reply when she comes back to the tab, without leaving the page (and every minute while she looks).
  await asker.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  // Well before the minute's poll would have brought it.
  await expect(askerNav.getByRole("link", { name: "Inbox 1 new" })).toBeVisible({ timeout: 15_000 });
  await askerNav.getByRole("link", { name: "Inbox 1 new" }).click();
  const replied = asker.getByRole("listitem").filter({ hasText: "Rory Reviewer replied in a thread you are in" });
  await expect(replied).toContainText("Page 31, table 4.");

  // Answered, the question is settled: she resolves the thread, which folds to one line saying what it was.
  // Rory has gone back to the list of articles: what reaches a claim he has open on his screen is read there.
  await nav.getByRole("link", { name: "Articles" }).click();
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();
  await replied.getByRole("link", { name: `“${CLAIM}”` }).click();
  const askerThread = asker.getByRole("article", { name: /Claim by Rory Reviewer/ }).locator(".thread").first();
  await askerThread.getByRole("button", { name: "Resolve thread" }).click();
  await expect(askerThread).toContainText("Resolved by Rita Reviewer");
  await expect(askerThread).toContainText("Rita Reviewer: “Could @Rory Reviewer check the page number?”");
  await expect(askerThread.getByText("Page 31, table 4.")).toHaveCount(0);
  await expect(asker.getByRole("article", { name: /Claim by Rory Reviewer/ }).locator(".history")).toContainText("Rita Reviewer resolved a thread of the discussion");
  await asker.screenshot({ path: testInfo.outputPath("thread-resolved.png") });
  await expectNoSeriousViolations(asker, "a resolved thread");
  // Rory, mentioned in it and who answered, hears that it was resolved, and what it was about.
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(nav.getByRole("link", { name: "Inbox 1 new" })).toBeVisible({ timeout: 15_000 });
  await nav.getByRole("link", { name: "Inbox 1 new" }).click();
  const resolved = page.getByRole("listitem").filter({ hasText: "Rita Reviewer resolved a thread you are in on the claim" });
  await expect(resolved).toContainText("New");
  await expect(resolved).toContainText("Could @Rory Reviewer check the page number?");
  await expect(resolved.getByRole("link", { name: `“${CLAIM}”` })).toHaveAttribute("href", new RegExp(`^/articles/${articleId}\\?annotation=`));
  await page.screenshot({ path: testInfo.outputPath("inbox-resolved.png"), fullPage: true });
  // Shown again, it reads whole; reopened, it is an open thread once more.
  await askerThread.getByRole("button", { name: "Show thread (1 reply)" }).click();
  await expect(askerThread.locator(".replies")).toContainText("Page 31, table 4.");
  await askerThread.getByRole("button", { name: "Reopen" }).click();
  await expect(askerThread.getByRole("button", { name: "Resolve thread" })).toBeVisible();
  await expect(askerThread).not.toContainText("Resolved by");
  await askerThread.scrollIntoViewIfNeeded();
  await asker.screenshot({ path: testInfo.outputPath("thread-reopened.png") });
  await asker.close();
});

test("the editor requests changes with a reason that opens the discussion, then approves the resubmitted claim", async ({ browser }, testInfo) => {
  const editor = await browser.newPage();
  await signIn(editor, "ed@example.com");
  let card = await openClaim(editor);
  await card.getByRole("button", { name: "Request changes" }).click();
  await card.getByLabel("What must change?").fill("Add the page of the report to the source.");
  await card.getByRole("button", { name: "Request changes" }).click();
  await expect(card.locator(".thread").last()).toContainText("Add the page of the report to the source.");
  await expect(card.getByText(/Changes requested/).first()).toBeVisible();

  const reviewer = await browser.newPage();
  await signIn(reviewer, "rita@example.com");
  // The assigned reviewer learns of it in her inbox, with the reason, and opens the claim from there.
  await reviewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox \d+ new$/ }).click();
  const asked = reviewer.getByRole("listitem").filter({ hasText: `Ed Editor asked for changes to the claim “${CLAIM}”` });
  await expect(asked).toContainText("Add the page of the report to the source.");
  await expect(asked).toContainText("New");
  const own = await openClaim(reviewer);
  await own.getByRole("button", { name: "Edit", exact: true }).click();
  const form = reviewer.getByRole("form", { name: "Edit claim" });
  await form.getByLabel("Explanation").fill("The annual report (page 31, table 4) lists 4.19 million euros for external advice.");
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(own.getByText("Rita Reviewer moved it from Changes requested to In review")).toBeVisible();

  card = await openClaim(editor);
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(card.getByText("Ed Editor moved it from In review to Approved")).toBeVisible();
  await expect(editor.locator("mark.claim--approved")).toHaveText(CLAIM);

  const history = card.locator(".history");
  for (const step of [
    "Rory Reviewer created the claim",
    "Ed Editor assigned it to Rita Reviewer, due 15 Jan 2030",
    "Rita Reviewer changed verdict from no verdict to Mostly true and the explanation",
    "Rita Reviewer added 1 source",
    "Rita Reviewer commented",
    "Rory Reviewer replied in the discussion",
    "Ed Editor moved it from In review to Changes requested",
    "Ed Editor moved it from In review to Approved",
  ]) {
    await expect(history).toContainText(step);
  }
  await card.screenshot({ path: testInfo.outputPath("approved-claim-card.png") });
  await testInfo.attach("approved claim card", { path: testInfo.outputPath("approved-claim-card.png"), contentType: "image/png" });
  await editor.close();
  await reviewer.close();
});

test("the audit page shows the article's changes, filtered, to admins only", async ({ page }, testInfo) => {
  await signIn(page, "ed@example.com");
  await page.goto("/admin/audit");
  await expect(page.getByRole("alert").filter({ hasText: "Only admins can read the audit trail." })).toBeVisible();
  expect((await page.request.get("/api/audit")).status()).toBe(403);
  await signOut(page);

  await signIn(page, "admin@example.com");
  await page.getByRole("link", { name: "Audit trail" }).click();
  await chooseArticle(page, TITLE);
  await page.getByLabel("Person", { exact: true }).selectOption({ label: "Rita Reviewer" });
  await page.getByRole("button", { name: "Filter" }).click();
  const rows = page.getByRole("row");
  await expect(rows.filter({ hasText: "moved it from Changes requested to In review" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Ed Editor" })).toHaveCount(0);
  await rows.filter({ hasText: "changed verdict" }).getByText("Before and after").click();
  await expect(rows.filter({ hasText: "changed verdict" })).toContainText('"verdict": "mostly_true"');
  await page.screenshot({ path: testInfo.outputPath("audit-page.png"), fullPage: true });
  await testInfo.attach("audit page", { path: testInfo.outputPath("audit-page.png"), contentType: "image/png" });

  await page.getByLabel("Change", { exact: true }).selectOption({ label: "assigned" });
  await page.getByLabel("Person", { exact: true }).selectOption({ label: "Anyone" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("row").filter({ hasText: "assigned it to Rita Reviewer" })).toHaveCount(1);
  expect((await page.request.delete("/api/audit")).status()).toBe(405);
});
