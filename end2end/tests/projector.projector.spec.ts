import { expect, test } from "@playwright/test";
import { coordinatorLink, coordinatorOf, newPerson, signInAsCommittee } from "./people";

// The committee drives what every projector shows, so this runs alone,
// after every other test (its own Playwright project).
test("the projector follows the committee's remote and freezes on a snapshot", async ({ browser }) => {
  const laptop = await newPerson(browser, true);
  await signInAsCommittee(laptop);
  // Sessions 1–2, where the groups fill priorities (earlier tests moved the clock).
  const controls = laptop.getByRole("region", { name: "Reloj" });
  await controls.getByRole("combobox", { name: "Bloque en curso" }).selectOption({ label: "Sesiones 1 y 2" });
  await controls.getByRole("button", { name: "Mostrar" }).click();
  await expect(laptop.getByRole("timer")).toContainText("Sesiones 1 y 2");
  // Earlier tests gave Andina a coordinator link: sign in with it (a link serves several browsers).
  const existing = laptop.getByRole("article", { name: "Grupo 3: Subregión Andina" }).getByRole("textbox", { name: "Enlace de Coordinador" });
  const link = (await existing.count()) > 0 ? new URL(await existing.inputValue()).pathname : await coordinatorLink(laptop, "Grupo 3: Subregión Andina");
  const coordinator = await coordinatorOf(browser, link);

  const projector = await newPerson(browser, true, { width: 1920, height: 1080 });
  await signInAsCommittee(projector);
  await projector.goto("/plenary");
  await expect(projector.getByRole("status").filter({ hasText: "En vivo" })).toBeVisible();
  await expect(projector.getByRole("article")).toHaveCount(6);

  await laptop.getByRole("link", { name: "Mando del proyector" }).click();
  await expect(laptop.locator("body")).toHaveAttribute("data-hydrated", "true");
  const remote = laptop.getByRole("main");

  // Focus: the group presenting, alone on the projector.
  await remote.getByRole("button", { name: "Andina" }).click();
  await expect(projector.getByRole("article")).toHaveCount(1, { timeout: 1000 });
  await expect(projector.getByRole("article", { name: "Grupo 3: Subregión Andina" })).toBeVisible();
  await expect(remote.getByRole("button", { name: "Andina" })).toHaveAttribute("aria-pressed", "true");

  // Compare one column across the groups, then the common areas.
  await remote.getByRole("button", { name: "Indicadores de resultados" }).click();
  await expect(projector.getByRole("article")).toHaveCount(6, { timeout: 1000 });
  await expect(projector.getByRole("link", { name: "Indicadores de resultados" })).toHaveAttribute("aria-current", "page");
  await remote.getByRole("button", { name: "Áreas comunes" }).click();
  await expect(projector.getByRole("heading", { name: "Áreas comunes" })).toBeVisible({ timeout: 1000 });
  await remote.getByRole("button", { name: "Todos los grupos" }).click();
  await expect(projector.getByRole("article")).toHaveCount(6, { timeout: 1000 });

  // Freeze: the projector keeps the snapshot while the group goes on typing.
  await remote.getByRole("button", { name: "Congelar lo que se ve ahora" }).click();
  await expect(projector.getByText("Pantalla fija", { exact: true })).toBeVisible({ timeout: 1000 });
  await coordinator.getByRole("link", { name: "Matriz del grupo" }).click();
  await expect(coordinator.locator("body")).toHaveAttribute("data-hydrated", "true");
  const methods = coordinator.getByRole("region", { name: "3. Desarrollo y adaptación de metodologías e instrumentos" });
  await methods.getByRole("button", { name: "Añadir línea" }).click();
  const typed = "Guía regional de ecoetiquetado escrita mientras el proyector estaba congelado";
  await methods.getByRole("article").last().getByLabel("Prioridades").fill(typed);
  await expect(coordinator.getByRole("status").filter({ hasText: /^Guardado$/ })).toBeVisible();
  await projector.reload();
  await expect(projector.getByText("Pantalla fija", { exact: true })).toBeVisible();
  await expect(projector.getByText(typed)).toHaveCount(0);

  // Back to live: the line appears at once.
  await remote.getByRole("button", { name: "Volver a en vivo" }).click();
  await expect(projector.getByText(typed)).toBeVisible({ timeout: 1000 });
  await expect(projector.getByText("Pantalla fija", { exact: true })).toHaveCount(0);
});

test("the Regional Action Plan consolidates the groups and offers its downloads", async ({ browser }) => {
  const laptop = await newPerson(browser, true);
  await signInAsCommittee(laptop);
  await laptop.getByRole("link", { name: "Plan de Acción Regional" }).click();
  await expect(laptop.getByRole("heading", { level: 1, name: "Plan de Acción Regional" })).toBeVisible();
  await expect(laptop.getByRole("heading", { level: 2, name: "Áreas comunes" })).toBeVisible();
  await expect(laptop.getByRole("heading", { level: 2, name: "1. Políticas e instituciones" })).toBeVisible();
  // Lines written by earlier tests are in the plan, under their group.
  await expect(laptop.getByRole("table").first().getByRole("rowheader").first()).toBeVisible();
  for (const [name, type] of [["Descargar DOCX", "wordprocessingml"], ["XLSX", "spreadsheetml"], ["CSV", "text/csv"]]) {
    const href = await laptop.getByRole("link", { name, exact: true }).getAttribute("href");
    const res = await laptop.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain(type);
  }
});
