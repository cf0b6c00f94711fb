import { expect, test } from "@playwright/test";
import { es, groupsOf, guideOf, seed } from "./seed";

for (const session of [1, 2, 3, 4]) {
  test(`session ${session} shows every guiding question verbatim and its groups`, async ({ page }) => {
    await page.goto(`/sessions/${session}`);
    const guide = guideOf(session);
    const questions = page.getByRole("region", { name: "Preguntas orientadoras" });
    for (const q of guide.questions) {
      await expect(questions.getByText(es(q.text), { exact: true })).toBeVisible();
      for (const part of q.parts ?? []) {
        if (part.intro) await expect(questions.getByText(es(part.intro), { exact: true })).toBeVisible();
        for (const item of part.items) {
          await expect(questions.getByText(es(item.text), { exact: true }).first()).toBeVisible();
        }
      }
    }
    const set = seed.group_sets.find((g: { id: string }) => g.id === seed.sessions[session - 1].group_set);
    const groups = page.getByRole("region", { name: es(set.title) }).getByRole("listitem", { name: /Grupo/ });
    const expected = groupsOf(session);
    await expect(groups).toHaveCount(expected.length);
    for (const g of expected) {
      const card = page.getByRole("listitem", { name: es(g.label) });
      for (const member of [...(g.countries ?? []), ...(g.organisations ?? [])]) {
        await expect(card.getByRole("listitem").filter({ hasText: es(member) }).first()).toBeVisible();
      }
    }
  });
}

test("session 4 groups its questions under OFERTA and PROGRAMAS", async ({ page }) => {
  await page.goto("/sessions/4");
  const region = page.getByRole("region", { name: "Preguntas orientadoras" });
  await expect(region.getByRole("heading", { name: "OFERTA" })).toBeVisible();
  await expect(region.getByRole("heading", { name: "PROGRAMAS" })).toBeVisible();
  await expect(page.getByText("Una sesión de 60 minutos")).toBeVisible();
});

test("sessions 1 and 2 share one 2 h 45 block with the coffee break", async ({ page }) => {
  await page.goto("/sessions/2");
  const time = page.getByRole("complementary").getByRole("region", { name: "Tiempo disponible" });
  await expect(time).toContainText("75 min");
  await expect(time).toContainText("2 h 45 min");
  await expect(time).toContainText("Coffee break");
  await expect(time).toContainText(es(seed.guides[0].time_note));
});

test("an unknown session is a 404 page", async ({ page }) => {
  const response = await page.goto("/sessions/9");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Página no encontrada" })).toBeVisible();
});

test("an unknown path is a 404 page with a way home", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Página no encontrada" })).toBeVisible();
  await page.getByRole("link", { name: "Volver a la agenda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: es(seed.meeting.title) })).toBeVisible();
});
