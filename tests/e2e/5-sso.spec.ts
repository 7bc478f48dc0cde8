import { expect, test, type Page } from "@playwright/test";
import { OAuth2Server } from "oauth2-mock-server";
import { signIn, signOut } from "./helpers";
import { SSO_PORT, SSO_PROVIDER_NAME } from "./sso-provider";

test.describe.configure({ mode: "serial" });

const SSO_BUTTON = `Sign in with ${SSO_PROVIDER_NAME}`;
const SELF_REGISTRATION = /create their own reviewer account/;

const nadia = { sub: "e2e-nadia", email: "nadia@example.com", email_verified: true, name: "Nadia Newcomer" };
const olga = { sub: "e2e-olga", email: "olga@example.com", email_verified: true, name: "Olga Outsider" };

/** The provider signs in whoever this says, without asking: oauth2-mock-server has no login page. */
let person: Record<string, unknown> = nadia;
let provider: OAuth2Server;

test.beforeAll(async () => {
  provider = new OAuth2Server();
  await provider.issuer.keys.generate("RS256");
  // The claims of every token it signs, the ID token among them, are those of `person`.
  provider.service.on("beforeTokenSigning", (token: { payload: Record<string, unknown> }) => Object.assign(token.payload, person));
  await provider.start(SSO_PORT, "localhost");
});

test.afterAll(async () => {
  await provider?.stop();
});

async function signInThroughProvider(page: Page, who: Record<string, unknown>) {
  person = who;
  await page.goto("/signin");
  await page.getByRole("button", { name: SSO_BUTTON }).click();
}

test("a newcomer signs in through the provider and lands as a new reviewer, with no password", async ({ page }, testInfo) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: SSO_BUTTON })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("sso-sign-in-page.png"), fullPage: true });

  await signInThroughProvider(page, nadia);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText("Nadia Newcomer (Reviewer)");
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  // The session works for the API as a password sign-in's does, with a reviewer's rights.
  expect((await page.request.get("/api/articles")).status()).toBe(200);
  const byReviewer = await page.request.put("/api/settings/self-registration", { data: { enabled: false } });
  expect(byReviewer.status()).toBe(403);
  expect(await byReviewer.json()).toEqual({ error: "Only admins can change the desk's settings." });
  await page.screenshot({ path: testInfo.outputPath("sso-signed-in.png"), fullPage: true });

  await signOut(page);
  await page.getByLabel("Email").fill(nadia.email);
  await page.getByLabel("Password").fill("a long test password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an active account.");

  await page.getByRole("button", { name: SSO_BUTTON }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText("Nadia Newcomer (Reviewer)");
});

test("an admin sees how each user signs in and switches self-registration off; a newcomer is then refused with the reason", async ({ page }, testInfo) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/users");
  await expect(page.getByRole("row", { name: /Nadia Newcomer/ })).toHaveCount(1);
  await expect(page.getByRole("row", { name: /Nadia Newcomer/ }).getByText("Single sign-on", { exact: true })).toBeVisible();
  await expect(page.getByRole("row", { name: /Rita Reviewer/ }).getByText("Password", { exact: true })).toBeVisible();

  const badInput = await page.request.put("/api/settings/self-registration", { data: { enabled: "no" } });
  expect(badInput.status()).toBe(400);
  expect(await badInput.json()).toMatchObject({ fields: { enabled: "must be true or false" } });

  const selfRegistration = page.getByLabel(SELF_REGISTRATION);
  await expect(selfRegistration).toBeChecked();
  await selfRegistration.uncheck();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Self-registration is off");
  await page.screenshot({ path: testInfo.outputPath("sso-admin-users.png"), fullPage: true });
  await page.reload();
  await expect(page.getByLabel(SELF_REGISTRATION)).not.toBeChecked();
  expect(await (await page.request.get("/api/settings/self-registration")).json()).toEqual({ selfRegistration: { enabled: false } });
  await signOut(page);
  expect((await page.request.put("/api/settings/self-registration", { data: { enabled: true } })).status()).toBe(401);

  await signInThroughProvider(page, olga);
  await expect(page).toHaveURL(/\/signin\?error=SsoSelfRegistrationOff$/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Self-registration is off: ask an admin to create your account.");
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("sso-refused.png"), fullPage: true });

  // Accounts that exist still get in.
  await signInThroughProvider(page, nadia);
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText("Nadia Newcomer (Reviewer)");
});

test("an existing account is linked only once the provider has verified its email", async ({ page }) => {
  const rita = { sub: "e2e-rita", email: "rita@example.com", name: "Rita at the provider" };

  await signInThroughProvider(page, { ...rita, email_verified: false });
  await expect(page.getByRole("main").getByRole("alert")).toContainText("your sign-in provider has not verified that address: ask an admin to link this sign-in to your account");

  await signInThroughProvider(page, { ...rita, email_verified: true });
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText("Rita Reviewer (Reviewer)");
  await signOut(page);

  // Linked, Rita keeps her password too.
  await signIn(page, "admin@example.com");
  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: /Rita Reviewer/ });
  await expect(row.getByText("Password and single sign-on", { exact: true })).toBeVisible();
  await signOut(page);
  await signIn(page, "rita@example.com");
});

test("an admin links the sign-in a provider did not verify, once the person asks, and can unlink it", async ({ page }, testInfo) => {
  const ed = { sub: "e2e-ed", email: "ed@example.com", email_verified: false, name: "Ed at the provider" };
  await signInThroughProvider(page, ed);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("ask an admin to link this sign-in to your account (it waits for them under Users)");

  await signIn(page, "admin@example.com");
  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: /Ed Editor/ });
  const waiting = row.getByRole("group", { name: "Single sign-on waiting for Ed Editor" });
  await expect(waiting).toContainText("its provider had not verified the email");
  await expect(waiting).toContainText(`Identity e2e-ed at http://localhost:${SSO_PORT}`);
  await page.screenshot({ path: testInfo.outputPath("sso-waiting.png"), fullPage: true });
  await waiting.getByRole("button", { name: "Link it" }).click();
  await page.getByRole("alertdialog", { name: "Link this single sign-on to Ed Editor's account?" }).getByRole("button", { name: "Link single sign-on" }).click();
  await expect(page.getByText("Linked: Ed Editor now signs in through that single sign-on.")).toBeVisible();
  await expect(row.getByText("Password and single sign-on", { exact: true })).toBeVisible();
  await expect(waiting).toHaveCount(0);
  await signOut(page);

  await signInThroughProvider(page, ed);
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText("Ed Editor (Editor)");
  await signOut(page);

  await signIn(page, "admin@example.com");
  await page.goto("/admin/users");
  await row.getByRole("button", { name: "Unlink single sign-on" }).click();
  // Unlinking cannot be taken back by the admin: the dialog offers Cancel first.
  const unlinking = page.getByRole("alertdialog", { name: "Unlink Ed Editor's single sign-on?" });
  await expect(unlinking.getByRole("button", { name: "Cancel" })).toBeFocused();
  await unlinking.getByRole("button", { name: "Unlink", exact: true }).click();
  await expect(page.getByText(/^Unlinked: Ed Editor signs in with a password/)).toBeVisible();
  await expect(row.getByText("Password", { exact: true })).toBeVisible();
  await page.reload();
  await expect(row.getByText("Password", { exact: true })).toBeVisible();
});
