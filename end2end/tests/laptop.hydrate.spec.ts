import { expect, test } from "@playwright/test";
import { deputyOf, newPerson, signInAsCommittee } from "./people";

// A coordinator fills the matrix on a 1366×768 laptop, from the keyboard.
test.describe.configure({ timeout: 45_000 });

test("on a laptop a new line takes the focus, fills with few Tab presses and fits one screen", async ({ browser }) => {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const coordinator = await deputyOf(browser, committee, "Grupo 4: Subregión Cono Sur");
  await coordinator.goto("/groups/cono-sur/matrix");
  await expect(coordinator.locator("body")).toHaveAttribute("data-hydrated", "true");
  // Nothing to report before the first edit.
  await expect(coordinator.locator(".save-status")).toBeHidden();

  const policies = coordinator.getByRole("region", { name: "1. Políticas e instituciones" });
  const start = policies.getByLabel("Empezar desde");
  await start.selectOption({ index: 1 });
  await policies.getByRole("button", { name: "Añadir línea" }).click();
  const line = policies.getByRole("article", { name: "Línea 1" });
  await expect(line).toBeVisible();
  // The new line's first open field has the focus; "start from" is blank again.
  const firstField = line.locator(".matrix-col-open").first().locator("textarea, input").first();
  await expect(firstField).toBeFocused();
  await expect(start).toHaveValue("");

  // Fill every open field from the keyboard: type in boxes, Space on the first chip of a set.
  const open = await line.locator(".matrix-col-open .cell").count();
  const filled = new Set<string>();
  let tabs = 0;
  for (let guard = 0; guard < 40 && filled.size < open; guard++) {
    const at = await coordinator.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const cell = el?.closest(".matrix-col-open .cell");
      const label = cell?.querySelector(".cell-label")?.textContent ?? "";
      return { tag: el?.tagName ?? "", label };
    });
    if (at.label && !filled.has(at.label)) {
      if (at.tag === "TEXTAREA") await coordinator.keyboard.type(`Texto de ${at.label}`);
      else await coordinator.keyboard.press("Space");
      filled.add(at.label);
      if (filled.size === open) break;
    }
    await coordinator.keyboard.press("Tab");
    tabs++;
  }
  expect(filled.size, [...filled].join(" · ")).toBe(open);
  console.log(`laptop: ${tabs} Tab presses filled ${filled.size} open fields`);
  expect(tabs, "Tab presses to fill a line").toBeLessThanOrEqual(12);
  await expect(coordinator.getByRole("status").filter({ hasText: /^Guardado$/ })).toBeVisible();

  // A full line, its closed columns included, fits in one 1366×768 screen.
  const height = await line.evaluate((el) => el.getBoundingClientRect().height);
  console.log(`laptop: a full line is ${Math.round(height)} px tall`);
  expect(height, "line height in px").toBeLessThanOrEqual(768);

  // The save state covers nothing but the matrix column (never the reference panel).
  const [pill, panel] = await Promise.all([
    coordinator.locator(".save-status").evaluate((el) => el.getBoundingClientRect().toJSON()),
    coordinator.locator(".reference-panel").evaluate((el) => el.getBoundingClientRect().toJSON()),
  ]);
  expect(pill.right <= panel.left || pill.left >= panel.right || pill.bottom <= panel.top || pill.top >= panel.bottom, "pill and panel apart").toBe(true);
});
