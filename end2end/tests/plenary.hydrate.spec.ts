import { expect, test } from "@playwright/test";
import { newPerson, signInAsCommittee } from "./people";

// The live part (a coordinator's typing reaching the plenary) is in
// matrix.hydrate.spec.ts, where a coordinator types.
test("the plenary shows every group side by side, focuses one, and is the committee's only", async ({ browser }) => {
  const projector = await newPerson(browser, true, { width: 1920, height: 1080 });
  await signInAsCommittee(projector);
  await projector.getByRole("link", { name: "Proyectar el plenario" }).click();
  await expect(projector).toHaveURL(/\/plenary$/);
  await expect(projector.locator("body")).toHaveAttribute("data-hydrated", "true");
  const groups = ["Grupo 1: Subregión Caribe", "Grupo 2: Subregión Mesoamérica", "Grupo 3: Subregión Andina", "Grupo 4: Subregión Cono Sur", "Grupo 5: ONGs", "Grupo 6: Empresas"];
  for (const group of groups) await expect(projector.getByRole("article", { name: group })).toBeVisible();
  // Side by side: all six columns start on the same line at 1920 px.
  const tops = await projector.getByRole("article").evaluateAll((cols) => cols.map((c) => Math.round(c.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  await expect(projector.locator(".plenary-code")).toHaveText(/^[A-HJ-KM-NP-Z2-9]{6}$/);

  // Focus: one group alone for its presentation (its lines flow through the slide), and back.
  await projector.getByRole("link", { name: "Grupo 4: Subregión Cono Sur" }).click();
  await expect(projector).toHaveURL(/focus=cono-sur$/);
  await expect(projector.getByRole("heading", { level: 1 })).toContainText("Grupo 4: Subregión Cono Sur");
  await expect(projector.getByRole("article")).toHaveCount(0);
  await projector.goto("/plenary?show=groups");
  await expect(projector.getByRole("article")).toHaveCount(6);

  // Compare: one column of the annex across every group.
  await projector.goto("/plenary?compare=indicadores");
  await expect(projector.getByRole("article")).toHaveCount(6);
  await expect(projector.getByRole("heading", { level: 1 })).toContainText("Indicadores de resultados");
  // Full screen: no site navigation on the projector.
  await expect(projector.getByRole("navigation")).toHaveCount(0);

  // Anyone else gets an explanation and no results.
  const stranger = await newPerson(browser, true);
  await stranger.goto("/plenary");
  await expect(stranger.getByRole("alert")).toBeVisible();
  await expect(stranger.getByRole("article")).toHaveCount(0);
});
