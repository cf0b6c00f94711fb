// Every screenshot is also a check: the screen fits its width (nothing
// scrolls sideways: cramped is a bug) and has a title, before it is taken.
import { expect, Page } from "@playwright/test";

export async function shoot(page: Page, options: { path: string; fullPage?: boolean }): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${options.path}: the page scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  await expect(page, `${options.path}: a page title`).toHaveTitle(/\S/);
  await page.screenshot(options);
}
