import { writeFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility";
import { PASSWORD, selectWithMouse, signIn, signOut } from "./helpers";
import { startMailServer, type MailServer } from "./mail-server";

/**
 * Email notifications: a reviewer mentioned on a claim is emailed through the tests' mail server
 * (the app sends with no delay here), follows the email's link to the claim, and turns the emails off.
 */
const TITLE = "Harbour dredging";
const CLAIM = "The harbour was dredged to 14 metres in 2025";
const TEXT = `${TITLE}\n${CLAIM}, the port authority says.\nShipping lines dispute the figure.`;

let mail: MailServer;

test.beforeAll(async () => {
  mail = await startMailServer();
});

test.afterAll(async () => {
  await mail.close();
});

const mailsTo = (address: string) => mail.received.filter((each) => each.to.includes(address)).map((each) => each.mail);

test("a reviewer mentioned on a claim is emailed a link to it, and can turn the emails off", async ({ page }, testInfo) => {
  await signIn(page, "admin@example.com");
  const added = await page.request.post("/api/users", { data: { name: "Nina Newsdesk", email: "nina@example.com", role: "reviewer", password: PASSWORD } });
  expect(added.status()).toBe(201);
  await signOut(page);

  // On by default, saying where the emails go.
  await signIn(page, "nina@example.com");
  await page.goto("/account");
  const emails = page.getByRole("group", { name: "Email me what lands in my inbox" });
  await expect(emails.getByRole("radio", { name: /^As it comes: what you have not seen here within a minute/ })).toBeChecked();
  await expect(emails).toHaveAccessibleDescription(/sent to nina@example\.com with a link to each claim/);
  await expect(emails.getByRole("radio", { name: `Once a day: at 08:00 Kolkata time: what came since the last one and the claims due that day, in one email` })).not.toBeChecked();
  await signOut(page);

  // An editor flags a claim and asks Nina about it with a mention.
  await signIn(page, "ed@example.com");
  const imported = await page.request.post("/api/articles", { data: { format: "text", content: TEXT } });
  expect(imported.status()).toBe(201);
  const articleId = ((await imported.json()) as { article: { id: string } }).article.id;
  await page.goto(`/articles/${articleId}`);
  await selectWithMouse(page, CLAIM);
  await page.getByRole("button", { name: "Flag for checking" }).click();
  const card = page.getByRole("article", { name: /Claim by Ed Editor/ });
  const comment = card.getByRole("combobox", { name: "Add a comment" });
  await comment.pressSequentially("Could @Nin");
  await expect(page.getByRole("option", { name: /Nina Newsdesk/ })).toBeVisible();
  await comment.press("Enter");
  await comment.pressSequentially("check the depth against the survey?");
  await card.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(card.locator(".mention", { hasText: "@Nina Newsdesk" })).toBeVisible();
  await signOut(page);

  // The email arrives within a round of the app's mail worker.
  await expect.poll(() => mailsTo("nina@example.com").length, { timeout: 45_000, intervals: [1_000] }).toBe(1);
  const [email] = mailsTo("nina@example.com");
  expect(email!.subject).toBe(`Ed Editor mentioned you on the claim “${CLAIM}”`);
  expect(email!.from?.text).toBe('"Fact-check desk" <desk@example.com>');
  expect(email!.html).toBe(false);
  expect(email!.text).toContain(`Ed Editor mentioned you on the claim “${CLAIM}” in ${TITLE}:\n> Could @Nina Newsdesk check the depth against the survey?\n`);
  const link = /^http:\/\/localhost:\d+\/articles\/\S+$/m.exec(email!.text ?? "")?.[0];
  expect(link).toContain(`/articles/${articleId}?annotation=`);
  await writeFile(testInfo.outputPath("email.txt"), `Subject: ${email!.subject}\n\n${email!.text}`);

  // The link opens the claim, with the question, for Nina; read there, it is no longer new in her inbox.
  await signIn(page, "nina@example.com");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Inbox 1 new" })).toBeVisible();
  await page.goto(link!);
  const claim = page.getByRole("article", { name: /Claim by Ed Editor/ });
  await expect(claim.getByText("check the depth against the survey?")).toBeVisible();
  await expect(nav.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("claim-from-email.png"), fullPage: true });

  // The inbox says where the emails are turned off; turned off, they stay off on the next visit.
  await page.goto("/inbox");
  const read = page.getByRole("listitem").filter({ hasText: "Ed Editor mentioned you" });
  await expect(read).toBeVisible();
  await expect(read.getByText("New", { exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Email notifications" }).click();
  await expect(page).toHaveURL(/\/account#notifications$/);
  await emails.getByRole("radio", { name: /^Once a day/ }).check();
  await expect(page.getByText("Emails come once a day, at 08:00 Kolkata time, to nina@example.com.")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("account-emails-daily.png"), fullPage: true });
  await page.reload();
  await expect(emails.getByRole("radio", { name: /^Once a day/ })).toBeChecked();
  await emails.getByRole("radio", { name: /^Never/ }).check();
  await expect(page.getByText("Emails are off: your inbox is in the header of every page.")).toBeVisible();
  await expectNoSeriousViolations(page, "account with emails off");
  await page.screenshot({ path: testInfo.outputPath("account-emails-off.png"), fullPage: true });
  await page.reload();
  await expect(emails.getByRole("radio", { name: /^Never/ })).toBeChecked();
});

test("a reviewer who forgot their password sets a new one through the link emailed to them, once", async ({ page }, testInfo) => {
  const NEW_PASSWORD = "a fresh long password for Nina";
  await page.goto("/signin");
  await page.screenshot({ path: testInfo.outputPath("sign-in.png"), fullPage: true });
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?", level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page, "forgot your password");
  const sent = /^If an account signs in with that email, a link to set a new password is on its way\. It works for an hour\./;
  // An address without an account is answered as any other, and gets nothing.
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toHaveText(sent);
  await page.screenshot({ path: testInfo.outputPath("forgot-password.png"), fullPage: true });
  await page.getByLabel("Email").fill("nina@example.com");
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("status")).toHaveText(sent);

  const resets = () => mailsTo("nina@example.com").filter((each) => each.subject === "Set a new password for Fact-check desk");
  await expect.poll(() => resets().length, { timeout: 15_000 }).toBe(1);
  expect(mailsTo("nobody@example.com")).toEqual([]);
  const link = /^http:\/\/localhost:\d+\/reset-password#token=[\w-]{43}$/m.exec(resets()[0]!.text ?? "")?.[0];
  expect(link).toBeTruthy();

  await page.goto(link!);
  // The token leaves the address bar at once.
  await expect(page).toHaveURL(/\/reset-password$/);
  await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
  await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await expectNoSeriousViolations(page, "set a new password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your new password is set, and every session of your account has ended.");
  await page.screenshot({ path: testInfo.outputPath("password-set.png"), fullPage: true });
  await page.getByRole("status").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await signIn(page, "nina@example.com", NEW_PASSWORD);
  await expect(page.getByRole("link", { name: /Nina Newsdesk/ })).toBeVisible();
  await signOut(page);

  // The link works once.
  await page.goto(link!);
  await page.getByLabel(/^New password/).fill("another long password here");
  await page.getByLabel("Repeat the new password").fill("another long password here");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator(".form-message[role=alert]")).toContainText("The link has expired or has been used: ask for a new link.");
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
});

test("an admin checks the desk's email with a test email to themselves", async ({ page }, testInfo) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/users");
  const section = page.getByRole("heading", { name: "Email", level: 2 });
  await expect(section).toBeVisible();
  await expect(page.getByText(/from "Fact-check desk" <desk@example\.com> through 127\.0\.0\.1\./)).toBeVisible();
  await page.getByRole("button", { name: "Send me a test email" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The mail server took it, for admin@example.com." })).toBeVisible();
  await expect.poll(() => mailsTo("admin@example.com").filter((each) => each.subject === "A test email from Fact-check desk").length, { timeout: 10_000 }).toBe(1);
  await expectNoSeriousViolations(page, "users, with the email check");
  await page.screenshot({ path: testInfo.outputPath("email-check.png"), fullPage: true });
});

// Last of the run: it spends this machine's password links for the hour.
test("a sender asking for many password links is told to wait an hour or ask an admin, and nothing more is sent", async ({ page }, testInfo) => {
  // Some were asked for in the test above; the rest of the hour's ten are taken, for any address, from
  // the browser (its address, ::1 or 127.0.0.1, is the sender's).
  await page.goto("/forgot-password");
  const ask = (email: string) =>
    page.evaluate(async (body) => {
      const response = await fetch("/api/password-reset", { method: "POST", headers: { "content-type": "application/json" }, body });
      return { status: response.status, error: ((await response.json()) as { error?: string }).error };
    }, JSON.stringify({ email }));
  let taken = 0;
  while ((await ask(`someone.${taken}@example.com`)).status === 202) taken++;
  expect(taken).toBeGreaterThan(0);
  expect(taken).toBeLessThanOrEqual(10);
  const before = mailsTo("nina@example.com").length;
  await page.getByLabel("Email").fill("nina@example.com");
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.locator(".form-message[role=alert]")).toHaveText(
    "There have been 10 requests for a password link from your network in the last hour: ask again in an hour, or ask an admin to set you a new password.",
  );
  await page.screenshot({ path: testInfo.outputPath("forgot-password-too-many.png"), fullPage: true });
  const refused = await ask("nina@example.com");
  expect(refused.status).toBe(429);
  expect(refused.error).toMatch(/ask an admin to set you a new password\.$/);
  expect(mailsTo("nina@example.com")).toHaveLength(before);
});
