import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/** Backups of the embedded database: an admin downloads one made now; nobody else may. */
test("an admin downloads a backup of the whole desk, which the audit trail records", async ({ page }, testInfo) => {
  await signIn(page, "admin@example.com");
  await page.getByRole("link", { name: "Backups" }).click();
  await expect(page.getByRole("heading", { name: "Backups", level: 1 })).toBeVisible();
  await expect(page.getByText(/^Every 24 h into .*backups on the server; the newest 7 are kept\. The next is due on /)).toBeVisible();

  const saving = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download a backup now" }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toMatch(/^factcheck-desk-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.tar\.gz$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  expect(bytes.length).toBeGreaterThan(100_000);
  await expect(page.getByRole("status").filter({ hasText: `Saved ${download.suggestedFilename()}` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("backups.png"), fullPage: true });

  await page.goto("/admin/audit?action=backed_up");
  await expect(page.getByText(`downloaded a backup of the whole desk (${download.suggestedFilename()})`)).toBeVisible();
});

test("an editor has no backups: no link, a refusal on the page and from the API", async ({ page }) => {
  await signIn(page, "ed@example.com");
  await expect(page.getByRole("link", { name: "Backups" })).toHaveCount(0);
  await page.goto("/admin/backups");
  await expect(page.getByRole("alert").filter({ hasText: "Only admins can see and download backups" })).toBeVisible();
  const refused = await page.request.get("/api/admin/backup");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toEqual({ error: "Only admins can see and download backups: a backup holds every account." });
});
