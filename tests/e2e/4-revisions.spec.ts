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
  // Part of the claim deleted, then undone: its highlight covers the whole sentence again, not what the deletion left.
  await selectWithMouse(page, "pledged to limit the use of");
  await page.keyboard.press("Backspace");
  await expect(page.locator("mark.claim", { hasText: "In June of 2022" })).toHaveText(EDITED_CLAIM.replace("pledged to limit the use of", ""));
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.locator("mark.claim", { hasText: "In June of 2022" })).toHaveText(EDITED_CLAIM);

  // Link asks for the address in the page's own dialog, and takes only a web address.
  await selectWithMouse(page, "green light");
  await page.getByRole("toolbar", { name: "Edit the article" }).getByRole("button", { name: "Link" }).click();
  const linking = page.getByRole("dialog", { name: "Link the selected text" });
  await expect(linking.getByLabel("Link address")).toBeFocused();
  await page.keyboard.type("javascript:alert(1)");
  await page.keyboard.press("Enter");
  await expect(linking.getByRole("alert")).toContainText("starts with http:// or https://");
  await linking.getByLabel("Link address").fill("https://www.defense.gov/News/");
  await linking.getByRole("button", { name: "Apply link" }).click();
  await expect(linking).toHaveCount(0);
  await expect(page.locator(".article-text a", { hasText: "green light" })).toHaveAttribute("href", "https://www.defense.gov/News/");

  // Delete the paragraph that holds Ed's claim.
  await selectWithMouse(page, DELETED_PARAGRAPH);
  await page.keyboard.press("Backspace");
  await expect(page.locator(".article-text")).not.toContainText("dense minefields");
  // The editor is told, before saving, that the claim on it loses all its text.
  await expect(page.getByRole("status").filter({ hasText: "Your edits delete all the text of 1 claim (in review)." })).toBeVisible();
  // Undo brings the paragraph back with its highlight; redo deletes it again.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.locator("mark.claim", { hasText: "Russia has been using both anti-personnel and anti-tank mines" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Your edits delete" })).toBeHidden();
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(page.locator(".article-text")).not.toContainText("dense minefields");
  await expect(page.getByRole("status").filter({ hasText: "Your edits delete all the text of 1 claim (in review)." })).toBeVisible();

  // Ctrl+S (Cmd+S) saves the revision, instead of the browser's "Save page as".
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByText(/Saved revision 2: .* 1 orphaned/)).toBeVisible();
  await expect(page.getByText("Revision 2", { exact: true })).toBeVisible();
  await expect(page.locator("mark.claim--approved.claim--verdict-mostly_true")).toHaveText(EDITED_CLAIM);
  // Its words changed ("of" added): the approved verdict waits for a person's check before it stands again.
  const rita = page.getByRole("article", { name: /Claim by Rita Reviewer/ });
  await expect(rita.getByText("Check placement")).toBeVisible();
  // Her card shows what the revision did to the words she checked, and where to see the whole change.
  await rita.getByRole("button", { name: /In June of 2022/ }).click();
  const check = rita.getByRole("group", { name: "Check placement" });
  await expect(check).toContainText("Its words changed since it was checked in revision 1");
  await expect(check.locator("ins")).toHaveText("of ");
  await expect(check.locator("del")).toHaveCount(0);
  await expect(check.getByRole("link", { name: "Compare the article with revision 1" })).toHaveAttribute("href", /\/revisions\?from=1$/);
  await expect(check.getByRole("button", { name: "Confirm placement" })).toBeVisible();
  await check.screenshot({ path: testInfo.outputPath("check-placement.png") });
  // The claims panel lists the placements to check on their own.
  const show = page.getByRole("region", { name: /^Claims/ }).getByLabel("Show");
  await expect(show.getByRole("option", { name: "Placement to check (1)" })).toBeAttached();
  await show.selectOption("check");
  await expect(page.getByRole("region", { name: /^Claims/ }).getByRole("article")).toHaveCount(1);
  await show.selectOption("all");

  const orphans = page.getByRole("region", { name: /Orphaned/ });
  const orphan = orphans.getByRole("article", { name: "Orphaned claim by Ed Editor" });
  await expect(orphan).toContainText("Russia has been using both anti-personnel and anti-tank mines since the war began.");
  await page.screenshot({ path: testInfo.outputPath("orphaned-panel.png"), fullPage: true });
  // Where did its text go? The revision's changes, its paragraph struck through.
  await expect(orphan).toContainText("Revision 2 took its text.");
  await orphan.getByRole("link", { name: "See what revision 2 changed" }).click();
  await expect(page.getByRole("region", { name: "Changes from revision 1 to revision 2" }).locator("del", { hasText: "dense minefields" })).toBeVisible();
  await page.goBack();

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
  // The list of articles says which revision each is at, and when it was saved.
  await expect(page.getByRole("row", { name: new RegExp(ARTICLE) })).toContainText(/Revision 2, saved \d+ \w+ \d{4}, \d\d:\d\d/);
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

  // The button beside "Edit article" opens a dialog whose "Choose a file…" opens the file picker.
  await page.getByRole("button", { name: "Import new version…" }).click();
  const picker = page.waitForEvent("filechooser");
  await page.getByRole("dialog", { name: "Import a new version" }).getByRole("button", { name: "Choose a file…" }).click();
  await (await picker).setFiles({ name: "update.txt", mimeType: "text/plain", buffer: Buffer.from(newer) });
  // Every claim placed before the import is still placed after it; how many there are depends on the specs before.
  await expect(page.getByText(/Saved revision 3: \d+ claims? re-anchored, 0 orphaned/)).toBeVisible();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.locator(".article-text")).toContainText("Updated at 10:00 with comment from the Pentagon.");
  await expect(page.locator("mark.claim", { hasText: "In June of 2022" })).toBeVisible();
  await expect(page.locator("mark.claim", { hasText: "Despite heavy losses" })).toBeVisible();

  // The history shows the changed paragraph with its neighbour, and folds the unchanged ones before them until asked.
  await page.getByRole("link", { name: "History and comparison" }).click();
  const changes = page.getByRole("region", { name: "Changes from revision 2 to revision 3" });
  await expect(changes.locator("ins", { hasText: "Updated at 10:00" })).toBeVisible();
  const opening = changes.getByText(/The Biden administration has decided/);
  await expect(opening).toBeHidden();
  await changes.getByText(/^\d+ unchanged paragraphs$/).click();
  await expect(opening).toBeVisible();
});

test("a claim being written follows its text when an editor saves a revision, and asks for a new selection when the text is gone", async ({ browser }, testInfo) => {
  const FIRST = "The council approved a budget of 12 million dollars on Monday, the mayor said.";
  const SECOND = "Critics said the plan would cost about 40 million dollars over ten years.";
  const THIRD = "The report was published on Tuesday.";
  const [ritaContext, edContext] = [await browser.newContext(), await browser.newContext()];
  const [rita, ed] = [await ritaContext.newPage(), await edContext.newPage()];
  await signIn(ed, "ed@example.com");
  const created = await ed.request.post("/api/articles", { data: { format: "text", title: "Council budget approved", content: `${FIRST}\n\n${SECOND} ${THIRD}` } });
  expect(created.status()).toBe(201);
  const { article } = (await created.json()) as { article: { id: string } };
  const importVersion = async (baseRevision: number, content: string) =>
    expect((await ed.request.post(`/api/articles/${article.id}/revisions/import`, { data: { baseRevision, format: "text", content } })).status()).toBe(201);

  await signIn(rita, "rita@example.com");
  await rita.goto(`/articles/${article.id}`);
  await selectWithMouse(rita, "The council approved a budget of 12 million dollars on Monday");
  await rita.getByRole("button", { name: /Annotate claim/ }).click();
  const form = rita.getByRole("form", { name: "New claim" });
  await form.getByLabel("Explanation").fill("The minutes of Monday's meeting give the figure.");

  // Ed corrects the figure, with a line added above: Rita's page follows, and so does her selection.
  await importVersion(1, `Corrected on Tuesday.\n\n${FIRST.replace("12", "14")}\n\n${SECOND} ${THIRD}`);
  await expect(rita.getByText("Revision 2", { exact: true })).toBeVisible();
  await expect(form.locator("blockquote")).toHaveText("The council approved a budget of 14 million dollars on Monday");
  await expect(form.getByRole("status")).toContainText("Revision 2 changed the text you selected");
  // The form stays in place: the caret is still where Rita was typing.
  await expect(form.getByLabel("Explanation")).toBeFocused();
  await rita.screenshot({ path: testInfo.outputPath("new-claim-followed.png"), fullPage: true });
  await form.getByRole("button", { name: "Save draft" }).click();
  const saved = rita.getByRole("article", { name: /Claim by Rita Reviewer/ });
  await expect(saved).toContainText("The council approved a budget of 14 million dollars on Monday");
  await expect(saved).toContainText("The minutes of Monday's meeting give the figure.");

  // A second claim, whose sentence Ed then deletes: the form keeps Rita's text and takes her next selection.
  await selectWithMouse(rita, SECOND);
  await rita.getByRole("button", { name: /Annotate claim/ }).click();
  await form.getByLabel("Explanation").fill("The report puts the cost at 45 million.");
  await importVersion(2, `Corrected on Tuesday.\n\n${FIRST.replace("12", "14")}\n\n${THIRD}`);
  await expect(form.getByRole("alert")).toContainText("Revision 3 removed the text you selected");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(form.getByText(/Select the claim's text in the article first/)).toBeVisible();
  await selectWithMouse(rita, THIRD);
  await rita.getByRole("button", { name: /Annotate claim/ }).click();
  await expect(form.locator("blockquote")).toHaveText(THIRD);
  await expect(form.getByLabel("Explanation")).toHaveValue("The report puts the cost at 45 million.");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(rita.getByRole("article", { name: /Claim by Rita Reviewer/ })).toHaveCount(2);
  await expect(rita.locator("mark.claim", { hasText: THIRD })).toBeVisible();

  // Annotating other text while a claim is being written asks before its text is discarded.
  await selectWithMouse(rita, "Corrected on Tuesday.");
  await rita.getByRole("button", { name: /Annotate claim/ }).click();
  await form.getByLabel("Explanation").fill("Unfinished.");
  const discarding = rita.getByRole("alertdialog", { name: "Discard the claim you have not saved yet?" });
  const annotateThird = async (answer: string) => {
    await selectWithMouse(rita, THIRD);
    await rita.getByRole("button", { name: /Annotate claim/ }).click();
    await discarding.getByRole("button", { name: answer }).click();
    await expect(discarding).toHaveCount(0);
  };
  await annotateThird("Cancel");
  await expect(form.locator("blockquote")).toHaveText("Corrected on Tuesday.");
  await expect(form.getByLabel("Explanation")).toHaveValue("Unfinished.");
  await annotateThird("Discard and start the new claim");
  await expect(form.locator("blockquote")).toHaveText(THIRD);
  await expect(form.getByLabel("Explanation")).toHaveValue("");
  await Promise.all([ritaContext.close(), edContext.close()]);
});

test("an editor whose save crossed a colleague's merges their edits into the newer revision and keeps both", async ({ browser }, testInfo) => {
  const [adaContext, edContext] = [await browser.newContext(), await browser.newContext()];
  const [ada, ed] = [await adaContext.newPage(), await edContext.newPage()];
  await signIn(ed, "ed@example.com");
  const created = await ed.request.post("/api/articles", { data: { format: "text", title: "Harbour tender", content: "The tender closed on Friday.\n\nFour firms applied." } });
  const { article } = (await created.json()) as { article: { id: string } };
  await signIn(ada, "admin@example.com");
  for (const page of [ada, ed]) {
    await page.goto(`/articles/${article.id}`);
    await page.getByRole("button", { name: "Edit article" }).click();
    await expect(page.getByRole("toolbar", { name: "Edit the article" })).toBeVisible();
  }
  const typeAtEndOf = async (page: typeof ada, paragraph: string, text: string) => {
    await page.locator(".article-text p", { hasText: paragraph }).click();
    await page.keyboard.press("End");
    await page.keyboard.type(text);
  };
  await typeAtEndOf(ada, "The tender closed", " Ada's correction.");
  await typeAtEndOf(ed, "Four firms", " Ed's addition.");
  await ada.getByRole("button", { name: "Save revision" }).click();
  await expect(ada.getByText(/Saved revision 2/)).toBeVisible();

  await ed.getByRole("button", { name: "Save revision" }).click();
  await expect(ed.getByText(/Someone saved a newer revision of this article while you were editing/)).toBeVisible();
  // Typed after the refusal: merged too.
  await typeAtEndOf(ed, "Four firms", " More.");
  await ed.getByRole("button", { name: "Merge my edits into the newer revision" }).click();
  await expect(ed.getByText("Your edits are merged into revision 2, with its changes kept. Check the text, then save.")).toBeVisible();
  await expect(ed.locator(".article-text")).toContainText("The tender closed on Friday. Ada's correction.");
  await expect(ed.locator(".article-text")).toContainText("Four firms applied. Ed's addition. More.");
  await ed.screenshot({ path: testInfo.outputPath("merged-edits.png"), fullPage: true });
  await ed.getByRole("button", { name: "Save revision" }).click();
  await expect(ed.getByText(/Saved revision 3/)).toBeVisible();
  const { article: saved } = (await (await ed.request.get(`/api/articles/${article.id}`)).json()) as { article: { plainText: string } };
  expect(saved.plainText).toBe("The tender closed on Friday. Ada's correction.\nFour firms applied. Ed's addition. More.");
  await Promise.all([adaContext.close(), edContext.close()]);
});

test("an editor restores the revision before a paragraph was deleted, and the claim orphaned with it comes back to its text", async ({ page }, testInfo) => {
  const KEPT = "The port reopened on Friday after the storm.";
  const LOST = "Officials said 3,000 containers were damaged.";
  await signIn(page, "ed@example.com");
  const created = await page.request.post("/api/articles", { data: { format: "text", title: "Port reopens", content: `${KEPT}\n\n${LOST}` } });
  expect(created.status()).toBe(201);
  const { id } = ((await created.json()) as { article: { id: string } }).article;
  const { article } = (await (await page.request.get(`/api/articles/${id}`)).json()) as { article: { id: string; plainText: string } };
  const start = article.plainText.indexOf(LOST);
  // Two claims on the paragraph the next revision deletes.
  for (const explanation of ["One.", "Two."]) {
    const claim = await page.request.post(`/api/articles/${article.id}/annotations`, {
      data: {
        selectors: [
          { type: "TextQuoteSelector", exact: LOST, prefix: article.plainText.slice(Math.max(0, start - 32), start), suffix: "" },
          { type: "TextPositionSelector", start, end: start + LOST.length },
        ],
        verdict: null,
        explanation,
        sources: [],
      },
    });
    expect(claim.status()).toBe(201);
  }
  const revision2 = await page.request.post(`/api/articles/${article.id}/revisions/import`, { data: { baseRevision: 1, format: "text", content: KEPT } });
  expect(await revision2.json()).toMatchObject({ revision: 2, orphaned: 2 });

  await page.goto(`/articles/${article.id}`);
  const orphans = page.getByRole("region", { name: /Orphaned/ });
  await expect(orphans.getByRole("article")).toHaveCount(2);
  // Discarding one asks first, with Cancel ready for Enter.
  const discarded = orphans.getByRole("article").first();
  await discarded.getByRole("button", { name: "Discard" }).click();
  const discarding = page.getByRole("alertdialog", { name: "Discard this orphaned claim?" });
  await expect(discarding.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(discarding).toHaveCount(0);
  await expect(orphans.getByRole("article")).toHaveCount(2);
  await discarded.getByRole("button", { name: "Discard" }).click();
  await discarding.getByRole("button", { name: "Discard claim" }).click();
  await expect(orphans.getByRole("article")).toHaveCount(1);
  await page.getByRole("link", { name: "History and comparison" }).click();
  await page.getByRole("link", { name: "Read revision 1" }).click();
  const restore = page.getByRole("button", { name: "Restore revision 1" });
  await restore.click();
  // The page asks first; Escape changes nothing and gives the focus back to the button.
  const asking = page.getByRole("alertdialog", { name: "Restore the text of revision 1?" });
  await expect(asking).toContainText("It becomes revision 3, and the claims move with it.");
  await expect(asking.getByRole("button", { name: "Restore as revision 3" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(asking).toHaveCount(0);
  await expect(restore).toBeFocused();
  await restore.click();
  await asking.getByRole("button", { name: "Restore as revision 3" }).click();
  await expect(page.getByRole("status")).toHaveText("Restored as revision 3: 0 claims re-anchored, 0 orphaned, 0 to check; 1 orphan back on its text.");
  // The history says what each save did to the claims, and which revision the restore brought back.
  const restoredRow = page.getByRole("row", { name: /^3 \(current\)/ });
  await expect(restoredRow).toContainText("restoring revision 1");
  await expect(restoredRow).toContainText("1 orphan back on its text");
  await expect(page.getByRole("row", { name: /^2 / })).toContainText("2 orphaned");
  await page.screenshot({ path: testInfo.outputPath("restored.png"), fullPage: true });

  await page.getByRole("link", { name: "Open the article" }).click();
  await expect(page.locator("mark.claim", { hasText: LOST })).toBeVisible();
  await expect(page.getByRole("region", { name: /Orphaned/ })).toHaveCount(0);
  const card = page.getByRole("article", { name: /Claim by Ed Editor/ });
  await card.getByRole("button", { expanded: false }).click();
  await expect(card.getByText("saved revision 3, which brought its text back")).toBeVisible();
});

test("an orphan whose sentence a revision reworded is offered the new sentence, and re-attached to it in one step", async ({ page }, testInfo) => {
  const BEFORE = "Officials said 3,000 containers were damaged.";
  const AFTER = "Port officials now put the damage at 2,400 containers.";
  const paragraph = (sentence: string) => `The harbour reopened on Friday after a week of repairs. ${sentence} Ships queued outside the harbour all morning, and the first ferry left at noon.`;
  await signIn(page, "rita@example.com");
  const ed = await page.context().browser()!.newContext();
  const edPage = await ed.newPage();
  await signIn(edPage, "ed@example.com");
  const created = await edPage.request.post("/api/articles", { data: { format: "text", title: "Harbour damage", content: paragraph(BEFORE) } });
  const { id } = ((await created.json()) as { article: { id: string } }).article;

  await page.goto(`/articles/${id}`);
  await selectWithMouse(page, BEFORE);
  await page.getByRole("button", { name: /Annotate claim/ }).click();
  await page.getByRole("form", { name: "New claim" }).getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator("mark.claim", { hasText: BEFORE })).toBeVisible();
  const imported = await edPage.request.post(`/api/articles/${id}/revisions/import`, { data: { baseRevision: 1, format: "text", content: paragraph(AFTER) } });
  expect(await imported.json()).toMatchObject({ revision: 2, orphaned: 1 });
  await ed.close();

  // The page follows the revision; the orphan's card offers what now stands in its place.
  const orphans = page.getByRole("region", { name: /Orphaned/ });
  await expect(orphans).toContainText(`In its place the article now says: ${AFTER}`);
  await orphans.screenshot({ path: testInfo.outputPath("replacement-offer.png") });
  await orphans.getByRole("button", { name: "Re-attach to this text" }).click();
  await expect(orphans).toHaveCount(0);
  await expect(page.locator("mark.claim", { hasText: AFTER })).toHaveText(AFTER);
  const card = page.getByRole("article", { name: /Claim by Rita Reviewer/ });
  await expect(card.getByText(/re-attached it to the text/)).toBeVisible();
});
