import { expect, test } from "@playwright/test";
import { selectWithMouse, signIn } from "./helpers";

// Runs after 1-workbench.spec.ts: Rita's approved claim on CLAIM and Ed's claim on DELETED_PARAGRAPH's first sentence.
test.describe.configure({ mode: "serial" });

const ARTICLE = "US to send anti-personnel mines to Ukraine";
const EDITED_CLAIM = "In June of 2022, just months into the war, the Biden administration pledged to limit the use of anti-personnel mines worldwide.";
const DELETED_PARAGRAPH =
  "Russia has been using both anti-personnel and anti-tank mines since the war began. They’ve created dense minefields to slow down Ukrainian forces trying to push back. Last summer, during Ukraine’s counteroffensive, one Ukrainian official even described the number of Russian mines as “insane.”";
const NEW_PLACE = "Despite heavy losses, Russia’s relentless pressure, combined with Ukraine facing shortages in troops and ammo, has allowed Russia to grab more ground.";

test("an editor's revision moves a claim with its edited sentence, orphans one on a deleted paragraph, which is re-attached", async ({ page }, testInfo) => {
  await signIn(page, "ed@example.com");
  await page.getByRole("link", { name: ARTICLE }).click();
  await expect(page.locator("mark.claim").first()).toBeVisible();

  await page.getByRole("button", { name: "Edit article" }).click();
  await expect(page.getByRole("toolbar", { name: "Edit the article" })).toBeVisible();

  // Type over "June" with "June of" in the claim's sentence: the highlight maps through the edit as it is typed.
  await selectWithMouse(page, "June");
  await page.keyboard.type("June of");
  await expect(page.locator("mark.claim", { hasText: "In June of 2022" })).toBeVisible();

  // Delete the paragraph that holds Ed's claim.
  await selectWithMouse(page, DELETED_PARAGRAPH);
  await page.keyboard.press("Backspace");
  await expect(page.locator(".article-text")).not.toContainText("dense minefields");

  await page.getByRole("button", { name: "Save revision" }).click();
  await expect(page.getByText(/Saved revision 2: .* 1 orphaned/)).toBeVisible();
  await expect(page.getByText("Revision 2", { exact: true })).toBeVisible();
  await expect(page.locator("mark.claim--approved.claim--verdict-mostly_true")).toHaveText(EDITED_CLAIM);

  const orphans = page.getByRole("region", { name: /Orphaned/ });
  const orphan = orphans.getByRole("article", { name: "Orphaned claim by Ed Editor" });
  await expect(orphan).toContainText("Russia has been using both anti-personnel and anti-tank mines since the war began.");
  await page.screenshot({ path: testInfo.outputPath("orphaned-panel.png"), fullPage: true });

  await orphan.getByRole("button", { name: "Re-attach to new text" }).click();
  await selectWithMouse(page, NEW_PLACE);
  await page.getByRole("button", { name: /Re-attach claim here/ }).click();
  await expect(orphans).toHaveCount(0);
  const card = page.getByRole("article", { name: /Claim by Ed Editor/ });
  await expect(card).toContainText(NEW_PLACE.slice(0, 40));
  await expect(card.getByText(/re-attached it to the text/)).toBeVisible();
  await expect(card.getByText(/lost its text in revision 2 \(orphaned\)/)).toBeVisible();

  await page.reload();
  await expect(page.locator("mark.claim", { hasText: "Despite heavy losses" })).toBeVisible();
  await expect(page.locator("mark.claim", { hasText: "In June of 2022" })).toBeVisible();
});

test("the revision history compares two revisions", async ({ page }) => {
  await signIn(page, "rita@example.com");
  await page.getByRole("link", { name: ARTICLE }).click();
  await page.getByRole("link", { name: "History and comparison" }).click();
  await expect(page.getByRole("heading", { name: /Revisions/ })).toBeVisible();
  await expect(page.locator("ins", { hasText: "of" }).first()).toBeVisible();
  await expect(page.locator("del", { hasText: "dense minefields" })).toBeVisible();
});

test("an editor imports a newer version from a file, and the claims follow into the new revision", async ({ page }) => {
  await signIn(page, "ed@example.com");
  await page.getByRole("link", { name: ARTICLE }).click();
  await page.waitForURL(/\/articles\/[0-9a-f-]{36}$/);
  const articleId = page.url().split("/").pop()!;
  const { article } = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as { article: { plainText: string } };
  const newer = article.plainText.replace("What do you think of this decision? Let us know your thoughts!", "Updated at 10:00 with comment from the Pentagon.");

  await page.getByLabel(/Import new version/).setInputFiles({ name: "update.txt", mimeType: "text/plain", buffer: Buffer.from(newer) });
  await expect(page.getByText(/Saved revision 3: 3 claims re-anchored, 0 orphaned/)).toBeVisible();
  await expect(page.locator(".article-text")).toContainText("Updated at 10:00 with comment from the Pentagon.");
  await expect(page.locator("mark.claim", { hasText: "In June of 2022" })).toBeVisible();
  await expect(page.locator("mark.claim", { hasText: "Despite heavy losses" })).toBeVisible();
});
