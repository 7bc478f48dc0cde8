import { expect, test, type Browser, type Page } from "@playwright/test";
import { PASSWORD, signIn } from "./helpers";

/**
 * One's own account: the password changed with the current one, which signs the account out on every
 * other device; "Sign out everywhere"; and an admin resetting a colleague's password. Each test works on
 * an account of its own, so that no other spec's password changes.
 */
const NEW_PASSWORD = "another long password";

async function addColleague(page: Page, name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.com`;
  const created = await page.request.post("/api/users", { data: { email, name, role: "reviewer", password: PASSWORD } });
  expect(created.status()).toBe(201);
  return email;
}

/** A browser of its own (another device), signed in as `email`. */
async function signInAs(browser: Browser, email: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

/** Signing in as `email` with `password`, in a browser of its own, is refused as a mismatch. */
async function expectSignInRefused(browser: Browser, email: string, password: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That email and password do not match an active account." })).toBeVisible();
}

/** Whether the page's browser still has a session the server honours. */
async function signedIn(page: Page): Promise<boolean> {
  return (await page.request.get("/api/account")).status() === 200;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "admin@example.com");
});

test("changing one's password keeps this browser signed in and signs every other one out", async ({ page, browser }, testInfo) => {
  const email = await addColleague(page, "Sam Sessions");
  const laptop = await signInAs(browser, email);
  const phone = await signInAs(browser, email);

  await laptop.getByRole("link", { name: /^Your account: Sam Sessions/ }).click();
  await expect(laptop.getByRole("heading", { name: "Your account" })).toBeVisible();
  await laptop.getByLabel("Current password").fill("not my password");
  await laptop.getByLabel(/^New password/).fill(NEW_PASSWORD);
  await laptop.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByText("Current password is not your current password")).toBeVisible();
  await expect(laptop.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  expect(await signedIn(phone)).toBe(true);

  await laptop.getByLabel("Current password").fill(PASSWORD);
  await laptop.getByRole("button", { name: "Change password" }).click();
  await expect(laptop.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
  await laptop.screenshot({ path: testInfo.outputPath("password-changed.png"), fullPage: true });

  expect(await signedIn(laptop)).toBe(true);
  expect(await signedIn(phone)).toBe(false);
  await phone.goto("/");
  await expect(phone).toHaveURL(/\/signin\?error=SessionEnded/);
  await expect(phone.getByRole("alert").filter({ hasText: "You were signed out: your password was changed or reset" })).toBeVisible();
  await expect(phone.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  expect(await signedIn(await signInAs(browser, email, NEW_PASSWORD))).toBe(true);
});

test("Sign out everywhere asks first, then ends every session of the account, this one included", async ({ page, browser }) => {
  const email = await addColleague(page, "Sue Shared");
  const own = await signInAs(browser, email);
  const library = await signInAs(browser, email);

  await own.goto("/account");
  await own.getByRole("button", { name: "Sign out everywhere" }).click();
  const dialog = own.getByRole("alertdialog", { name: "Sign out everywhere?" });
  await expect(dialog).toContainText("this one included");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await signedIn(library)).toBe(true);

  await own.getByRole("button", { name: "Sign out everywhere" }).click();
  await own.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(own).toHaveURL(/\/signin/);
  expect(await signedIn(library)).toBe(false);
  await library.reload();
  await expect(library).toHaveURL(/\/signin/);
});

test("renaming oneself shows the new name in the header", async ({ page, browser }) => {
  const email = await addColleague(page, "Nat Name");
  const nat = await signInAs(browser, email);
  await nat.goto("/account");
  await nat.getByLabel("Name", { exact: true }).fill("Natalie Name");
  await nat.getByRole("button", { name: "Save name" }).click();
  await expect(nat.getByRole("status").filter({ hasText: "Name saved" })).toBeVisible();
  await expect(nat.getByRole("link", { name: /^Your account: Natalie Name/ })).toBeVisible();
});

test("an admin resets a colleague's password: the old one stops working and their sessions end", async ({ page, browser }, testInfo) => {
  const email = await addColleague(page, "Flo Forgetful");
  const flo = await signInAs(browser, email);

  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Reset password of Flo Forgetful" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset Flo Forgetful's password" });
  await dialog.getByLabel(/^New password/).fill("short");
  await dialog.getByLabel("Repeat it").fill("short");
  await dialog.getByRole("button", { name: "Set password" }).click();
  await expect(dialog.getByText("The password must be at least 10 characters")).toBeVisible();
  await dialog.getByLabel(/^New password/).fill(NEW_PASSWORD);
  await dialog.getByLabel("Repeat it").fill(NEW_PASSWORD);
  await page.screenshot({ path: testInfo.outputPath("reset-password.png") });
  await dialog.getByRole("button", { name: "Set password" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Flo Forgetful has a new password" })).toBeVisible();

  expect(await signedIn(flo)).toBe(false);
  await expectSignInRefused(browser, email, PASSWORD);
  expect(await signedIn(await signInAs(browser, email, NEW_PASSWORD))).toBe(true);
});

test("an admin corrects a colleague's email: a taken one is refused beside the field, the new one signs in, their session goes on", async ({ page, browser }, testInfo) => {
  const email = await addColleague(page, "Mo Moved");
  const mo = await signInAs(browser, email);
  const newEmail = email.replace("@example.com", "@newsroom.example");

  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Edit Mo Moved", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Mo Moved" });
  await dialog.getByLabel("Email").fill("rita@example.com");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("The email belongs to another account already")).toBeVisible();
  await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Email").fill(newEmail.toUpperCase());
  await page.screenshot({ path: testInfo.outputPath("edit-user.png") });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `Mo Moved now signs in as ${newEmail}` })).toBeVisible();
  await expect(page.getByRole("row", { name: /Mo Moved/ }).getByRole("cell", { name: newEmail })).toBeVisible();

  expect(await signedIn(mo)).toBe(true);
  expect(await signedIn(await signInAs(browser, newEmail))).toBe(true);
  await expectSignInRefused(browser, email, PASSWORD);
});
