import { expect, request, test } from "@playwright/test";
import { deputyOf, joinedParticipant, meetingCode, newPerson, signInAsCommittee } from "./people";

// Several browsers and a reload each: more than the default 20 s.
test.describe.configure({ timeout: 60_000 });

// Live screens change in place: what the committee, a coordinator or the
// projector has on screen is patched, never rebuilt under their hands.

test("the committee's desk keeps a chosen block and its cards while fifty people join", async ({ browser }, info) => {
  const desk = await newPerson(browser, true);
  await signInAsCommittee(desk);
  await expect(desk.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(desk.getByRole("status").filter({ hasText: "En vivo" })).toBeVisible();
  const code = await meetingCode(desk);
  const blocks = desk.getByRole("region", { name: "Reloj" }).getByRole("combobox", { name: "Bloque en curso" });
  await blocks.selectOption({ label: "Sesión 3" });
  const card = desk.getByRole("article", { name: "Grupo 6: Empresas" });
  await card.evaluate((el) => ((el as unknown as { kept: boolean }).kept = true));

  const base = info.project.use.baseURL!;
  for (let i = 0; i < 50; i++) {
    const phone = await request.newContext({ baseURL: base, extraHTTPHeaders: { Origin: base } });
    const r = await phone.post("/api/fn/join", {
      form: { code, name: `Visita ${i} ${info.project.name}`, affiliation: "Cámara de Comercio", sector: "business", group: "" },
    });
    expect(r.ok(), await r.text()).toBeTruthy();
    await phone.dispose();
  }
  await expect(card.locator(".member-row").filter({ hasText: `Visita` }).filter({ hasText: info.project.name })).toHaveCount(50, { timeout: 10_000 });
  await expect(blocks).toHaveValue("sesion-3");
  expect(await card.evaluate((el) => (el as unknown as { kept?: boolean }).kept), "the group's card is the same element").toBe(true);
});

test("typing in a matrix cell before the page is live survives, and the projector redraws only the column that changed", async ({ browser }) => {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const code = await meetingCode(committee);
  const coordinator = await deputyOf(browser, committee, "Grupo 2: Subregión Mesoamérica");

  const projector = await newPerson(browser, true, { width: 1920, height: 1080 });
  await signInAsCommittee(projector);
  await projector.goto("/plenary");
  await expect(projector.locator("body")).toHaveAttribute("data-hydrated", "true", { timeout: 15_000 });
  await expect(projector.getByRole("status").filter({ hasText: "En vivo" })).toBeVisible();
  await expect(projector.getByRole("article")).toHaveCount(6);
  // Columns are compared with their text: other tests fill other groups'
  // matrices at the same time, and a column whose text changed at any moment
  // since it was marked (watched every 20 ms: a line typed and deleted again
  // ends with the same text) may be drawn again; one whose text never did
  // must be the same element.
  type Watch = { texts: Record<string, string>; changed: Set<string> };
  const mark = () =>
    projector.evaluate(() => {
      const texts: Record<string, string> = {};
      const label = (el: Element) => el.getAttribute("aria-labelledby") ?? "head";
      for (const el of document.querySelectorAll(".plenary-col, .plenary-head")) {
        (el as unknown as { kept: boolean }).kept = true;
        texts[label(el)] = (el as HTMLElement).innerText;
      }
      const watch: Watch = { texts, changed: new Set() };
      (window as unknown as { watch: Watch }).watch = watch;
      setInterval(() => {
        for (const el of document.querySelectorAll(".plenary-col, .plenary-head")) {
          if (texts[label(el)] !== (el as HTMLElement).innerText) watch.changed.add(label(el));
        }
      }, 20);
    });
  const kept = () =>
    projector.evaluate(() => {
      const { texts, changed } = (window as unknown as { watch: Watch }).watch;
      return [...document.querySelectorAll(".plenary-col, .plenary-head")]
        .map((el) => [el.getAttribute("aria-labelledby") ?? "head", el] as const)
        .filter(([label, el]) => label === "plenary-mesoamerica" || (!changed.has(label) && texts[label] === (el as HTMLElement).innerText))
        .map(([label, el]) => `${label}:${(el as unknown as { kept?: boolean }).kept === true}`);
    });
  await mark();

  // A participant answers: the projector does not show answers, nothing moves.
  const phone = await joinedParticipant(browser, code, true, "Teresa Proyector", "Costa Rica");
  await phone.goto("/answer");
  const question = phone.getByRole("article", { name: /^a\) / });
  await question.getByLabel("Nueva respuesta").fill("Una respuesta que el proyector no muestra");
  await question.getByRole("button", { name: "Añadir respuesta" }).click();
  await expect(question.getByRole("textbox", { name: "Sus respuestas" })).toHaveValue("Una respuesta que el proyector no muestra");

  // The coordinator adds a line, then reloads on slow Wi-Fi and types before the code arrives.
  await coordinator.goto("/groups/mesoamerica/matrix");
  await expect(coordinator.locator("body")).toHaveAttribute("data-hydrated", "true");
  const policies = coordinator.getByRole("region", { name: "1. Políticas e instituciones" });
  await policies.getByRole("button", { name: "Añadir línea" }).click();
  await expect(policies.getByRole("article", { name: "Línea 1" })).toBeVisible();
  let release!: () => void;
  const typed = new Promise<void>((resolve) => (release = resolve));
  await coordinator.route(/\/pkg\/.*\.wasm$/, async (route) => {
    await typed;
    await route.continue();
  });
  await coordinator.reload();
  const priority = coordinator.getByRole("region", { name: "1. Políticas e instituciones" }).getByRole("article", { name: "Línea 1" }).getByLabel("Prioridades");
  const text = "Escrito antes de que la página estuviera viva";
  await priority.fill(text);
  await expect(coordinator.locator("body")).not.toHaveAttribute("data-hydrated", "true");
  release();
  await expect(coordinator.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(priority).toHaveValue(text);
  await expect(coordinator.getByRole("status").filter({ hasText: /^Guardado$/ })).toBeVisible();
  await expect(projector.getByRole("article", { name: "Grupo 2: Subregión Mesoamérica" }).getByText(text)).toBeVisible();

  // Only Mesoamérica's column was drawn again; the header and every column whose text is unchanged are the same elements.
  const after = await kept();
  expect(after.filter((k) => k.endsWith(":false")), after.join(", ")).toEqual(["plenary-mesoamerica:false"]);

  // Deleting the line can be undone for a few seconds.
  await coordinator.unroute(/\/pkg\/.*\.wasm$/);
  const line = coordinator.getByRole("region", { name: "1. Políticas e instituciones" }).getByRole("article", { name: "Línea 1" });
  await line.getByRole("button", { name: "Quitar" }).click();
  await expect(line).toHaveCount(0);
  await coordinator.getByRole("status").filter({ hasText: "Línea quitada." }).getByRole("button", { name: "Deshacer" }).click();
  await expect(line.getByLabel("Prioridades")).toHaveValue(text);
});

test("a coordinator's answers page keeps a chosen target and its cards while answers arrive", async ({ browser }) => {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const code = await meetingCode(committee);
  const coordinator = await deputyOf(browser, committee, "Grupo 1: Subregión Caribe");
  // Two lines, so an answer has more than one place to go.
  await coordinator.goto("/groups/caribe/matrix");
  await expect(coordinator.locator("body")).toHaveAttribute("data-hydrated", "true");
  const policies = coordinator.getByRole("region", { name: "1. Políticas e instituciones" });
  for (const n of [1, 2]) {
    await policies.getByRole("button", { name: "Añadir línea" }).click();
    await expect(policies.getByRole("article", { name: `Línea ${n}` })).toBeVisible();
  }
  await coordinator.goto("/groups/caribe/answers");
  await expect(coordinator.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(coordinator.getByRole("status").filter({ hasText: "En vivo" })).toBeVisible();

  const phone = await joinedParticipant(browser, code, true, "Ana Mesa", "Jamaica");
  const question = phone.getByRole("article", { name: /^b\) / });
  const send = async (text: string) => {
    await question.getByLabel("Nueva respuesta").fill(text);
    await question.getByRole("button", { name: "Añadir respuesta" }).click();
  };
  const first = "Primera respuesta, para llevar a la matriz";
  await send(first);
  const item = coordinator.locator(".group-answer").filter({ hasText: first });
  const target = item.getByRole("combobox", { name: "Llevar a la matriz" });
  await expect(target).toBeVisible();
  const values = await target.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(values.length).toBeGreaterThan(1);
  const chosen = values[values.length - 1];
  await target.selectOption(chosen);
  const card = coordinator.locator(".answer-card").filter({ has: item });
  for (const el of [card, target]) await el.evaluate((node) => ((node as unknown as { kept: boolean }).kept = true));

  // Another answer arrives while the coordinator is choosing.
  const second = "Segunda respuesta, llega mientras se elige";
  await send(second);
  await expect(card.locator(".group-answer").filter({ hasText: second })).toBeVisible();
  await expect(target).toHaveValue(chosen);
  // The deputy removes the first line in another tab: the targets shift, the
  // choice stays on the same cell (now on line 1.1).
  const matrix = await coordinator.context().newPage();
  await matrix.goto("/groups/caribe/matrix");
  await expect(matrix.locator("body")).toHaveAttribute("data-hydrated", "true");
  await matrix.getByRole("region", { name: "1. Políticas e instituciones" }).getByRole("article", { name: "Línea 1" }).first().getByRole("button", { name: "Quitar" }).click();
  await expect(target.locator("option")).toHaveCount(values.length / 2);
  await expect(target).toHaveValue(chosen);
  await expect(target.locator("option:checked")).toHaveText(/^Línea 1\.1 /);
  for (const el of [card, target]) {
    expect(await el.evaluate((node) => (node as unknown as { kept?: boolean }).kept), "the same element").toBe(true);
  }
});
