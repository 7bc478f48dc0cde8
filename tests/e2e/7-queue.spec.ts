import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { dayIn } from "@/lib/time-zone";
import { chooseArticle, PASSWORD, signIn, signOut } from "./helpers";
import { NEWSROOM_TIME_ZONE } from "./newsroom-time-zone";

// Runs after 1-workbench.spec.ts, which sets up the admin, the reviewer Rita and the editor Ed. The claims
// here are on an article of their own, so that what other specs leave in the desk does not change the counts.
test.describe.configure({ mode: "serial" });

const baseURL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const TITLE = "City budget claims under review";
const SENTENCES = [
  "The city spent 12 million on road repairs last year.",
  "Bus ridership doubled since the fares were cut.",
  "Crime fell by a third in the city centre.",
  "The new library cost twice its budget.",
  "Every school now has a full-time nurse.",
  "The council hired 300 new street cleaners.",
  "Parking fines brought in more than the parks budget.",
];

async function signedIn(email: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" } })).ok()).toBe(true);
  return api;
}

/** Who made some of the claims, by the claim's number: the mayor two of them, the council one. */
const MAYOR = { name: "Ana Ortiz", kind: "person", role: "mayor" } as const;
const CLAIMANTS: Record<number, { name: string; kind: "person" | "organization"; role: string | null }> = {
  2: MAYOR,
  5: { name: "City Council", kind: "organization", role: null },
  6: MAYOR,
};

let articleId: string;
let ritaId: string;

/**
 * Rita's seven claims on the article: two left as drafts without a verdict, one draft with a verdict, two in
 * review, one with changes requested, one approved by Ed; four of them assigned to Rita by Ed.
 */
test.beforeAll(async () => {
  const [rita, ed] = await Promise.all([signedIn("rita@example.com"), signedIn("ed@example.com")]);
  const imported = await ed.post("/api/articles", { data: { format: "text", content: [TITLE, ...SENTENCES].join("\n") } });
  expect(imported.status()).toBe(201);
  articleId = ((await imported.json()) as { article: { id: string } }).article.id;
  const { article } = (await (await rita.get(`/api/articles/${articleId}`)).json()) as { article: { plainText: string } };

  const ids: string[] = [];
  for (const [n, sentence] of SENTENCES.entries()) {
    const start = article.plainText.indexOf(sentence);
    const complete = n < 5;
    const created = await rita.post(`/api/articles/${articleId}/annotations`, {
      data: {
        selectors: [
          { type: "TextQuoteSelector", exact: sentence },
          { type: "TextPositionSelector", start, end: start + sentence.length },
        ],
        ...(CLAIMANTS[n] ? { claimant: CLAIMANTS[n] } : {}),
        ...(complete ? { verdict: n % 2 ? "false" : "mostly_true", explanation: "Checked against the council's accounts.", sources: [{ url: "https://example.org/accounts" }] } : {}),
      },
    });
    expect(created.status()).toBe(201);
    const { annotation } = (await created.json()) as { annotation: { id: string; author: { id: string } } };
    ids.push(annotation.id);
    ritaId = annotation.author.id;
  }
  for (const id of ids.slice(0, 4)) expect((await rita.post(`/api/annotations/${id}/status`, { data: { to: "in_review", version: 1 } })).ok()).toBe(true);
  expect((await ed.post(`/api/annotations/${ids[0]}/status`, { data: { to: "approved", version: 2 } })).ok()).toBe(true);
  const changes = await ed.post(`/api/annotations/${ids[1]}/status`, { data: { to: "changes_requested", version: 2, comment: "Cite the ridership report." } });
  expect(changes.ok()).toBe(true);
  // Rita's assignments, given out of order: My queue must sort them.
  for (const [index, dueOn] of [[0, dayFromToday(-10)], [5, null], [4, dayFromToday(5)], [3, dayFromToday(-2)]] as const) {
    expect((await ed.put(`/api/annotations/${ids[index]}/assignment`, { data: { assigneeId: ritaId, dueOn } })).ok()).toBe(true);
  }
  await Promise.all([rita.dispose(), ed.dispose()]);
});

/** The day `days` from today in the newsroom, whose days the queue reads due dates by. */
function dayFromToday(days: number): string {
  return dayIn(NEWSROOM_TIME_ZONE, new Date(Date.now() + days * 86_400_000));
}

const rows = (page: Page) => page.getByRole("table").locator("tbody tr");
const tab = (page: Page, name: RegExp) => page.getByRole("navigation", { name: "Status" }).getByRole("link", { name });

test("a reviewer filters the review queue by article and author, with the counts per status, and the back button undoes a filter", async ({ page }, testInfo) => {
  await signIn(page, "rita@example.com");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review queue" }).click();
  await expect(page.getByRole("heading", { name: "Review queue" })).toBeVisible();

  await chooseArticle(page, TITLE);
  await page.getByLabel("Author", { exact: true }).selectOption({ label: "Rita Reviewer" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`article=${articleId}`));
  await expect(page).toHaveURL(new RegExp(`author=${ritaId}`));
  await expect(page).not.toHaveURL(/verdict=|pageSize=/);
  await expect(rows(page)).toHaveCount(7);
  await expect(tab(page, /^All 7$/)).toHaveAttribute("aria-current", "page");
  for (const [label, count] of [["Draft", 3], ["In review", 2], ["Changes requested", 1], ["Approved", 1], ["Rejected", 0]] as const) {
    await expect(tab(page, new RegExp(`^${label} ${count}$`))).toBeVisible();
  }
  await expect(page.getByRole("table")).toHaveAccessibleName(/^7 claims, 1–7 shown, sorted by last change, newest first$/);
  await page.screenshot({ path: testInfo.outputPath("queue.png"), fullPage: true });

  await tab(page, /^In review/).click();
  await expect(page).toHaveURL(/status=in_review/);
  await expect(rows(page)).toHaveCount(2);
  await expect(tab(page, /^In review 2$/)).toHaveAttribute("aria-current", "page");
  await expect(tab(page, /^Draft 3$/)).toBeVisible();

  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(rows(page)).toHaveCount(7);
  await expect(page.getByRole("combobox", { name: "Article", exact: true })).toHaveValue(TITLE);

  await page.getByLabel("Verdict", { exact: true }).selectOption({ label: "No verdict yet" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/verdict=none/);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first().getByText("No verdict")).toBeVisible();
});

test("a reviewer finds claims by their words, a word left out, and the counts per status follow", async ({ page }) => {
  await signIn(page, "rita@example.com");
  await page.goto(`/queue?article=${articleId}`);
  const search = page.getByRole("searchbox", { name: "Words of the claim or who made it" });
  await search.fill("budget -library");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]q=budget(\+|%20)-library/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(SENTENCES[6]!);
  await expect(tab(page, /^All 1$/)).toHaveAttribute("aria-current", "page");
  await expect(tab(page, /^Draft 1$/)).toBeVisible();
  await expect(search).toHaveValue("budget -library");
});

test("a reviewer sees who made each claim and narrows the queue to one claimant's claims by name", async ({ page }, testInfo) => {
  await signIn(page, "rita@example.com");
  await page.goto(`/queue?article=${articleId}`);
  const crimeRow = rows(page).filter({ hasText: SENTENCES[2]! });
  await expect(crimeRow.getByText(/^Claim by Ana Ortiz .*, mayor$/)).toBeVisible();
  await expect(rows(page).filter({ hasText: SENTENCES[0]! }).getByText(/Claim by/)).toHaveCount(0);

  await crimeRow.getByRole("link", { name: "Ana Ortiz (their claims in the queue)" }).click();
  await expect(page).toHaveURL(/[?&]claimant=Ana(\+|%20)Ortiz/);
  await expect(page).toHaveURL(new RegExp(`article=${articleId}`));
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole("combobox", { name: "Who made the claim" })).toHaveValue("Ana Ortiz");
  await expect(tab(page, /^All 2$/)).toHaveAttribute("aria-current", "page");
  // Already narrowed to her: her name is no longer a link.
  await expect(rows(page).getByRole("link", { name: /their claims in the queue/ })).toHaveCount(0);
  await expect(rows(page).getByText("Claim by Ana Ortiz, mayor")).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath("queue-claimant.png"), fullPage: true });

  await page.getByRole("combobox", { name: "Who made the claim" }).fill("city council");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/claimant=city(\+|%20)council/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(SENTENCES[5]!);
  await expect(rows(page).first().getByText("Claim by City Council")).toBeVisible();
});

test("sorts by a column header either way, pages through, and counts the rows selected", async ({ page }, testInfo) => {
  await signIn(page, "rita@example.com");
  await page.goto(`/queue?article=${articleId}&pageSize=3`);
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages.getByText("Page 1 of 3")).toBeVisible();
  await pages.getByRole("link", { name: "Next ›" }).click();
  await expect(pages.getByText("Page 2 of 3")).toBeVisible();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows(page)).toHaveCount(3);

  const status = page.getByRole("columnheader", { name: /^Status/ });
  await status.getByRole("link").click();
  await expect(status).toHaveAttribute("aria-sort", "ascending");
  await expect(page).not.toHaveURL(/page=2/);
  await expect(pages.getByText("Page 1 of 3")).toBeVisible();
  await expect(rows(page).first().getByText("Draft", { exact: true })).toBeVisible();
  await status.getByRole("link").click();
  await expect(status).toHaveAttribute("aria-sort", "descending");
  await expect(rows(page).first().getByText("Approved", { exact: true })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /^Last change/ })).not.toHaveAttribute("aria-sort");

  const selection = page.getByRole("form", { name: "Claims on this page" });
  await expect(selection.getByRole("status")).toHaveText("0 selected");
  await rows(page).nth(0).getByRole("checkbox").check();
  await rows(page).nth(2).getByRole("checkbox").check();
  await expect(selection.getByRole("status")).toHaveText("2 selected");
  const all = page.getByRole("checkbox", { name: "Select all claims on this page" });
  await all.check();
  await expect(selection.getByRole("status")).toHaveText("3 selected");
  await all.uncheck();
  await expect(selection.getByRole("status")).toHaveText("0 selected");
  await rows(page).nth(1).getByRole("checkbox").check();
  await page.screenshot({ path: testInfo.outputPath("queue-sorted-selected.png"), fullPage: true });
  await pages.getByRole("link", { name: "Next ›" }).click();
  await expect(pages.getByText("Page 2 of 3")).toBeVisible();
  await expect(selection.getByRole("status")).toHaveText("0 selected");
});

test("a row opens its claim in the article, card open and highlight active", async ({ page }) => {
  await signIn(page, "rita@example.com");
  await page.goto(`/queue?article=${articleId}&status=changes_requested`);
  await expect(rows(page)).toHaveCount(1);
  await rows(page).getByRole("link", { name: SENTENCES[1] }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${articleId}\\?annotation=`));
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  const card = page.locator('article.claim-card[aria-current="true"]');
  await expect(card).toContainText(SENTENCES[1]!);
  await expect(card).toBeFocused();
  await expect(page.locator(".claim-active")).toHaveText(SENTENCES[1]!);
});

test("My queue lists what is assigned to me most urgent first, and says what to do when nothing is", async ({ page }, testInfo) => {
  await signIn(page, "rita@example.com");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My queue" }).click();
  await expect(page.getByRole("heading", { name: "My queue" })).toBeVisible();
  await expect(page).toHaveTitle(/My queue/);
  await chooseArticle(page, TITLE, "click");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`assignee=me&article=${articleId}$`));
  await expect(page.getByRole("table")).toHaveAccessibleName(/sorted most urgent first$/);
  const quotes = rows(page).getByRole("rowheader");
  // Each row's header holds its quote, and under it who made the claim when someone was named.
  await expect(quotes).toHaveCount(4);
  await expect(quotes).toContainText([SENTENCES[3]!, SENTENCES[4]!, SENTENCES[5]!, SENTENCES[0]!]);
  await expect(rows(page).first().getByText("Overdue")).toBeVisible();
  await expect(rows(page).last().getByText("Overdue")).toHaveCount(0);
  // Its days and times are the newsroom's, and every desk page says which zone that is.
  await expect(page.getByRole("group", { name: "Last changed (Kolkata time)" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toHaveText(`Dates and times are Kolkata time (${NEWSROOM_TIME_ZONE}).`);
  await page.screenshot({ path: testInfo.outputPath("my-queue.png"), fullPage: true });

  // The inbox opens with what is due by today: the overdue claim in review, not the approved one.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Inbox/ }).click();
  const due = page.getByRole("region", { name: "Due by today: 1 claim assigned to you, 1 overdue" });
  await expect(due.getByRole("listitem")).toHaveCount(1);
  await expect(due.getByRole("listitem")).toContainText(`overdue since`);
  await due.getByRole("link", { name: `“${SENTENCES[3]}”` }).click();
  await expect(page).toHaveURL(/\/articles\/[^?]+\?annotation=/);
  await page.goBack();
  await page.screenshot({ path: testInfo.outputPath("inbox-due.png"), fullPage: true });

  await signOut(page);
  await signIn(page, "admin@example.com");
  await page.goto("/queue?assignee=me");
  await expect(page.getByText("Nothing is assigned to you.")).toBeVisible();
  await expect(page.getByRole("link", { name: "review queue", exact: true })).toHaveAttribute("href", "/queue");
});

test("the API answers the queue as JSON, refuses a bad parameter with 400 naming it, and the anonymous with 401", async () => {
  const rita = await signedIn("rita@example.com");
  const answer = await rita.get(`/api/queue?article=${articleId}&status=in_review&sort=due`);
  expect(answer.status()).toBe(200);
  const body = (await answer.json()) as { total: number; rows: { quote: string; status: string }[]; countsByStatus: Record<string, number> };
  expect(body.total).toBe(2);
  expect(body.rows.map((row) => [row.quote, row.status]).sort()).toEqual([
    [SENTENCES[2], "in_review"],
    [SENTENCES[3], "in_review"],
  ]);
  expect(body.countsByStatus).toEqual({ draft: 3, in_review: 2, changes_requested: 1, approved: 1, rejected: 0 });

  const refused = await rita.get("/api/queue?status=open&pageSize=500&colour=red");
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { fields: object }).fields).toEqual({ colour: "is not a parameter of the queue" });
  const badValues = await rita.get("/api/queue?status=open&pageSize=500");
  expect(Object.keys(((await badValues.json()) as { fields: object }).fields).sort()).toEqual(["pageSize", "status"]);

  const anonymous = await playwrightRequest.newContext({ baseURL });
  expect((await anonymous.get("/api/queue")).status()).toBe(401);
  await Promise.all([rita.dispose(), anonymous.dispose()]);
});

test("the list of articles shows each article's claims as a bar by status, with the figures in words", async ({ page }, testInfo) => {
  await signIn(page, "rita@example.com");
  await page.goto("/");
  const row = page.getByRole("row", { name: new RegExp(TITLE) });
  await expect(row.getByRole("link", { name: "7 claims in the review queue" })).toHaveAttribute("href", `/queue?article=${articleId}`);
  await expect(row.locator(".claim-progress__legend")).toHaveText(/7 claims.*1 approved.*2 in review.*1 with changes requested.*3 drafts/);
  for (const status of ["approved", "in_review", "changes_requested", "draft"]) {
    await expect(row.locator(`.claim-progress__bar .claim-progress__segment--${status}`)).toHaveCount(1);
  }
  await expect(row.locator(".claim-progress__bar")).toHaveAttribute("aria-hidden", "true");
  await page.screenshot({ path: testInfo.outputPath("articles.png"), fullPage: true });

  // A search keeps the rows whose title or byline holds every word, and says how many.
  const search = page.getByRole("searchbox", { name: "Search titles and bylines" });
  await search.fill("BUDGET review");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/\?q=BUDGET\+review$/);
  await expect(page.getByRole("status")).toHaveText(/^1 article with “BUDGET review” in the title or byline\./);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr").first()).toContainText(TITLE);
  await page.screenshot({ path: testInfo.outputPath("articles-search.png"), fullPage: true });
  await search.fill("aircraft carriers");
  await search.press("Enter");
  await expect(page.getByRole("status")).toHaveText(/^No article's title or byline contains “aircraft carriers”\./);
  await expect(page.locator("tbody tr")).toHaveCount(0);
  await page.getByRole("link", { name: "Show every article" }).click();
  await expect(page.getByRole("row", { name: new RegExp(TITLE) })).toBeVisible();
  await expect(search).toHaveValue("");
});
