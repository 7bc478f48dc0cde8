import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility";
import { PASSWORD, selectWithKeyboard, selectWithMouse, signIn, signOut } from "./helpers";

const CLAIM = "In June 2022, just months into the war, the Biden administration pledged to limit the use of anti-personnel mines worldwide.";
const EDITOR_CLAIM = "Russia has been using both anti-personnel and anti-tank mines since the war began.";
const ARTICLE = "US to send anti-personnel mines to Ukraine";

test.describe.configure({ mode: "serial" });

test("an admin sets up the desk and adds a reviewer and an editor", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  // The only time /setup shows its form: once an admin exists it redirects to /signin.
  await expectNoSeriousViolations(page, "setup");
  await page.getByLabel("Your name").fill("Ada Admin");
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();

  for (const user of [
    { name: "Rita Reviewer", email: "rita@example.com", role: "Reviewer" },
    { name: "Ed Editor", email: "ed@example.com", role: "Editor" },
  ]) {
    await page.getByLabel("Name", { exact: true }).fill(user.name);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Role", { exact: true }).selectOption({ label: user.role });
    await page.getByLabel(/^Initial password/).fill(PASSWORD);
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("row", { name: new RegExp(user.name) })).toBeVisible();
  }
  await expect(page.getByLabel("Role of Ed Editor")).toHaveValue("editor");
  await signOut(page);
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/signin/);
});

test("a reviewer annotates a sentence with a verdict and two sources and submits it", async ({ page }) => {
  await signIn(page, "rita@example.com");
  await page.getByRole("link", { name: ARTICLE }).click();
  await expect(page.getByRole("heading", { name: ARTICLE })).toBeVisible();

  await selectWithMouse(page, CLAIM);
  await page.getByRole("button", { name: /Annotate claim/ }).click();
  const form = page.getByRole("form", { name: "New claim" });
  await expect(form.locator("blockquote")).toHaveText(CLAIM);
  await form.getByLabel("Verdict").selectOption({ label: "Mostly true" });
  await form.getByLabel("Explanation").fill("The White House announced the policy on 21 June 2022. <b>not bold</b>");
  const first = form.getByRole("group", { name: "Source 1" });
  await first.getByRole("textbox", { name: "URL", exact: true }).fill("https://www.whitehouse.gov/briefing-room/statements-releases/2022/06/21/fact-sheet-changes-to-u-s-anti-personnel-landmine-policy/");
  await first.getByLabel("Title", { exact: true }).fill("Fact sheet: changes to U.S. anti-personnel landmine policy");
  await first.getByLabel("Publisher").fill("The White House");
  await form.getByRole("button", { name: "Add source" }).click();
  const second = form.getByRole("group", { name: "Source 2" });
  await second.getByRole("textbox", { name: "URL", exact: true }).fill("javascript:alert(1)");
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(second.getByText("must be an http:// or https:// address")).toBeVisible();
  await second.getByRole("textbox", { name: "URL", exact: true }).fill("https://apnews.com/article/landmines-biden-policy");
  await second.getByLabel("Publisher").fill("AP");
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(form).toHaveCount(0);

  const highlight = page.locator("mark.claim--in_review");
  await expect(highlight).toHaveText(CLAIM);
  await expect(highlight).toHaveAccessibleDescription("Claim by Rita Reviewer: Mostly true, in review");
  const card = page.getByRole("article", { name: /Claim by Rita Reviewer/ });
  await expect(card.getByText("2 sources", { exact: true })).toBeVisible();
  await expect(card.getByText("The White House announced the policy on 21 June 2022. <b>not bold</b>")).toBeVisible();
  await expect(card.getByRole("button", { name: "Approve" })).toHaveCount(0);

  await page.reload();
  await expect(page.locator("mark.claim--in_review")).toHaveText(CLAIM);
});

test("an editor cannot review their own claim, approves the reviewer's, and the highlight shows the verdict", async ({ page }, testInfo) => {
  await signIn(page, "ed@example.com");
  await page.getByRole("link", { name: ARTICLE }).click();

  await selectWithKeyboard(page, EDITOR_CLAIM);
  await page.keyboard.press("ControlOrMeta+Shift+A");
  const form = page.getByRole("form", { name: "New claim" });
  await form.getByLabel("Verdict").selectOption({ label: "True" });
  await form.getByLabel("Explanation").fill("Documented by the UN monitoring mission.");
  await form.getByRole("group", { name: "Source 1" }).getByRole("textbox", { name: "URL", exact: true }).fill("https://www.ohchr.org/en/countries/ukraine");
  await form.getByRole("button", { name: "Submit for review" }).click();
  const own = page.getByRole("article", { name: /Claim by Ed Editor/ });
  await expect(own.getByText("Another editor must review this annotation: you wrote it.")).toBeVisible();
  await expect(own.getByRole("button", { name: "Approve" })).toHaveCount(0);

  await page.locator("mark.claim", { hasText: "Biden administration pledged" }).click();
  const card = page.getByRole("article", { name: /Claim by Rita Reviewer/ });
  await expect(card).toBeFocused();
  await expect(card.getByText("Rita Reviewer moved it from Draft to In review")).toBeVisible();
  await card.getByRole("button", { name: "Approve" }).click();
  await expect(page.locator("mark.claim--approved.claim--verdict-mostly_true")).toHaveText(CLAIM);
  await expect(card.getByText("Ed Editor moved it from In review to Approved")).toBeVisible();

  await page.getByLabel("Show").selectOption("approved");
  await expect(page.getByRole("article", { name: /Claim by/ })).toHaveCount(1);
  await page.getByLabel("Show").selectOption("all");
  await page.getByRole("article", { name: /Claim by Ed Editor/ }).getByRole("button", { expanded: false }).click();
  await expect(page.locator(".claim-active")).toHaveText(EDITOR_CLAIM);
  await page.getByRole("article", { name: /Claim by Rita Reviewer/ }).getByRole("button", { expanded: false }).click();
  await expect(page.locator(".claim-active")).toHaveText(CLAIM);

  await page.screenshot({ path: testInfo.outputPath("article-page.png"), fullPage: true });
  await testInfo.attach("article page", { path: testInfo.outputPath("article-page.png"), contentType: "image/png" });
});
