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
  await expect(page.getByRole("heading", { level: 1, name: "Comité Organizador" })).toBeVisible();
}

/** The meeting code, as the committee sees it. */
export async function meetingCode(committee: Page): Promise<string> {
  const code = (await committee.getByLabel("Código de la reunión").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{6}$/);
  return code;
}
