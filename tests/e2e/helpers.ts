import { expect, type Page } from "@playwright/test";

export const PASSWORD = "a long test password";

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Enabled once the page has hydrated: its keyboard shortcuts listen from then on. On a phone, Sign
  // out is behind the header's Menu.
  await expect(page.getByRole("button", { name: /^(Sign out|Menu)$/ })).toBeEnabled();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
}

/** The viewport coordinates of the first and last character of `text` in the article. */
async function endsOf(page: Page, text: string) {
  return page.evaluate((wanted) => {
    const root = document.querySelector(".article-text")!;
    for (const block of Array.from(root.querySelectorAll("p"))) {
      const at = block.textContent!.indexOf(wanted);
      if (at === -1) continue;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (seen <= at && at < seen + length) range.setStart(node, at - seen);
        if (seen < at + wanted.length && at + wanted.length <= seen + length) range.setEnd(node, at + wanted.length - seen);
        seen += length;
      }
      const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
      const first = rects[0]!;
      const last = rects[rects.length - 1]!;
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`"${wanted}" is not in the article`);
  }, text);
}

/**
 * Waits until the page has stopped scrolling: a claim just opened scrolls smoothly into view, and
 * a drag measured while it moves starts in the wrong place.
 */
async function scrollSettled(page: Page) {
  await expect
    .poll(() => page.evaluate(() => new Promise<boolean>((resolve) => {
      const y = window.scrollY;
      setTimeout(() => resolve(window.scrollY === y), 150);
    })))
    .toBe(true);
}

/** Drags the mouse across `text` in the article, as a reader selecting a sentence would. */
export async function selectWithMouse(page: Page, text: string) {
  await page.waitForLoadState("networkidle");
  await scrollSettled(page);
  // Away from the viewport's edges, where dragging would scroll the page.
  await page.locator(".article-text p", { hasText: text }).evaluate((block) => block.scrollIntoView({ block: "center" }));
  await scrollSettled(page);
  const start = await endsOf(page, text);
  await page.mouse.move(start.x1, start.y1);
  await page.mouse.down();
  // Measured again once the button is down, in case the page scrolled in between.
  const end = await endsOf(page, text);
  await page.mouse.move(end.x2, end.y2, { steps: 12 });
  await page.mouse.up();
  // The editor reads the selection when the browser reports it: wait until it has, as a person's next key would.
  await expect.poll(() => page.evaluate(() => String(window.getSelection()))).toBe(text);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
}

/** Puts the caret before `text` with a click, then extends the selection over it with Shift+ArrowRight. */
export async function selectWithKeyboard(page: Page, text: string) {
  await page.waitForLoadState("networkidle");
  await page.locator(".article-text p", { hasText: text }).evaluate((block) => block.scrollIntoView({ block: "center" }));
  const { x1, y1 } = await endsOf(page, text);
  await page.mouse.click(x1 - 1, y1);
  for (let presses = 0; presses < text.length * 2; presses++) {
    if ((await page.evaluate(() => String(window.getSelection()))) === text) {
      // As with the mouse: the editor reads the selection when the browser reports it, a frame later.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
      return;
    }
    await page.keyboard.press("Shift+ArrowRight");
  }
  throw new Error(`Shift+ArrowRight did not select "${text}"`);
}

/** Chooses the article `title` in a filter by typing it and taking the match offered, with Enter or (`by: "click"`) the mouse. */
export async function chooseArticle(page: Page, title: string, by: "enter" | "click" = "enter") {
  const field = page.getByRole("combobox", { name: "Article", exact: true });
  await field.fill(title);
  const match = page.getByRole("listbox", { name: "Matching articles" }).getByRole("option").filter({ hasText: title }).first();
  await expect(match).toBeVisible();
  if (by === "click") await match.click();
  else {
    await expect(match).toHaveAttribute("aria-selected", "true");
    await field.press("Enter");
  }
  await expect(field).toHaveValue(title);
}
