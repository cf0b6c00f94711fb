import { expect, test } from "@playwright/test";

// Only with JavaScript: the page hydrates without errors and client-side
// features work without reloading the document.
test("pages hydrate without console errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  for (const path of ["/", "/sessions/1", "/sessions/4", "/reference", "/reference/matrix", "/reference/task-forces"]) {
    await page.goto(path);
    await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  }
  expect(errors).toEqual([]);
});

test("the language switch works in place once hydrated", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Meeting objectives" })).toBeVisible();
  // Same document: no reload happened.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

test("navigating between pages stays in the app", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
  await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Referencia" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Material de referencia" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
});
