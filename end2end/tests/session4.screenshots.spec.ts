// Session-4 screens, after the others (it moves the meeting clock to session 4):
// the committee's mixed groups and a mixed group's 10YFP questionnaire.
// Run: npx playwright test --project=screenshots
import { expect, test } from "@playwright/test";
import { shoot } from "./shoot";
import { coordinatorLink, coordinatorOf, joinedParticipant, meetingCode, newPerson, signInAsCommittee } from "./people";

const sizes = {
  projector: { width: 1920, height: 1080 },
  laptop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
};

test.describe.configure({ mode: "serial" });

test("session 4 screens", async ({ browser }) => {
  const committee = await newPerson(browser, true, sizes.laptop);
  await signInAsCommittee(committee);
  // The plenary of sessions 1–3 first, with what the other screenshots typed.
  await committee.goto("/plenary");
  await committee.locator("body[data-hydrated=true]").waitFor();
  for (const [size, viewport] of Object.entries(sizes)) {
    await committee.setViewportSize(viewport);
    await shoot(committee, { path: `screenshots/${size}/plenary.png`, fullPage: size !== "projector" });
  }
  await committee.getByRole("link", { name: "Grupo 2: Subregión Mesoamérica" }).click();
  await expect(committee.getByRole("article")).toHaveCount(1);
  for (const [size, viewport] of Object.entries(sizes)) {
    await committee.setViewportSize(viewport);
    await shoot(committee, { path: `screenshots/${size}/plenary-focus.png`, fullPage: size !== "projector" });
  }
  await committee.goto("/plenary?compare=resultados");
  await committee.locator("body[data-hydrated=true]").waitFor();
  await committee.setViewportSize(sizes.projector);
  await shoot(committee, { path: "screenshots/projector/plenary-compare.png" });
  await committee.goto("/plenary?show=common");
  await committee.locator("body[data-hydrated=true]").waitFor();
  await shoot(committee, { path: "screenshots/projector/plenary-common.png" });
  for (const [page, file] of [["/plan", "plan"], ["/plenary/control", "projector-remote"]]) {
    await committee.goto(page);
    await committee.locator("body[data-hydrated=true]").waitFor();
    for (const [size, viewport] of Object.entries(sizes)) {
      await committee.setViewportSize(viewport);
      await shoot(committee, { path: `screenshots/${size}/${file}.png`, fullPage: true });
    }
  }
  await committee.setViewportSize(sizes.laptop);
  await committee.goto("/committee");
  const code = await meetingCode(committee);
  for (const [name, country] of [["Ana Pérez", "Ecuador"], ["Juan Soto", "Jamaica"], ["Rosa Díaz", "Panamá"], ["Luis Mora", "Uruguay"]]) {
    await joinedParticipant(browser, code, false, name, country);
  }
  const mixed = committee.getByRole("region", { name: "Grupos mixtos de la cuarta sesión" });
  await mixed.getByRole("button", { name: "Asignar a quienes no tienen grupo" }).click();
  await mixed.getByText("Participantes sin grupo para la sesión 4: 0").waitFor();
  const controls = committee.getByRole("region", { name: "Reloj" });
  await controls.getByRole("combobox", { name: "Bloque en curso" }).selectOption({ label: "Sesión 4" });
  await controls.getByRole("button", { name: "Mostrar" }).click();
  const link = await coordinatorLink(committee, "Grupo mixto 2");
  for (const [size, viewport] of Object.entries(sizes)) {
    await committee.setViewportSize(viewport);
    await mixed.scrollIntoViewIfNeeded();
    await shoot(committee, { path: `screenshots/${size}/committee-session4.png`, fullPage: size !== "projector" });
  }
  const coordinator = await coordinatorOf(browser, link);
  await coordinator.goto("/groups/mixto-2/matrix");
  await coordinator.locator("body[data-hydrated=true]").waitFor();
  const q1 = coordinator.getByRole("article", { name: /^1\. Cuáles son las agencias/ });
  await q1.getByLabel("Respuesta del grupo").fill("PNUMA, CEPAL y el BID, con las redes subregionales");
  const q9 = coordinator.getByRole("article", { name: /^9\. Qué programas/ });
  await q9.getByRole("checkbox", { name: /^b\) Un programa para apoyar compras públicas/ }).check();
  await q9.getByLabel("c) Actores clave:").fill("Ministerios de Hacienda y de Ambiente");
  await coordinator.getByRole("status").filter({ hasText: /^Guardado$/ }).waitFor();
  const q3 = coordinator.getByRole("article", { name: /^3\. Qué actividades/ });
  await q3.getByText("Partir de una línea de las matrices de las sesiones 1–3").click();
  await q3.locator(".pull-list li").first().waitFor();
  for (const [size, viewport] of Object.entries(sizes)) {
    await coordinator.setViewportSize(viewport);
    await shoot(coordinator, { path: `screenshots/${size}/questionnaire.png`, fullPage: size !== "projector" });
  }
});
