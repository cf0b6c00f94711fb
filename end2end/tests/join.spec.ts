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

  // Straight to the group's guiding questions; the group and its people are under "Mi grupo".
  await expect(phonePage).toHaveURL(/\/answer$/);
  await expect(phonePage.getByText("Grupo 3: Subregión Andina")).toBeVisible();
  await expect(phonePage.getByRole("article", { name: /^a\) / })).toBeVisible();
  await phonePage.goto("/me");
  await expect(phonePage.getByRole("heading", { level: 2, name: "Grupo 3: Subregión Andina" })).toBeVisible();
  await expect(phonePage.getByRole("link", { name })).toBeVisible();

  // The choice is remembered on this device, and can be changed.
  await phonePage.goto("/join");
  await expect(phonePage.getByRole("heading", { level: 1, name: "Mis datos" })).toBeVisible();
  await phonePage.getByLabel("Grupo (sesiones 1–3)").selectOption({ label: "Grupo 5: ONGs" });
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
  await expect(page.getByText("Grupo 5: ONGs")).toBeVisible();
});

test("delegates join whatever their country is called, and an unlisted country is asked to choose a group beside that field", async ({ browser }, info) => {
  // Four delegates, each in a fresh browser: more than the default 20 s on two cores.
  test.setTimeout(60_000);
  const js = info.project.use.javaScriptEnabled !== false;
  const committee = await newPerson(browser, js);
  await signInAsCommittee(committee);
  const code = await meetingCode(committee);

  // Listed countries, written in English or without accents: suggested and joined.
  const people = [
    ["Brazil", "Grupo 4: Subregión Cono Sur", "Cono Sur"],
    ["Saint Vincent and the Grenadines", "Grupo 1: Subregión Caribe", "Caribe"],
    ["Mexico", null, null],
    ["chile", null, null],
  ] as const;
  for (const [country, group, name] of people) {
    const page = await newPerson(browser, js, phone);
    await page.goto(`/join?code=${code}`);
    if (js) await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
    await page.getByLabel("País u organización").fill(country);
    if (group) {
      if (js) await expect(page.locator("#group-hint")).toHaveText(`Sugerencia: ${name}`);
      await page.getByRole("button", { name: "Unirme" }).click();
      await expect(page.getByText(group)).toBeVisible();
    } else {
      const choice = page.getByLabel("Grupo (sesiones 1–3)");
      const help = "no está en la lista de ningún grupo";
      if (js) {
        // Said beside the group list as soon as the country is typed.
        await expect(page.locator("#group-hint")).toContainText(help);
      } else {
        // Without JavaScript the server says it, beside the same field.
        await page.getByRole("button", { name: "Unirme" }).click();
        await expect(page.locator("#group-error")).toContainText(help);
        await expect(page.getByLabel("País u organización")).toBeVisible();
        await page.getByLabel("Código de la reunión").fill(code);
        await page.getByLabel("País u organización").fill(country);
      }
      await choice.selectOption({ label: "Grupo 2: Subregión Mesoamérica" });
      await page.getByRole("button", { name: "Unirme" }).click();
      await expect(page.getByText("Grupo 2: Subregión Mesoamérica")).toBeVisible();
    }
    // Either way, the same taps lead straight to the questions.
    await expect(page).toHaveURL(/\/answer$/);
    await expect(page.getByRole("article", { name: /^a\) / })).toBeVisible();
    await page.close();
  }
});
