import { expect, test } from "@playwright/test";
import { coordinatorLink, coordinatorOf, newPerson, signInAsCommittee } from "./people";

test("a coordinator's edit appears on another screen within a second", async ({ browser }) => {
  // Four browsers and a dozen steps: more than the default 20 s on two cores.
  test.setTimeout(45_000);
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const link = await coordinatorLink(committee, "Grupo 5: ONGs");
  const coordinator = await coordinatorOf(browser, link);
  await coordinator.getByRole("link", { name: "Matriz del grupo" }).click();
  await expect(coordinator.getByRole("heading", { level: 1, name: "Grupo 5: ONGs" })).toBeVisible();
  await expect(coordinator.locator("body")).toHaveAttribute("data-hydrated", "true");

  // The committee watches the same matrix from its own laptop; each screen
  // shows who has the matrix open.
  const watcher = await newPerson(browser, true, { width: 1920, height: 1080 });
  await signInAsCommittee(watcher);
  await watcher.goto("/groups/ongs/matrix");
  await expect(watcher.getByRole("status").filter({ hasText: "En vivo" })).toBeVisible();
  await expect(coordinator.getByText("Comité Organizador, Coordinación del grupo")).toBeVisible();
  // And the plenary projector shows every group's results as they are typed.
  const projector = await newPerson(browser, true, { width: 1920, height: 1080 });
  await signInAsCommittee(projector);
  // The indicators column compared across the groups (the overview shows priorities).
  await projector.goto("/plenary?compare=indicadores");
  await expect(projector.getByRole("status").filter({ hasText: "En vivo" })).toBeVisible();
  const onPlenary = projector.getByRole("article", { name: "Grupo 5: ONGs" });
  // While changes reload it, the projector keeps showing what it has: it must
  // never flash back to its "Cargando…" placeholder.
  await projector.evaluate(() => {
    (window as unknown as { loadingShown: number }).loadingShown = 0;
    new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof Element && (n.matches(".loading") || n.querySelector(".loading")))
            (window as unknown as { loadingShown: number }).loadingShown++;
    }).observe(document.body, { childList: true, subtree: true });
  });

  // Start a line from the annex's proposal rows.
  const policies = coordinator.getByRole("region", { name: "1. Políticas e instituciones" });
  await policies.getByLabel("Empezar desde").selectOption({ label: "Promover instancias de diálogo público privadas" });
  await policies.getByRole("button", { name: "Añadir línea" }).click();
  const line = policies.getByRole("article", { name: "Línea 1" });
  await expect(line.getByLabel("Prioridades")).toHaveValue("Promover instancias de diálogo público privadas");
  await expect(watcher.getByText("Promover instancias de diálogo público privadas").first()).toBeVisible({ timeout: 1000 });

  // Type an indicator: it saves by itself and reaches the committee's screen.
  await line.getByLabel("Indicadores de resultados").fill("Mesas de diálogo activas en 5 países");
  await expect(coordinator.getByRole("status").filter({ hasText: /^Guardado$/ })).toBeVisible();
  await expect(watcher.getByText("Mesas de diálogo activas en 5 países")).toBeVisible({ timeout: 1000 });
  await expect(onPlenary.getByText("Mesas de diálogo activas en 5 países")).toBeVisible({ timeout: 1000 });
  expect(await projector.evaluate(() => (window as unknown as { loadingShown: number }).loadingShown), "placeholders shown on the projector").toBe(0);

  // Each cell keeps who changed it: the committee opens the history, and it
  // follows the next change.
  const watched = watcher.getByRole("region", { name: "1. Políticas e instituciones" }).getByRole("article", { name: "Línea 1" });
  const cell = watched.locator(".cell").filter({ has: watcher.getByText("Indicadores de resultados", { exact: true }) });
  await cell.getByText("Historial").click();
  await expect(cell.locator(".history-list li")).toHaveCount(1);
  await expect(cell.locator(".history-list")).toContainText("Coordinación del grupo");
  await line.getByLabel("Indicadores de resultados").fill("Mesas de diálogo activas en 7 países");
  await expect(cell.locator(".history-list li")).toHaveCount(2);
  await expect(cell.locator(".history-list li").first()).toContainText("7 países");

  // An ILAC area ticked on one screen shows ticked on the other.
  await line.getByRole("checkbox", { name: "4. Energías renovables" }).check();
  await expect(coordinator.getByRole("status").filter({ hasText: /^Guardado$/ })).toBeVisible();
  await expect(watcher.getByText("4. Energías renovables", { exact: true })).toBeVisible({ timeout: 1000 });

  // Session 3's columns are visible but not editable during session 1.
  await expect(line.getByRole("textbox", { name: "Actividades principales" })).toHaveCount(0);
  await expect(line.getByText("Actividades principales", { exact: true })).toBeVisible();
  await expect(line.getByRole("textbox", { name: "Indicadores de resultados" })).toBeVisible();
});

test("a delivered result is locked for the coordinator until the committee reopens it", async ({ browser }) => {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const coordinator = await coordinatorOf(browser, await coordinatorLink(committee, "Grupo 3: Subregión Andina"));
  await coordinator.goto("/groups/andina/matrix");
  await expect(coordinator.locator("body")).toHaveAttribute("data-hydrated", "true");
  const policies = coordinator.getByRole("region", { name: "1. Políticas e instituciones" });
  await policies.getByRole("button", { name: "Añadir línea" }).click();
  const line = policies.getByRole("article", { name: "Línea 1" });
  await line.getByLabel("Prioridades").fill("Compras públicas sustentables");
  await expect(coordinator.getByRole("status").filter({ hasText: /^Guardado$/ })).toBeVisible();

  // Delivering locks the group's work: one more step confirms it.
  await coordinator.getByText("Entregar al Comité Organizador", { exact: true }).click();
  await expect(coordinator.getByText("solo el Comité Organizador puede reabrirlas")).toBeVisible();
  await expect(coordinator.getByText("Resultado entregado al Comité Organizador")).toHaveCount(0);
  await coordinator.getByRole("button", { name: "Sí, entregar" }).click();
  await expect(coordinator.getByText("Resultado entregado al Comité Organizador")).toBeVisible();
  await expect(line.getByRole("textbox")).toHaveCount(0);
  await expect(line.getByText("Compras públicas sustentables")).toBeVisible();

  const card = committee.getByRole("article", { name: "Grupo 3: Subregión Andina" });
  const session1 = card.getByRole("listitem").filter({ hasText: "Sesión 1 ·" });
  await expect(session1).toContainText("Entregado", { timeout: 1000 });
  await session1.getByRole("button", { name: "Reabrir" }).click();
  await expect(line.getByRole("textbox", { name: "Prioridades" })).toHaveValue("Compras públicas sustentables", { timeout: 3000 });
});
