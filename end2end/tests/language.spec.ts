import { expect, test } from "@playwright/test";
import { es, seed, tr, type Lang } from "./seed";

// Runs hydrated and without JavaScript: the switch is a form that works both
// ways (a post to /lang that comes back to the same page in the new language).
const names: Record<Lang, string> = { es: "Español", en: "English", pt: "Português", fr: "Français" };
const originals: Record<Lang, string> = { es: "", en: "Original wording (Spanish)", pt: "Texto original em espanhol", fr: "Texte original en espagnol" };

test("each language translates the interface and the meeting, keeps the original a tap away, and is remembered", async ({ page }) => {
  const session = seed.sessions[0];
  const first = seed.guides[0].questions[0];
  await page.goto("/sessions/1");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es(session.title));
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.locator(".original-wording")).toHaveCount(0);
  for (const lang of ["en", "pt", "fr"] as Lang[]) {
    await page.getByRole("button", { name: names[lang] }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(tr(session.title, lang));
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("button", { name: names[lang] })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText(tr(first.text, lang), { exact: true })).toBeVisible();
    // The official Spanish wording of the same question, one tap away.
    const question = page.locator(`#q-${first.id}`);
    await question.getByText(originals[lang]).click();
    await expect(question.locator(".original-wording [lang=es]")).toContainText(es(first.text));
  }
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tr(session.title, "fr"));
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(es(session.title));
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
});
