import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { coordinatorLink, coordinatorOf, newPerson, signInAsCommittee } from "./people";
import { checkStage, decodeQrAt, fillSixGroups, pageNumber, turnPage } from "./stage";

// The committee drives what every projector shows, so these run alone,
// after every other test (their own Playwright project), one after another.
test.describe.configure({ mode: "serial" });

/** Turns the projector's pages from the remote until `text` is on screen. */
async function pageTo(remote: Page, projector: Page, text: string): Promise<void> {
  const pages = Number(await projector.locator(".stage").getAttribute("data-pages"));
  for (let i = 0; i < pages && (await projector.getByText(text).count()) === 0; i++) await turnPage(remote, projector, 1);
  await expect(projector.getByText(text)).toBeVisible();
}
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

  // Focus: the group presenting, alone on the projector (its lines flow through the slide).
  await remote.getByRole("button", { name: "Andina" }).click();
  await expect(projector.getByRole("heading", { level: 1 })).toContainText("Grupo 3: Subregión Andina", { timeout: 1000 });
  await expect(projector.getByRole("article")).toHaveCount(0);
  await expect(remote.getByRole("button", { name: "Andina" })).toHaveAttribute("aria-pressed", "true");

  // Compare one column across the groups, then the common areas.
  await remote.getByRole("button", { name: "Indicadores de resultados" }).click();
  await expect(projector.getByRole("article")).toHaveCount(6, { timeout: 1000 });
  await expect(projector.getByRole("heading", { level: 1 })).toContainText("Indicadores de resultados");
  await remote.getByRole("button", { name: "Áreas comunes" }).click();
  await expect(projector.getByRole("heading", { level: 1, name: "Áreas comunes" })).toBeVisible({ timeout: 1000 });
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

  // Back to live: the line is there at once, on the dimension's page.
  await remote.getByRole("button", { name: "Volver a en vivo" }).click();
  await expect(projector.getByText("Pantalla fija", { exact: true })).toHaveCount(0, { timeout: 1000 });
  await pageTo(laptop, projector, typed);
});

test("the projector reads from the back of the room: large type, paged from the remote, never scrolled", async ({ browser }) => {
  test.setTimeout(120_000);
  const laptop = await newPerson(browser, true);
  await signInAsCommittee(laptop);
  const lines = await fillSixGroups(browser, laptop);

  const projector = await newPerson(browser, true, { width: 1920, height: 1080 });
  await signInAsCommittee(projector);
  await projector.goto("/plenary");
  await expect(projector.locator("body")).toHaveAttribute("data-hydrated", "true");
  await laptop.goto("/plenary/control");
  await expect(laptop.locator("body")).toHaveAttribute("data-hydrated", "true");
  const remote = laptop.getByRole("main");
  // The test before left "all groups" on the page of its line (which depends
  // on what other tests typed meanwhile); another view first, so this one
  // starts on its page 1 as a newly chosen view does.
  await remote.getByRole("button", { name: "Áreas comunes" }).click();
  await expect(projector.getByRole("heading", { level: 1, name: "Áreas comunes" })).toBeVisible({ timeout: 2000 });
  await remote.getByRole("button", { name: "Todos los grupos" }).click();
  await expect(remote.getByRole("button", { name: "Todos los grupos" })).toHaveAttribute("aria-pressed", "true");
  await expect(projector.getByRole("heading", { level: 1, name: "Áreas comunes" })).toHaveCount(0, { timeout: 2000 });
  await expect(projector.locator(".stage")).toHaveAttribute("data-page", "1");

  // Every page of every group's lines: readable, nothing cut, the page never
  // scrolls; the remote says which page the projector shows.
  const pages = Number(await projector.locator(".stage").getAttribute("data-pages"));
  expect(pages, "72 full lines do not fit on one slide").toBeGreaterThan(3);
  const seen = new Set<string>();
  for (let p = 1; p <= pages; p++) {
    expect(await pageNumber(projector)).toBe(p);
    await expect(remote.getByRole("status").filter({ hasText: "En pantalla:" })).toContainText(`Página ${p} de ${pages}`);
    await checkStage(projector, `all groups, page ${p}`);
    for (const text of await projector.locator(".slide-item").allInnerTexts()) for (const m of text.matchAll(/«([a-z-]+-\d+)»/g)) seen.add(m[1]);
    if (p < pages) await turnPage(laptop, projector, 1);
  }
  expect([...lines].filter((l) => !seen.has(l)), "lines never shown").toEqual([]);
  await expect(remote.getByRole("button", { name: "Siguiente ▶" })).toBeDisabled();

  // A clicker on the projector's computer turns pages too, for the remote as well.
  await projector.keyboard.press("PageUp");
  await expect(projector.locator(".stage")).toHaveAttribute("data-page", String(pages - 1));
  await expect(remote.getByRole("status").filter({ hasText: "En pantalla:" })).toContainText(`Página ${pages - 1} de ${pages}`);

  // Every other view, first page: one group, one column, common areas, the clock.
  for (const [button, what] of [["Empresas", "one group"], ["Indicadores de resultados", "one column"], ["Áreas comunes", "common areas"], ["El reloj", "clock"]]) {
    await remote.getByRole("button", { name: button, exact: true }).click();
    await expect(remote.getByRole("button", { name: button, exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(projector.locator(".stage")).toHaveAttribute("data-page", "1");
    await checkStage(projector, what);
  }
  await expect(projector.getByLabel("Tiempo restante", { exact: true })).toBeVisible();

  // The join slide: a code latecomers read from the back, a QR code their phones scan.
  await remote.getByRole("button", { name: "Cómo unirse (código y QR)" }).click();
  const code = projector.locator(".join-slide-code");
  await expect(code).toHaveText(/^[A-HJ-KM-NP-Z2-9]{6}$/);
  await checkStage(projector, "join slide");
  const size = await code.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(120);
  const qr = await projector.locator(".join-slide-qr").boundingBox();
  expect(qr!.height / 1080).toBeGreaterThanOrEqual(0.4);
  expect(await decodeQrAt(projector, 0.25)).toMatch(new RegExp(`/join\\?code=${await code.textContent()}$`));
  await expect(projector.locator(".stage-join")).toHaveCount(0);

  // Pages turn by themselves when the committee asks (the projector's own clock, no waiting).
  await remote.getByRole("button", { name: "Todos los grupos" }).click();
  await expect(projector.locator(".stage")).toHaveAttribute("data-page", "1");
  await projector.clock.install();
  await remote.getByRole("button", { name: "Cada 10 segundos" }).click();
  await expect(remote.getByRole("button", { name: "Cada 10 segundos" })).toHaveAttribute("aria-pressed", "true");
  await projector.clock.runFor(10_500);
  await expect(projector.locator(".stage")).toHaveAttribute("data-page", "2");
  await remote.getByRole("button", { name: "No, a mano" }).click();
});

test("the action plan consolidates the groups and offers its downloads", async ({ browser }) => {
  const laptop = await newPerson(browser, true);
  await signInAsCommittee(laptop);
  await laptop.getByRole("link", { name: "Plan de acción" }).click();
  await expect(laptop.getByRole("heading", { level: 1, name: "Plan de Acción Regional" })).toBeVisible();
  await expect(laptop.getByRole("heading", { level: 2, name: "Áreas comunes" })).toBeVisible();
  await expect(laptop.getByRole("heading", { level: 2, name: "1. Políticas e instituciones" })).toBeVisible();
  // Lines written by earlier tests are in the plan, under their group.
  await expect(laptop.getByRole("table").first().getByRole("rowheader").first()).toBeVisible();
  // Each format downloads from the form, in the language chosen there
  // (the meeting's own by default), and the page stays.
  const download = async (button: string) => {
    const [file] = await Promise.all([laptop.waitForEvent("download", { timeout: 10_000 }), laptop.getByRole("button", { name: button, exact: true }).click()]);
    return file;
  };
  for (const [button, name] of [["Descargar DOCX", "plan-de-accion.docx"], ["Descargar XLSX", "plan-de-accion.xlsx"], ["Descargar CSV", "plan-de-accion.csv"]]) {
    expect((await download(button)).suggestedFilename()).toBe(name);
  }
  await laptop.getByLabel("Idioma de las descargas").selectOption("pt");
  const csv = await download("Descargar CSV");
  expect(csv.suggestedFilename()).toBe("plano-de-acao.csv");
  const text = readFileSync((await csv.path())!, "utf8");
  expect(text.split("\n")[0]).toContain("Dimensão");
  await expect(laptop.getByRole("heading", { level: 1, name: "Plan de Acción Regional" })).toBeVisible();
});
