import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility";
import { AUDIT_TITLE, auditArticleId, UNCLAIMED } from "./audit-article";
import { PASSWORD, selectWithMouse, signIn } from "./helpers";

// Runs after 1-workbench.spec.ts, which sets up the admin, the reviewer Rita and the editor Ed.
// /setup is checked there: once the first admin exists it only redirects to /signin.
// Not serial: one page's violations must not stop the others from being checked.

let articleId: string;

test.beforeAll(async () => {
  articleId = await auditArticleId();
});

/** The workbench once its claims are drawn: axe must see the highlights and the cards, not "Loading claims…". */
async function claimsShown(page: Page) {
  await expect(page.locator("mark.claim").first()).toBeVisible();
  await expect(page.getByRole("region", { name: /^Claims/ }).getByRole("article").first()).toBeVisible();
}

/**
 * Every page of the app, in each state that shows different controls. A new page is one entry: its
 * name, who looks at it (null: signed out), its path, and what to do before the check, if anything;
 * e.g. `{ name: "review queue", as: "rita@example.com", path: () => "/queue" },`.
 */
const PAGES: { name: string; as: string | null; path(): string; then?(page: Page): Promise<void> }[] = [
  { name: "sign-in", as: null, path: () => "/signin" },
  { name: "public index of fact-checks", as: null, path: () => "/p" },
  { name: "articles list", as: "ed@example.com", path: () => "/" },
  {
    name: "articles list with the shortcuts dialog open",
    as: "ed@example.com",
    path: () => "/",
    async then(page) {
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    },
  },
  { name: "new article (import)", as: "ed@example.com", path: () => "/articles/new" },
  { name: "inbox", as: "rita@example.com", path: () => "/inbox" },
  { name: "webhooks", as: "admin@example.com", path: () => "/admin/webhooks" },
  { name: "readers' messages", as: "ed@example.com", path: () => "/readers?state=all" },
  { name: "workbench with claims", as: "rita@example.com", path: () => `/articles/${articleId}`, then: claimsShown },
  {
    name: "workbench with a claim open",
    as: "ed@example.com",
    path: () => `/articles/${articleId}`,
    async then(page) {
      await claimsShown(page);
      await page.getByRole("article", { name: /in review/ }).getByRole("button", { expanded: false }).click();
      await expect(page.getByRole("button", { name: "Approve", exact: true })).toBeVisible();
    },
  },
  {
    name: "workbench with the claim form open",
    as: "rita@example.com",
    path: () => `/articles/${articleId}`,
    async then(page) {
      await claimsShown(page);
      await selectWithMouse(page, "The council promised a noise barrier");
      await page.keyboard.press("ControlOrMeta+Shift+A");
      await expect(page.getByRole("form", { name: "New claim" })).toBeVisible();
    },
  },
  {
    name: "workbench with the shortcuts dialog open",
    as: "rita@example.com",
    path: () => `/articles/${articleId}`,
    async then(page) {
      await claimsShown(page);
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    },
  },
  {
    name: "workbench in edit mode",
    as: "ed@example.com",
    path: () => `/articles/${articleId}`,
    async then(page) {
      await claimsShown(page);
      await page.getByRole("button", { name: "Edit article" }).click();
      await expect(page.getByRole("toolbar", { name: "Edit the article" })).toBeVisible();
    },
  },
  {
    name: "workbench in edit mode, asking for a link's address",
    as: "ed@example.com",
    path: () => `/articles/${articleId}`,
    async then(page) {
      await claimsShown(page);
      await page.getByRole("button", { name: "Edit article" }).click();
      await selectWithMouse(page, UNCLAIMED);
      await page.getByRole("toolbar", { name: "Edit the article" }).getByRole("button", { name: "Link" }).click();
      await page.getByRole("dialog", { name: "Link the selected text" }).getByRole("button", { name: "Apply link" }).click();
      await expect(page.getByRole("dialog").getByRole("alert")).toBeVisible();
    },
  },
  { name: "revision history", as: "rita@example.com", path: () => `/articles/${articleId}/revisions` },
  { name: "revision comparison and text", as: "rita@example.com", path: () => `/articles/${articleId}/revisions?view=1&from=1&to=2` },
  { name: "revision text with Restore, for an editor", as: "ed@example.com", path: () => `/articles/${articleId}/revisions?view=1&from=1&to=2` },
  {
    name: "revision text asking before Restore",
    as: "ed@example.com",
    path: () => `/articles/${articleId}/revisions?view=1&from=1&to=2`,
    async then(page) {
      await page.getByRole("button", { name: "Restore revision 1" }).click();
      await expect(page.getByRole("alertdialog", { name: "Restore the text of revision 1?" })).toBeVisible();
    },
  },
  { name: "users admin", as: "admin@example.com", path: () => "/admin/users" },
  {
    name: "users admin with a password being reset",
    as: "admin@example.com",
    path: () => "/admin/users",
    async then(page) {
      await page.getByRole("button", { name: "Reset password of Rita Reviewer" }).click();
      await expect(page.getByRole("dialog", { name: "Reset Rita Reviewer's password" })).toBeVisible();
    },
  },
  {
    name: "users admin with an email refused in the edit dialog",
    as: "admin@example.com",
    path: () => "/admin/users",
    async then(page) {
      await page.getByRole("button", { name: "Edit Rita Reviewer", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Edit Rita Reviewer" });
      await dialog.getByLabel("Email").fill("ed@example.com");
      await dialog.getByRole("button", { name: "Save" }).click();
      await expect(dialog.getByRole("alert")).toBeVisible();
    },
  },
  { name: "your account", as: "rita@example.com", path: () => "/account" },
  { name: "backups", as: "admin@example.com", path: () => "/admin/backups" },
  { name: "statistics", as: "ed@example.com", path: () => "/statistics" },
  { name: "review queue", as: "ed@example.com", path: () => "/queue" },
  {
    name: "review queue with the article search offering matches",
    as: "ed@example.com",
    path: () => "/queue?placement=check,orphaned",
    async then(page) {
      await page.getByRole("combobox", { name: "Article", exact: true }).fill("a");
      await expect(page.getByRole("listbox", { name: "Matching articles" }).getByRole("option").first()).toBeVisible();
    },
  },
  {
    name: "review queue sorted by due date, with a row selected",
    as: "rita@example.com",
    path: () => `/queue?article=${articleId}&sort=due`,
    async then(page) {
      await page.getByRole("table").locator("tbody tr").first().getByRole("checkbox").check();
      await expect(page.getByText("1 selected")).toBeVisible();
    },
  },
  { name: "My queue", as: "rita@example.com", path: () => "/queue?assignee=me" },
  { name: "audit trail with a change's values open", as: "admin@example.com", path: () => `/admin/audit?article=${articleId}`, then: async (page) => {
    await page.getByText("Before and after", { exact: true }).first().click();
    await expect(page.locator("details[open] .audit-values")).toBeVisible();
  } },
  {
    name: "workbench with the assignment form and the mention list open",
    as: "ed@example.com",
    path: () => `/articles/${articleId}`,
    then: async (page) => {
      await claimsShown(page);
      const card = page.getByRole("article", { name: /in review/ });
      await card.getByRole("button", { expanded: false }).click();
      await card.getByRole("button", { name: "Assign" }).click();
      await expect(card.getByLabel("Assign to")).toBeEnabled();
      await card.getByRole("combobox", { name: "Add a comment" }).pressSequentially("Ask @R");
      await expect(page.getByRole("listbox", { name: "Colleagues to mention" }).getByRole("option").first()).toBeVisible();
    },
  },
];

for (const visit of PAGES) {
  test(`${visit.name} has no serious or critical accessibility violations`, async ({ page }) => {
    if (visit.as) await signIn(page, visit.as);
    await page.goto(visit.path());
    await page.waitForLoadState("networkidle");
    await visit.then?.(page);
    await expectNoSeriousViolations(page, visit.name);
  });
}

const PHONE = { width: 390, height: 844 };

for (const visit of PAGES.filter((visit) => !visit.then)) {
  test(`${visit.name} fits a phone's width: what is wider scrolls in its own box`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    if (visit.as) await signIn(page, visit.as);
    await page.goto(visit.path());
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
}

test("on a phone an admin's header keeps to one line: the inbox and a menu holding the other links, which folds again on the next page", async ({ page }, testInfo) => {
  await page.setViewportSize(PHONE);
  await signIn(page, "admin@example.com");
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = page.getByRole("button", { name: "Menu" });
  const brand = page.getByRole("link", { name: "Fact-check desk" });
  await expect(nav.getByRole("link", { name: /^Inbox/ })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toBeHidden();
  const header = await page.locator(".site-header").boundingBox();
  expect(header!.height).toBeLessThan(2 * (await brand.boundingBox())!.height + 24);
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  for (const name of ["Articles", "Review queue", "Statistics", "Users", "Audit trail", "Backups", "Webhooks"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectNoSeriousViolations(page, "header menu on a phone");
  await page.screenshot({ path: testInfo.outputPath("phone-menu-open.png") });
  await nav.getByRole("link", { name: "Articles" }).focus();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();

  await menu.click();
  await nav.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Audit trail" })).toBeHidden();
});

/** The text of the current claim's highlight in the article. */
const currentHighlight = (page: Page) => page.locator(".article-text .claim-current");

/** Presses `key` until `target` has the focus, as someone walking a list with j would. */
async function pressUntilFocused(page: Page, key: string, target: Locator) {
  for (let presses = 0; presses < 30; presses++) {
    await page.keyboard.press(key);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${key} never reached ${String(target)}`);
}

/**
 * Selects `text`, which starts a paragraph, with the keyboard alone: Tab into the article, ArrowDown
 * to its paragraph, Home, then Shift+ArrowRight over it.
 */
async function selectWithKeysOnly(page: Page, text: string) {
  await pressUntilFocused(page, "Tab", page.locator(".article-text"));
  const caretParagraph = () =>
    page.evaluate(() => {
      const node = document.getSelection()?.anchorNode;
      const element = node instanceof Element ? node : node?.parentElement;
      return element?.closest("p, li, h2, h3")?.textContent ?? "";
    });
  for (let presses = 0; !(await caretParagraph()).startsWith(text); presses++) {
    if (presses > 60) throw new Error(`ArrowDown never reached "${text}"`);
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Home");
  for (let presses = 0; (await page.evaluate(() => String(document.getSelection()))) !== text; presses++) {
    if (presses > text.length * 2) throw new Error(`Shift+ArrowRight did not select "${text}"`);
    await page.keyboard.press("Shift+ArrowRight");
  }
}

test("a reviewer signs in, annotates a claim, and moves between claims with the keyboard alone", async ({ page }, testInfo) => {
  await page.goto("/signin");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type("rita@example.com");
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Articles" })).toBeVisible();

  // The articles list: j moves from row to row, Enter opens the article.
  await pressUntilFocused(page, "j", page.getByRole("link", { name: AUDIT_TITLE }));
  await page.screenshot({ path: testInfo.outputPath("articles-list-current-row.png") });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: AUDIT_TITLE })).toBeVisible();
  await claimsShown(page);

  // Select a sentence, leave the article with Tab (to the floating button), and annotate it from there.
  await selectWithKeysOnly(page, UNCLAIMED);
  const annotateButton = page.getByRole("button", { name: /Annotate claim/ });
  await expect(annotateButton).toHaveAttribute("aria-keyshortcuts", "Control+Shift+A");
  await page.keyboard.press("Tab");
  await expect(annotateButton).toBeFocused();
  await page.keyboard.press("Control+Shift+A");
  const form = page.getByRole("form", { name: "New claim" });
  await expect(form.locator("blockquote")).toHaveText(UNCLAIMED);

  // The form has the focus; the letters typed into it are text, not shortcuts.
  await expect(form.getByLabel("Verdict")).toBeFocused();
  await page.keyboard.type("Mostly t");
  await expect(form.getByLabel("Verdict")).toHaveValue("mostly_true");
  // Who made the claim: its name, kind and role come next, optional, and the keyboard passes them.
  const maker = form.getByRole("group", { name: "Who made the claim" });
  await page.keyboard.press("Tab");
  await expect(maker.getByLabel("Name")).toBeFocused();
  await page.keyboard.type("Residents' association");
  await page.keyboard.press("Tab");
  await expect(maker.getByLabel("Is")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Explanation")).toBeFocused();
  const explanation = "Residents’ complaints are on record: just check the council’s k-files? Yes.";
  await page.keyboard.type(explanation);
  await expect(form.getByLabel("Explanation")).toHaveValue(explanation);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.keyboard.press("Tab");
  const url = form.getByRole("group", { name: "Source 1" }).getByRole("textbox", { name: "URL", exact: true });
  await expect(url).toBeFocused();
  await page.keyboard.type("https://example.org/council-minutes");
  await page.keyboard.press("Enter");
  await expect(form).toHaveCount(0);

  // Saved as a draft: its card is open, and has the focus.
  const saved = page.getByRole("article", { name: "Claim by Rita Reviewer: Mostly true, draft" });
  await expect(saved).toBeFocused();
  await expect(page.locator(".article-text .claim-active")).toHaveText(UNCLAIMED);

  // Escape closes it and leaves the focus on its summary; k and j move through the claims in reading order.
  await page.keyboard.press("Escape");
  await expect(saved.getByRole("button", { expanded: false })).toBeFocused();
  await page.keyboard.press("k");
  await expect(currentHighlight(page)).toHaveText("Cyclists now use a separate lane on the bridge.");
  await page.keyboard.press("k");
  await expect(currentHighlight(page)).toHaveText("Traffic on the old bridge fell by a third in the first week");
  const traffic = page.getByRole("article", { name: /changes requested/ });
  await expect(traffic).toHaveAttribute("aria-current", "true");
  await expect(traffic.getByRole("button", { expanded: false })).toBeFocused();
  await page.keyboard.press("j");
  const cyclists = page.getByRole("article", { name: /rejected/ });
  await expect(cyclists.getByRole("button", { expanded: false })).toBeFocused();
  await expect(page.locator(".article-text .claim-active")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("workbench-current-claim.png") });

  // Enter opens the current claim; Escape closes it again.
  await page.keyboard.press("Enter");
  await expect(cyclists.getByRole("button", { expanded: true })).toBeVisible();
  await expect(page.locator(".article-text .claim-active")).toHaveText("Cyclists now use a separate lane on the bridge.");
  await expect(cyclists.getByText(/moved it from Draft to In review/)).toBeVisible();
  await page.keyboard.press("Escape");
  const cyclistsSummary = cyclists.getByRole("button", { expanded: false });
  await expect(cyclistsSummary).toBeFocused();

  // ? lists every shortcut in a modal dialog that keeps the focus until Escape returns it.
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute("aria-modal", "true");
  for (const description of ["Go to the next claim in the article", "Open the current claim", "Annotate the text selected in the article as a claim"]) {
    await expect(dialog.getByRole("row", { name: new RegExp(description) })).toBeVisible();
  }
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("j");
  await expect(cyclists).toHaveAttribute("aria-current", "true");
  await page.screenshot({ path: testInfo.outputPath("shortcuts-dialog.png") });
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(cyclistsSummary).toBeFocused();
});

test("/ goes to the search of the list of articles and to the claims panel's, where what was typed stays", async ({ page }) => {
  await signIn(page, "rita@example.com");
  const articleSearch = page.getByRole("searchbox", { name: "Search titles and bylines" });
  await page.keyboard.press("/");
  await expect(articleSearch).toBeFocused();
  await page.keyboard.type("bypass");
  await expect(articleSearch).toHaveValue("bypass");

  await page.goto(`/articles/${articleId}`);
  await claimsShown(page);
  const findClaims = page.getByRole("searchbox", { name: "Find claims" });
  await page.keyboard.press("/");
  await expect(findClaims).toBeFocused();
  await page.keyboard.type("noise");
  await expect(findClaims).toHaveValue("noise");
});

test("the claims panel finds claims by their words, and a claim clicked in the text shows whatever was searched", async ({ page }) => {
  await signIn(page, "rita@example.com");
  await page.goto(`/articles/${articleId}`);
  await claimsShown(page);
  const panel = page.getByRole("region", { name: /^Claims/ });
  const find = panel.getByRole("searchbox", { name: "Find claims" });
  await find.fill("BRIDGE cyclists");
  await expect(panel.getByRole("article")).toHaveCount(1);
  await expect(panel.getByRole("article")).toContainText("Cyclists now use a separate lane on the bridge.");
  await expect(panel.getByRole("status")).toHaveText(/^1 of \d+ claims matches\.$/);
  await expectNoSeriousViolations(page, "claims panel with a search");
  await find.fill("zeppelin");
  await expect(panel.getByText("No claim holds “zeppelin”.")).toBeVisible();
  await page.locator("mark.claim", { hasText: "Traffic on the old bridge" }).first().click();
  await expect(find).toHaveValue("");
  await expect(panel.getByRole("article", { name: /changes requested/ }).getByRole("button", { expanded: true })).toBeVisible();
});

test("a new claim on text that has a claim already says so, and opens that claim on a click", async ({ page }, testInfo) => {
  await signIn(page, "ed@example.com");
  await page.goto(`/articles/${articleId}`);
  await claimsShown(page);
  await selectWithMouse(page, "Cyclists now use a separate lane");
  await page.keyboard.press("ControlOrMeta+Shift+A");
  const form = page.getByRole("form", { name: "New claim" });
  const note = form.getByRole("status").filter({ hasText: "This text has a claim already:" });
  await expect(note).toContainText("by Rita Reviewer, Unproven, rejected");
  await form.screenshot({ path: testInfo.outputPath("overlap-note.png") });
  await expectNoSeriousViolations(page, "new claim over an existing one");
  await note.getByRole("button", { name: "“Cyclists now use a separate lane on the bridge.”" }).click();
  await expect(page.getByRole("article", { name: /rejected/ }).getByRole("button", { expanded: true })).toBeVisible();
  await expect(form).toBeVisible();
  await form.getByRole("button", { name: "Cancel" }).click();
});
