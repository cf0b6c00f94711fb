import { expect, test } from "@playwright/test";
import { coordinatorLink, coordinatorOf, joinedParticipant, meetingCode, newPerson, signInAsCommittee } from "./people";

test("a participant answers a guiding question from a phone and the coordinator sees it", async ({ browser }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  // Each project works in its own group: both run against one server.
  const [label, slug, affiliation, sector] = js
    ? ["Grupo 6: Empresas", "empresas", "Cámara de Industria", "Empresas"]
    : ["Grupo 1: Subregión Caribe", "caribe", "Jamaica", undefined];
  const committee = await newPerson(browser, js);
  await signInAsCommittee(committee);
  const code = await meetingCode(committee);
  const coordinator = await coordinatorOf(browser, await coordinatorLink(committee, label), true);
  await coordinator.goto(`/groups/${slug}/answers`);

  const phone = await joinedParticipant(browser, code, js, `Marta ${info.project.name}`, affiliation, sector);
  await expect(phone.getByRole("heading", { level: 1, name: "Preguntas orientadoras" })).toBeVisible();
  const question = phone.getByRole("article", { name: /^c\) Cuáles son las fortalezas/ });
  const answer = `Experiencia en producción más limpia (${info.project.name})`;
  await question.getByLabel("Nueva respuesta").fill(answer);
  await question.getByRole("button", { name: "Añadir respuesta" }).click();
  // Without JavaScript the server sends the phone back to the same page.
  await expect(question.getByRole("textbox", { name: "Sus respuestas" })).toHaveValue(answer);

  // The coordinator's page follows live (hydrated) — reload is not needed.
  await expect(coordinator.getByText(answer)).toBeVisible({ timeout: 1000 });
  await expect(coordinator.getByText(`— Marta ${info.project.name} (${affiliation})`)).toBeVisible();

  // The coordinator suggests a time for the question; with the session not
  // started yet, it is the one the group should be on, with all its minutes left.
  const card = coordinator.locator(".answer-card").filter({ hasText: /c\) Cuáles son las fortalezas/ }).first();
  await card.getByLabel("Minutos sugeridos").fill("12");
  await card.getByRole("button", { name: "Guardar tiempo" }).click();
  await expect(card.getByText("12 min sugeridos")).toBeVisible();
  await expect(card.getByText("Ahora, según los tiempos sugeridos: quedan 12 min")).toBeVisible();
  await phone.reload();
  await expect(question.getByText("12 min sugeridos")).toBeVisible();

  // Deleting one's answer takes a second, explained step.
  const mine = question.getByRole("textbox", { name: "Sus respuestas" });
  await question.getByText("Borrar", { exact: true }).click();
  await expect(question.getByText("Su respuesta se borrará también de la vista del grupo.")).toBeVisible();
  await expect(mine).toHaveValue(answer);
  await question.getByRole("button", { name: "Sí, borrar" }).click();
  await expect(mine).toHaveCount(0);
  await expect(coordinator.getByText(answer)).toHaveCount(0);
});
