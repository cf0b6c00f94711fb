import { expect, test } from "@playwright/test";
import { meetingCode, newPerson, signInAsCommittee } from "./people";

const phone = { width: 390, height: 844 };

test("a participant joins a group by code on a phone", async ({ browser }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  const committee = await newPerson(browser, js);
  await signInAsCommittee(committee);
  const code = await meetingCode(committee);

  // Both projects run against one server: names differ per project.
  const name = `Lucía ${info.project.name}`;
  const phonePage = await newPerson(browser, js, phone);
  await phonePage.goto("/");
  await phonePage.getByRole("link", { name: "Unirse" }).click();
  await phonePage.getByLabel("Código de la reunión").fill(code.toLowerCase());
  await phonePage.getByLabel("Nombre").fill(name);
  await phonePage.getByLabel("País u organización").fill("Perú");
  await phonePage.getByRole("button", { name: "Unirme" }).click();

  await expect(phonePage).toHaveURL(/\/me$/);
  await expect(phonePage.getByRole("heading", { level: 2, name: "Grupo 3: Subregión Andina" })).toBeVisible();
  await expect(phonePage.getByRole("link", { name })).toBeVisible();

  // The choice is remembered on this device, and can be changed.
  await phonePage.goto("/join");
  await expect(phonePage.getByRole("heading", { level: 1, name: "Mis datos" })).toBeVisible();
  await phonePage.getByLabel("Grupo (sesiones 1 a 3)").selectOption({ label: "Grupo 5: ONGs" });
  await phonePage.getByRole("button", { name: "Guardar" }).click();
  await expect(phonePage.getByRole("heading", { level: 2, name: "Grupo 5: ONGs" })).toBeVisible();

  // The committee sees the new participant in that group.
  await committee.reload();
  const ongs = committee.getByRole("article", { name: "Grupo 5: ONGs" });
  await expect(ongs.getByText(name, { exact: true })).toBeVisible();
});

test("a QR code link fills in the code, and a wrong code is explained", async ({ browser }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  const committee = await newPerson(browser, js);
  await signInAsCommittee(committee);
  const code = await meetingCode(committee);

  const page = await newPerson(browser, js, phone);
  await page.goto("/join?code=ZZZ2ZZ");
  await page.getByLabel("País u organización").fill("Chile");
  await page.getByRole("radio", { name: "ONGs" }).check();
  await page.getByRole("button", { name: "Unirme" }).click();
  await expect(page.getByRole("alert")).toContainText("no corresponde a esta reunión");

  await page.goto(`/join?code=${code}`);
  await expect(page.getByLabel("Código de la reunión")).toHaveValue(code);
  await page.getByLabel("País u organización").fill("Chile");
  await page.getByRole("radio", { name: "ONGs" }).check();
  await page.getByRole("button", { name: "Unirme" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Grupo 5: ONGs" })).toBeVisible();
});
