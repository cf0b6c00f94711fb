import { expect, test } from "@playwright/test";
import { en, es, seed } from "./seed";

// Runs hydrated and without JavaScript: the switch is a form that works both ways.
test("switching to English translates the interface and the seed labels, and is remembered", async ({ page }) => {
  await page.goto("/sessions/1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es(seed.sessions[0].title));
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en(seed.sessions[0].title));
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Sessions" })).toBeVisible();
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  // Questions have no English text in the seed: they fall back to Spanish.
  const first = seed.guides[0].questions[0];
  await expect(page.getByText(es(first.text), { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en(seed.sessions[0].title));
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es(seed.sessions[0].title));
});
