import { expect, test } from "@playwright/test";
import { joinedParticipant, meetingCode, newPerson, signInAsCommittee } from "./people";

// On venue Wi-Fi a phone shows the server's page seconds before its code has
// arrived. What a participant types in that gap must survive the page coming
// alive, and be sent as typed.
test("an answer typed before the page is live is kept and saved", async ({ browser }) => {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const phone = await joinedParticipant(browser, await meetingCode(committee), true, "Rosa Temprana", "Universidad de Chile", "ONGs");

  // Hold the page's code back until the answer is typed.
  let release!: () => void;
  const typed = new Promise<void>((resolve) => (release = resolve));
  await phone.route(/\/pkg\/.*\.wasm$/, async (route) => {
    await typed;
    await route.continue();
  });
  await phone.goto("/answer");
  const question = phone.getByRole("article", { name: /^b\) / });
  const answer = "Redes de consumo responsable en universidades";
  await question.getByLabel("Nueva respuesta").fill(answer);
  await expect(phone.locator("body")).not.toHaveAttribute("data-hydrated", "true");
  release();
  await expect(phone.locator("body")).toHaveAttribute("data-hydrated", "true");

  await expect(question.getByLabel("Nueva respuesta")).toHaveValue(answer);
  await question.getByRole("button", { name: "Añadir respuesta" }).click();
  await expect(question.getByRole("textbox", { name: "Sus respuestas" })).toHaveValue(answer);
  await expect(question.getByLabel("Nueva respuesta")).toHaveValue("");
});

test("a sector ticked before the join page is live decides the suggested group", async ({ browser }) => {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const code = await meetingCode(committee);
  const phone = await newPerson(browser, true, { width: 390, height: 844 });
  let release!: () => void;
  const ticked = new Promise<void>((resolve) => (release = resolve));
  await phone.route(/\/pkg\/.*\.wasm$/, async (route) => {
    await ticked;
    await route.continue();
  });
  await phone.goto(`/join?code=${code}`);
  await phone.getByLabel("País u organización").fill("Chile");
  await phone.getByRole("radio", { name: "ONGs" }).check();
  await expect(phone.locator("body")).not.toHaveAttribute("data-hydrated", "true");
  release();
  await expect(phone.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(phone.locator("#group-hint")).toHaveText("Sugerencia: ONGs");
  await phone.getByRole("button", { name: "Unirme" }).click();
  await expect(phone).toHaveURL(/\/answer$/);
  await expect(phone.getByText("Grupo 5: ONGs")).toBeVisible();
});
