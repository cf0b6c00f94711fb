import { expect, test } from "@playwright/test";
import { es, seed } from "./seed";

test("the reference index links to every reference page", async ({ page }) => {
  await page.goto("/reference");
  for (const name of [
    "Matriz del plan de acción",
    "Tabla 2: prioridades regionales",
    "Áreas prioritarias de la ILAC",
    "Grupos de Trabajo de Marrakech",
    "Estrategia Regional",
    "Decisiones 12 del Foro de Ministros",
  ]) {
    await expect(page.getByRole("link", { name: new RegExp(name) })).toBeVisible();
  }
});

test("ILAC lists its eight priority areas", async ({ page }) => {
  await page.goto("/reference/ilac");
  const items = page.getByRole("main").getByRole("listitem");
  await expect(items).toHaveCount(8);
  for (const area of seed.ilac_areas) await expect(page.getByText(es(area.title), { exact: true })).toBeVisible();
});

test("Tabla 2 shows the three dimensions with their lines", async ({ page }) => {
  await page.goto("/reference/table-2");
  for (const d of seed.dimensions) {
    await expect(page.getByRole("heading", { level: 2, name: `${d.number}. ${es(d.title)}` })).toBeVisible();
  }
  for (const line of seed.table2.lines) {
    await expect(page.getByText(es(line.text), { exact: true }).first()).toBeVisible();
  }
});

test("Anexo IV shows the eight columns and the proposed rows by dimension", async ({ page }) => {
  await page.goto("/reference/matrix");
  const columns = page.getByRole("region", { name: "Columnas de la matriz" }).getByRole("listitem");
  await expect(columns).toHaveCount(8);
  const tables = page.getByRole("table");
  await expect(tables).toHaveCount(3);
  await expect(tables.first().getByRole("columnheader")).toHaveText(seed.matrix.columns.map((c: { title: unknown }) => es(c.title as string)));
  for (const row of seed.matrix.rows) {
    await expect(page.getByRole("rowheader", { name: es(row.heading), exact: true })).toBeVisible();
  }
  await expect(page.getByText("Máximo de líneas por categoría: 4")).toBeVisible();
});

test("the task forces page shows all seven with the region's members", async ({ page }) => {
  await page.goto("/reference/task-forces");
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(7);
  await expect(page.getByRole("heading", { name: "Compra Pública Sustentable" })).toBeVisible();
  await expect(cards.filter({ hasText: "Compra Pública Sustentable" }).getByText("Argentina", { exact: true }).first()).toBeVisible();
});

test("strategy and decisions are readable", async ({ page }) => {
  await page.goto("/reference/strategy");
  await expect(page.getByRole("region")).toHaveCount(7);
  await page.goto("/reference/decisions");
  const decisions = page.getByRole("article");
  await expect(decisions).toHaveCount(2);
  await expect(decisions.nth(0).locator("ol > li")).toHaveCount(9);
  await expect(decisions.nth(1).locator("ol > li")).toHaveCount(8);
});
