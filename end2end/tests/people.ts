// Helpers that act as the people of the meeting in their own browser contexts.
import { expect, type Browser, type Page } from "@playwright/test";

export const committeeToken = process.env.PLENARIA_E2E_COMMITTEE_TOKEN!;

/** A fresh browser (its own cookies), with the project's JavaScript setting. */
export async function newPerson(browser: Browser, javaScriptEnabled: boolean, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport, locale: "es-ES" });
  return context.newPage();
}

/** Signs a page in as the organizing committee through its sign-in link. */
export async function signInAsCommittee(page: Page): Promise<void> {
  await page.goto(`/committee?token=${committeeToken}`);
  await page.getByRole("button", { name: "Entrar como Comité Organizador" }).click();
  // The sign-in screen has the same heading: wait for what only the dashboard shows.
  await expect(page.getByLabel("Código de la reunión")).toBeVisible();
}

/** The meeting code, as the committee sees it. */
export async function meetingCode(committee: Page): Promise<string> {
  const code = (await committee.getByLabel("Código de la reunión").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
  return code;
}

/** The committee creates a coordinator link for a group; returns its path. */
export async function coordinatorLink(committee: Page, groupLabel: string): Promise<string> {
  const card = committee.getByRole("article", { name: groupLabel });
  await card.getByRole("button", { name: "Crear enlace · Coordinador" }).click();
  const linkBox = card.getByRole("textbox", { name: "Enlace de Coordinador" });
  await expect(linkBox).toHaveValue(/\/coordinate\/[0-9a-f]{32}$/);
  return new URL(await linkBox.inputValue()).pathname;
}

/** Opens a coordinator link in a fresh browser and confirms it. */
export async function coordinatorOf(browser: Browser, path: string, javaScriptEnabled = true): Promise<Page> {
  const page = await newPerson(browser, javaScriptEnabled);
  await page.goto(path);
  await page.getByRole("button", { name: "Entrar como coordinador" }).click();
  await expect(page).toHaveURL(/\/me$/);
  return page;
}

/** A participant who joined with the code on a phone-sized screen. */
export async function joinedParticipant(browser: Browser, code: string, javaScriptEnabled: boolean, name: string, affiliation: string, sector?: string): Promise<Page> {
  const page = await newPerson(browser, javaScriptEnabled, { width: 390, height: 844 });
  await page.goto(`/join?code=${code}`);
  await page.getByLabel("Nombre").fill(name);
  await page.getByLabel("País u organización").fill(affiliation);
  if (sector) await page.getByRole("radio", { name: sector }).check();
  await page.getByRole("button", { name: "Unirme" }).click();
  // Joining leads straight to the guiding questions.
  await expect(page).toHaveURL(/\/answer$/);
  return page;
}

/** Opens the group's deputy link (committee.spec.ts uses the coordinator links). */
export async function deputyOf(browser: Browser, committee: Page, label: string): Promise<Page> {
  const card = committee.getByRole("article", { name: label });
  await card.getByRole("button", { name: "Crear enlace · Adjunto" }).click();
  const box = card.getByRole("textbox", { name: "Enlace de Adjunto" });
  await expect(box).toHaveValue(/\/coordinate\/[0-9a-f]{32}$/);
  const page = await newPerson(browser, true);
  await page.goto(new URL(await box.inputValue()).pathname);
  await page.getByRole("button", { name: "Entrar como coordinador" }).click();
  await expect(page).toHaveURL(/\/me$/);
  return page;
}
