import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { totpCode, totpStepOf } from "@/lib/users/totp";
import { expectNoSeriousViolations } from "./accessibility";
import { PASSWORD, signIn } from "./helpers";

/**
 * Two-step sign-in: a colleague turns it on from their account with an authenticator app (this test is the
 * app: it computes the codes from the key the page shows), signs in with a code and with a recovery code,
 * and an admin turns it off for them after a lost phone. The colleague's account is this spec's own.
 */
test.describe.configure({ mode: "serial" });

const NAME = "Tove Twostep";
const STAMP = Date.now();
const email = `tove.twostep.${STAMP}@example.com`;
let key = "";
let recoveryCodes: string[] = [];

/** The code the app shows `steps` time steps from now: one step ahead is still accepted, and never used yet. */
const appCode = (steps = 1) => totpCode(key, totpStepOf(new Date()) + steps);

/** A code the key makes at no step near now. */
function wrongCode(): string {
  const near = [-2, -1, 0, 1, 2].map(appCode);
  return ["000000", "111111", "222222"].find((code) => !near.includes(code))!;
}

async function typeCredentials(page: Page, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("a colleague turns on two-step sign-in with an authenticator app and keeps the recovery codes", async ({ page: admin, browser }, testInfo) => {
  await signIn(admin, "admin@example.com");
  expect((await admin.request.post("/api/users", { data: { email, name: NAME, role: "reviewer", password: PASSWORD } })).status()).toBe(201);
  const page = await freshPage(browser);
  await signIn(page, email);
  await page.goto("/account");
  const section = page.locator(".two-step");
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  const form = page.getByRole("form", { name: "Turn on two-step sign-in" });
  await expect(form.getByRole("img", { name: "QR code that adds this account to an authenticator app" })).toBeVisible();
  key = ((await form.locator(".two-step__key").textContent()) ?? "").replace(/\s/g, "");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoSeriousViolations(page, "turning on two-step sign-in");
  await page.screenshot({ path: testInfo.outputPath("two-step-setup.png"), fullPage: true });

  // A code from another key, as when the app holds another account.
  await form.getByLabel("Code from the app").fill(wrongCode());
  await form.getByLabel("Your current password").fill(PASSWORD);
  await form.getByRole("button", { name: "Turn on" }).click();
  await expect(form.getByRole("alert")).toHaveText("The code is not the code your app shows");
  await form.getByLabel("Code from the app").fill(appCode(0));
  await form.getByRole("button", { name: "Turn on" }).click();

  const codes = page.getByRole("region", { name: "Your recovery codes" });
  await expect(codes.getByRole("listitem")).toHaveCount(10);
  recoveryCodes = await codes.getByRole("listitem").allTextContents();
  for (const code of recoveryCodes) expect(code).toMatch(/^[2-9a-z]{5}-[2-9a-z]{5}$/);
  const download = codes.getByRole("link", { name: "Download them as a text file" });
  expect(decodeURIComponent((await download.getAttribute("href")) ?? "")).toContain(recoveryCodes.join("\n"));
  await page.screenshot({ path: testInfo.outputPath("two-step-codes.png"), fullPage: true });
  await codes.getByRole("button", { name: "I have kept them" }).click();
  await expect(section).toContainText(/On since \d+ \w+ \d{4}: signing in with your password asks for a code from your authenticator app\. 10 of 10 recovery codes left\./);
  await page.reload();
  await expect(section).toContainText("10 of 10 recovery codes left.");
});

test("signing in asks for a code after the right password; a wrong one is refused, the app's and a recovery code sign in once", async ({ browser }, testInfo) => {
  const page = await freshPage(browser);
  await typeCredentials(page);
  const code = page.getByLabel("Code from your authenticator app");
  await expect(code).toBeFocused();
  await expect(page.getByLabel("Email")).toHaveAttribute("readonly", "");
  await page.screenshot({ path: testInfo.outputPath("two-step-sign-in.png") });
  await code.fill(wrongCode());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That code is not right, or was used already. Type the code your app shows now, or one of your recovery codes.");
  await code.fill(appCode());
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeEnabled();
  await page.context().close();

  // A lost phone: a recovery code, once.
  const other = await freshPage(browser);
  await typeCredentials(other);
  await other.getByLabel("Code from your authenticator app").fill(recoveryCodes[0]!.toUpperCase());
  await other.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(other.getByRole("button", { name: "Sign out" })).toBeEnabled();
  await other.goto("/account");
  await expect(other.locator(".two-step")).toContainText("9 of 10 recovery codes left.");
  await other.context().close();

  const again = await freshPage(browser);
  await typeCredentials(again);
  await again.getByLabel("Code from your authenticator app").fill(recoveryCodes[0]!);
  await again.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(again.getByRole("main").getByRole("alert")).toHaveText(/^That code is not right, or was used already/);
  await again.getByRole("button", { name: "Use another account" }).click();
  await expect(again.getByLabel("Code from your authenticator app")).toHaveCount(0);
  await expect(again.getByLabel("Email")).toBeEditable();
  // A wrong password never reaches the second step.
  await typeCredentials(again, "not the password");
  await expect(again.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an active account.");
  await expect(again.getByLabel("Code from your authenticator app")).toHaveCount(0);
  await again.context().close();
});

test("an admin turns two-step sign-in off for a colleague who lost their phone; their password alone signs in", async ({ page, browser }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/users");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: NAME }) });
  await expect(row).toContainText("with two-step sign-in");
  await row.getByRole("button", { name: `Turn off two-step sign-in of ${NAME}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Turn off two-step sign-in" }).click();
  await expect(page.getByRole("status")).toHaveText(`Two-step sign-in is off for ${NAME}: their password alone signs them in. Ask them to turn it on again from Your account.`);
  await expect(row).not.toContainText("with two-step sign-in");

  const tove = await freshPage(browser);
  await signIn(tove, email);
  await tove.goto("/account");
  await expect(tove.getByRole("button", { name: "Turn on two-step sign-in" })).toBeVisible();
  // A reviewer may not do the same to anyone.
  expect((await tove.request.delete(`/api/users/${(await (await page.request.get("/api/account")).json()).account.id}/two-step`)).status()).toBe(403);
  await tove.context().close();
});

test.describe("required of editors and admins", () => {
  const adminEmail = `ama.second.${STAMP}@example.com`;
  const editorEmail = `eve.editor.${STAMP}@example.com`;
  let adminContext: BrowserContext | undefined;

  // Whatever happens, the rule is lifted again: the specs after this one sign in with passwords alone.
  test.afterAll(async () => {
    if (adminContext) expect((await adminContext.request.put("/api/settings/two-step", { data: { required: false } })).status()).toBe(200);
    await adminContext?.close();
  });

  test("an admin with two-step sign-in requires it; an editor without it is led to turn theirs on before anything else", async ({ page, browser }, testInfo) => {
    // The first admin, without a second step of their own, may not require one of others.
    await signIn(page, "admin@example.com");
    for (const [email, name, role] of [
      [adminEmail, "Ama Second", "admin"],
      [editorEmail, "Eve Editor", "editor"],
    ]) {
      expect((await page.request.post("/api/users", { data: { email, name, role, password: PASSWORD } })).status()).toBe(201);
    }
    await page.goto("/admin/users");
    const rule = page.getByRole("checkbox", { name: "Require two-step sign-in of editors and admins" });
    // A click, not `check()`: the refusal may put the box back before a check could see it ticked.
    await rule.click();
    await expect(page.getByRole("alert").filter({ hasText: "Turn on your own two-step sign-in first" })).toBeVisible();
    await expect(rule).not.toBeChecked();

    // Ama turns hers on (through the API, as her browser would), then requires it.
    adminContext = await browser.newContext();
    const ama = await adminContext.newPage();
    await signIn(ama, adminEmail);
    const { setup } = (await (await ama.request.post("/api/account/two-step/setup")).json()) as { setup: { secret: string } };
    const turnedOn = await ama.request.post("/api/account/two-step", {
      data: { secret: setup.secret, code: totpCode(setup.secret, totpStepOf(new Date())), currentPassword: PASSWORD },
    });
    expect(turnedOn.status()).toBe(200);
    await ama.goto("/admin/users");
    const amaRule = ama.getByRole("checkbox", { name: "Require two-step sign-in of editors and admins" });
    await amaRule.click();
    await expect(ama.getByRole("status").filter({ hasText: "Two-step sign-in is required of editors and admins" })).toBeVisible();
    await expect(amaRule).toBeChecked();

    // Eve, an editor with a password alone, is led to her account wherever she goes, and the API refuses her.
    const eve = await freshPage(browser);
    await signIn(eve, editorEmail);
    await expect(eve).toHaveURL(/\/account$/);
    await eve.goto("/queue");
    await expect(eve).toHaveURL(/\/account$/);
    await expect(eve.getByRole("status").filter({ hasText: "The desk requires two-step sign-in of editors and admins" })).toBeVisible();
    const refused = await eve.request.get("/api/articles");
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^The desk requires two-step sign-in of editors and admins: turn yours on under Your account/);
    await eve.screenshot({ path: testInfo.outputPath("two-step-required.png") });

    await eve.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    const form = eve.getByRole("form", { name: "Turn on two-step sign-in" });
    const eveKey = ((await form.locator(".two-step__key").textContent()) ?? "").replace(/\s/g, "");
    await form.getByLabel("Code from the app").fill(totpCode(eveKey, totpStepOf(new Date())));
    await form.getByLabel("Your current password").fill(PASSWORD);
    await form.getByRole("button", { name: "Turn on" }).click();
    await eve.getByRole("region", { name: "Your recovery codes" }).getByRole("button", { name: "I have kept them" }).click();
    await expect(eve.getByText("The desk requires two-step sign-in of editors and admins")).toHaveCount(0);
    await eve.goto("/queue");
    await expect(eve.getByRole("heading", { level: 1 })).toHaveText("Review queue");
    expect((await eve.request.get("/api/articles")).status()).toBe(200);
    await eve.context().close();
  });
});
