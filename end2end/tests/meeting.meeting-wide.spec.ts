import { expect, test } from "@playwright/test";
import { coordinatorLink, coordinatorOf, joinedParticipant, meetingCode, newPerson, signInAsCommittee } from "./people";
import { es, loadSeed } from "./seed";

// These tests move the meeting clock, which decides what every group may
// edit: they run after all others, one at a time. The clock's test reads the
// seed its server runs (the project's `metadata.seed`) and runs on both
// meetings (projects meeting-wide and second-meeting-wide); the session-4
// test is the first meeting's.
test.describe.configure({ mode: "serial" });

/** As the screens show a countdown (domain::clock::format_countdown). */
function countdown(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, "0");
  if (seconds >= 7200) return `${Math.floor(seconds / 3600)}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
  return `${Math.floor(seconds / 60)}:${two(seconds % 60)}`;
}

const seconds = (text: string) => text.split(":").reduce((total, part) => total * 60 + Number(part), 0);

test("the projector follows the committee's clock within a second", async ({ browser }) => {
  const seed = loadSeed(test.info().project.metadata.seed as string);
  // A block of one session that is not the last (Sesión 3 in the first
  // meeting, which the other tests do not work in), else the first block.
  const block = seed.agenda.slice(0, -1).find((b: { segments: unknown[] }) => b.segments.length === 1) ?? seed.agenda[0];
  const full = block.segments[0].minutes * 60;

  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const controls = committee.getByRole("region", { name: "Reloj" });

  const projector = await newPerson(browser, true, { width: 1920, height: 1080 });
  // The projector's own timers are under the test's control (no sleeping):
  // time flows normally, and `runFor` can jump it ahead.
  await projector.clock.install();
  await projector.goto("/clock");
  await expect(projector.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(projector.getByRole("status").filter({ hasText: "En vivo" })).toBeVisible();
  const time = projector.getByLabel("Tiempo restante", { exact: true });

  await controls.getByRole("combobox", { name: "Bloque en curso" }).selectOption({ label: es(block.title) });
  await controls.getByRole("button", { name: "Mostrar" }).click();
  await expect(projector.getByRole("main").getByText(es(block.title), { exact: true })).toBeVisible({ timeout: 1000 });
  await expect(time).toHaveText(countdown(full), { timeout: 1000 });

  await controls.getByRole("button", { name: "Empezar" }).click();
  await expect(projector.getByRole("main").getByText(/En curso/)).toBeVisible({ timeout: 1000 });
  // Counting down: within three seconds of the start.
  await expect(time).toHaveText(new RegExp(`^(${[1, 2, 3].map((s) => countdown(full - s)).join("|")})$`), { timeout: 3000 });

  await controls.getByRole("button", { name: "Pausar" }).click();
  await expect(projector.getByRole("main").getByText(/En pausa/)).toBeVisible({ timeout: 1000 });
  const frozen = (await time.textContent())!;
  await projector.clock.runFor(5000); // twenty ticks later, a paused clock has not moved
  await expect(time).toHaveText(frozen);

  await controls.getByRole("button", { name: "+5 min" }).click();
  const later = [299, 300, 301].map((s) => countdown(seconds(frozen) + s));
  await expect(time).toHaveText(new RegExp(`^(${later.join("|")})$`), { timeout: 1000 });
  await controls.getByRole("button", { name: "Deshacer" }).click();
  await expect(time).toHaveText(frozen, { timeout: 1000 });
});


test("session 4: the committee forms the mixed groups and a group fills the 10YFP questionnaire", async ({ browser }) => {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const code = await meetingCode(committee);
  const ana = await joinedParticipant(browser, code, true, "Ana Session4", "Ecuador");
  await ana.goto("/me");

  const mixed = committee.getByRole("region", { name: "Grupos mixtos de la cuarta sesión" });
  await mixed.getByRole("button", { name: "Asignar a quienes no tienen grupo" }).click();
  await expect(mixed.getByText("Participantes sin grupo para la sesión 4: 0")).toBeVisible();
  await expect(mixed.getByText("Ana Session4", { exact: true })).toBeVisible();
  // Ana's own page follows: her session-4 group appears without reloading.
  await expect(ana.getByRole("heading", { level: 2, name: /^Grupo mixto \d$/ })).toBeVisible({ timeout: 1000 });
  // §4.1: a mixed group chooses its coordinator too; the committee names Ana
  // from her mixed group's card, and her page says so.
  const mixedCard = committee.getByRole("article").filter({ has: committee.getByRole("heading", { level: 3, name: /^Grupo mixto \d$/ }) }).filter({ hasText: "Ana Session4" });
  await mixedCard.locator(".member-row").filter({ hasText: "Ana Session4" }).getByRole("button", { name: "Nombrar coordinador" }).click();
  await expect(mixedCard.locator(".member-row").filter({ hasText: "Ana Session4" }).getByText("Coordinador", { exact: true })).toBeVisible();
  await expect(ana.getByText("Usted coordina este grupo")).toBeVisible({ timeout: 2000 });

  const controls = committee.getByRole("region", { name: "Reloj" });
  await controls.getByRole("combobox", { name: "Bloque en curso" }).selectOption({ label: "Sesión 4" });
  await controls.getByRole("button", { name: "Mostrar" }).click();

  const coordinator = await coordinatorOf(browser, await coordinatorLink(committee, "Grupo mixto 1"));
  await coordinator.goto("/groups/mixto-1/matrix");
  await expect(coordinator.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(coordinator.getByText("Cuestionario del grupo")).toBeVisible();
  const q1 = coordinator.getByRole("article", { name: /^1\. Cuáles son las agencias/ });
  await q1.getByLabel("Respuesta del grupo").fill("PNUMA, CEPAL y el BID");
  const q9 = coordinator.getByRole("article", { name: /^9\. Qué programas/ });
  await q9.getByRole("checkbox", { name: /^b\) Un programa para apoyar compras públicas/ }).check();
  await q9.getByLabel("c) Actores clave:").fill("Ministerios de Hacienda y de Ambiente");
  await expect(coordinator.getByRole("status").filter({ hasText: /^Guardado$/ })).toBeVisible();

  // Start an answer from a line the session 1–3 groups wrote (the matrix
  // tests, which run first, leave some): it arrives with its group.
  const q3 = coordinator.getByRole("article", { name: /^3\. Qué actividades/ });
  await q3.getByText("Partir de una línea de las matrices de las sesiones 1–3").click();
  const first = q3.locator(".pull-list li").first();
  const group = (await first.locator(".pull-group").textContent())!.trim();
  await first.getByRole("button", { name: "Añadir a esta respuesta" }).click();
  await expect(q3.getByText("Añadida a la respuesta, con su grupo.")).toBeVisible();
  await expect(q3.getByLabel("Respuesta del grupo")).toHaveValue(new RegExp(` — ${group}$`));
  await q3.getByLabel("Líneas etiquetadas con").selectOption({ label: "8. Indicadores ambientales" });
  await expect(q3.getByText("Ninguna línea de las matrices tiene esta etiqueta todavía.")).toBeVisible();
  await coordinator.reload();
  await expect(q9.getByLabel("c) Actores clave:")).toHaveValue("Ministerios de Hacienda y de Ambiente");
  await expect(q1.getByLabel("Respuesta del grupo")).toHaveValue("PNUMA, CEPAL y el BID");
});
