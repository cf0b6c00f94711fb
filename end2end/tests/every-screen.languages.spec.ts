// Issue 17: every delegate reads the meeting in their own language. For each
// of the four languages, the screens a delegate, a coordinator and the
// committee use show no Spanish seed text (outside the "original wording"
// views), no Spanish interface string, one correct `<html lang>`, and no
// serious or critical accessibility violation (axe-core).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { joinedParticipant, meetingCode, newPerson, signInAsCommittee } from "./people";
import { langs, seedTexts, type Lang } from "./seed";

const ui = (lang: Lang): Record<string, string> =>
  JSON.parse(readFileSync(join(__dirname, "..", "..", "app", "locales", `${lang}.json`), "utf8"));

/** Spanish fragments that must not appear on a page in `lang`. */
function spanishOnlyIn(lang: Lang): string[] {
  const fromSeed = seedTexts()
    .filter((t) => t[lang] && t[lang] !== t.es)
    .map((t) => t.es.trim());
  const es = ui("es");
  const other = ui(lang);
  // UI strings: the longest literal piece of each (interpolations cut out).
  const fromUi = Object.keys(es)
    .filter((k) => es[k] !== other[k])
    .map((k) => es[k].split(/\{\{[^}]*\}\}/).sort((a, b) => b.length - a.length)[0].trim());
  // Short words ("Total", "Plan") may be the same in another language: only
  // fragments long enough to be a sentence of their own are checked.
  return [...new Set([...fromSeed, ...fromUi])].filter((s) => s.length >= 12);
}

/** The page's visible text, without the views that show the original on purpose. */
async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll(".original-wording, [lang='es'], script, style, template").forEach((n) => n.remove());
    return (body.textContent ?? "").replace(/\s+/g, " ");
  });
}

async function checkScreen(page: Page, path: string, lang: Lang, forbidden: string[]) {
  await page.goto(path);
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(page.locator(".loading")).toHaveCount(0);
  // One `lang` attribute on <html>, the reader's.
  const html = await page.evaluate(() => document.documentElement.outerHTML.slice(0, document.documentElement.outerHTML.indexOf(">") + 1));
  expect(html.match(/\slang=/g)?.length ?? 0, `${path}: ${html}`).toBe(1);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  const text = await readableText(page);
  const leaks = forbidden.filter((s) => text.includes(s.replace(/\s+/g, " ")));
  expect(leaks, `${path} in ${lang} shows Spanish`).toEqual([]);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  expect(bad, `${path} in ${lang}: accessibility`).toEqual([]);
}

async function inLanguage(page: Page, lang: Lang) {
  // The cookie the language switch sets (the switch itself: language.spec.ts).
  await page.context().addCookies([{ name: "i18n_pref_locale", value: lang, url: new URL(page.url()).origin }]);
}

async function people(browser: Browser, lang: Lang) {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const code = await meetingCode(committee);
  const phone = await joinedParticipant(browser, code, true, `Delegada ${lang}`, "Jamaica");
  await inLanguage(committee, lang);
  await inLanguage(phone, lang);
  return { committee, phone };
}

for (const lang of langs) {
  test(`every screen reads in ${lang}, with one html lang and no serious accessibility violation`, async ({ browser }) => {
    test.setTimeout(90_000);
    const forbidden = lang === "es" ? [] : spanishOnlyIn(lang);
    expect(lang === "es" || forbidden.length > 300, "the check has Spanish to look for").toBe(true);
    const { committee, phone } = await people(browser, lang);
    for (const path of ["/", "/sessions/1", "/sessions/4", "/join"]) await checkScreen(phone, path, lang, forbidden);
    await checkScreen(phone, "/answer", lang, forbidden);
    for (const path of ["/groups/caribe/matrix", "/groups/caribe/answers", "/groups/mixto-1/answers", "/plenary", "/plan"]) {
      await checkScreen(committee, path, lang, forbidden);
    }
  });
}

test("a first visit with Accept-Language pt-BR lands in Portuguese", async ({ browser }) => {
  const context = await browser.newContext({ locale: "pt-BR" });
  const page = await context.newPage();
  await page.goto("/sessions/1");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt");
  await expect(page.getByRole("button", { name: "Português" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("navigation", { name: ui("pt").main_navigation })).toBeVisible();
  await context.close();
});
