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

  // Focus: one group alone for its presentation, and back.
  await projector.getByRole("link", { name: "Grupo 4: Subregión Cono Sur" }).click();
  await expect(projector.getByRole("article")).toHaveCount(1);
  await expect(projector.getByRole("article", { name: "Grupo 4: Subregión Cono Sur" })).toBeVisible();
  await projector.getByRole("navigation", { name: "Comparar entre grupos:" }).getByRole("link", { name: "Todo", exact: true }).click();
  await expect(projector.getByRole("article")).toHaveCount(6);

  // Compare: one column of the annex across every group.
  await projector.getByRole("navigation", { name: "Comparar entre grupos:" }).getByRole("link", { name: "Indicadores de resultados" }).click();
  await expect(projector).toHaveURL(/compare=indicadores$/);
  await expect(projector.getByRole("article")).toHaveCount(6);
  await expect(projector.getByRole("link", { name: "Indicadores de resultados" })).toHaveAttribute("aria-current", "page");

  // Anyone else gets an explanation and no results.
  const stranger = await newPerson(browser, true);
  await stranger.goto("/plenary");
  await expect(stranger.getByRole("alert")).toBeVisible();
  await expect(stranger.getByRole("article")).toHaveCount(0);
});
