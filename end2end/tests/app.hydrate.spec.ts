import { expect, test } from "@playwright/test";
import { joinedParticipant, meetingCode, newPerson, signInAsCommittee } from "./people";

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

test("switching language after typing an answer keeps what was typed", async ({ browser }) => {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const phone = await joinedParticipant(browser, await meetingCode(committee), true, "Ana Idioma", "Jamaica");
  await expect(phone.locator("body")).toHaveAttribute("data-hydrated", "true");
  const question = phone.getByRole("article", { name: /^a\) / });
  await question.getByLabel("Nueva respuesta").fill("Compras públicas sostenibles");
  await phone.getByRole("button", { name: "English" }).click();
  await expect(phone.locator("html")).toHaveAttribute("lang", "en");
  await expect(phone).toHaveURL(/\/answer$/);
  await expect(phone.getByRole("article", { name: /^a\) / }).getByLabel("New answer")).toHaveValue("Compras públicas sostenibles");
});

test("navigating between pages stays in the app", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 7));
  await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Referencia" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Material de referencia" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);
});
