// Screenshots of every screen at projector, laptop and phone sizes, for people
// to look at (not compared automatically; each checks the screen fits its
// width and has a title first, see shoot.ts). Run: npx playwright test --project=screenshots
import { test } from "@playwright/test";
import { committeeToken } from "./people";
import { shoot } from "./shoot";

const sizes = {
  projector: { width: 1920, height: 1080 },
  laptop: { width: 1366, height: 768 },
  phone: { width: 390, height: 844 },
};
const screens: Record<string, string> = {
  agenda: "/",
  "session-1": "/sessions/1",
  "session-4": "/sessions/4",
  reference: "/reference",
  ilac: "/reference/ilac",
  "table-2": "/reference/table-2",
  matrix: "/reference/matrix",
  "task-forces": "/reference/task-forces",
  strategy: "/reference/strategy",
  decisions: "/reference/decisions",
  "not-found": "/nope",
  join: "/join?code=AB3K7M",
};

for (const [size, viewport] of Object.entries(sizes)) {
  for (const [name, path] of Object.entries(screens)) {
    test(`${name} at ${size}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, locale: "es-ES", deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(path);
      await shoot(page, { path: `screenshots/${size}/${name}.png`, fullPage: size !== "projector" });
      await context.close();
    });
  }
}

// Screens that need someone signed in: the committee's page and a
// participant's group page.
for (const [size, viewport] of Object.entries(sizes)) {
  test(`committee and my group at ${size}`, async ({ browser }) => {
    const committee = await browser.newContext({ viewport, locale: "es-ES", deviceScaleFactor: 1 });
    const page = await committee.newPage();
    await page.goto(`/committee?token=${committeeToken}`);
    await page.getByRole("button", { name: "Entrar como Comité Organizador" }).click();
    // One group per size: the three run at once against one server.
    const group = { projector: "Grupo 1: Subregión Caribe", laptop: "Grupo 3: Subregión Andina", phone: "Grupo 6: Empresas" }[size]!;
    await page.getByRole("article", { name: group }).getByRole("button", { name: "Crear enlace · Coordinador" }).click();
    await page.getByRole("article", { name: group }).getByRole("button", { name: "Revocar" }).waitFor();
    const code = ((await page.getByLabel("Código de la reunión").textContent()) ?? "").trim();
    await shoot(page, { path: `screenshots/${size}/committee.png`, fullPage: size !== "projector" });

    const person = await browser.newContext({ viewport, locale: "es-ES", deviceScaleFactor: 1 });
    const me = await person.newPage();
    await me.goto(`/join?code=${code}`);
    await me.getByLabel("Nombre").fill("Lucía Fernández");
    await me.getByLabel("País u organización").fill("Perú");
    await me.getByRole("button", { name: "Unirme" }).click();
    // Joining lands on the questions; "my group" is one tap away.
    await me.waitForURL(/\/answer$/);
    await me.goto("/me");
    await me.getByRole("heading", { level: 2 }).first().waitFor();
    await shoot(me, { path: `screenshots/${size}/my-group.png`, fullPage: size !== "projector" });
    await committee.close();
    await person.close();
  });
}

// Group work: the coordinator's matrix with a few lines, a participant's
// questions on the phone, and the coordinator's view of the answers.
for (const [size, viewport] of Object.entries(sizes)) {
  test(`group work at ${size}`, async ({ browser }) => {
    const group = { projector: ["Grupo 2: Subregión Mesoamérica", "mesoamerica", "Costa Rica"], laptop: ["Grupo 4: Subregión Cono Sur", "cono-sur", "Argentina"], phone: ["Grupo 5: ONGs", "ongs", "Chile"] }[size]!;
    const committee = await browser.newContext({ viewport, locale: "es-ES", deviceScaleFactor: 1 });
    const page = await committee.newPage();
    await page.goto(`/committee?token=${committeeToken}`);
    await page.getByRole("button", { name: "Entrar como Comité Organizador" }).click();
    const card = page.getByRole("article", { name: group[0] });
    await card.getByRole("button", { name: "Crear enlace · Coordinador" }).click();
    const link = new URL(await card.getByRole("textbox", { name: "Enlace de Coordinador" }).inputValue()).pathname;
    const code = ((await page.getByLabel("Código de la reunión").textContent()) ?? "").trim();

    const laptop = await browser.newContext({ viewport, locale: "es-ES", deviceScaleFactor: 1 });
    const coord = await laptop.newPage();
    await coord.goto(link);
    await coord.getByRole("button", { name: "Entrar como coordinador" }).click();
    await coord.waitForURL(/\/me$/);
    await coord.goto(`/groups/${group[1]}/matrix`);
    await coord.locator("body[data-hydrated=true]").waitFor();
    const policies = coord.getByRole("region", { name: "1. Políticas e instituciones" });
    const starts = ["Promover instancias de diálogo público privadas", "Fortalecimiento del marco regulatorio para CPS"];
    for (const [i, start] of starts.entries()) {
      await policies.getByLabel("Empezar desde").selectOption({ label: start });
      await policies.getByRole("button", { name: "Añadir línea" }).click();
      await policies.getByRole("article", { name: `Línea ${i + 1}` }).waitFor();
    }
    const line = policies.getByRole("article", { name: "Línea 1" });
    await line.getByLabel("Resultados Esperados — en 5 a 10 años").fill("Consejos público-privados de CPS funcionando en todos los países de la subregión");
    await line.getByRole("checkbox", { name: "6. Instrumentos económicos y política fiscal" }).check();
    await coord.getByRole("status").filter({ hasText: /^Guardado$/ }).waitFor();
    await shoot(coord, { path: `screenshots/${size}/matrix-coordinator.png`, fullPage: size !== "projector" });

    const person = await browser.newContext({ viewport, locale: "es-ES", deviceScaleFactor: 1 });
    const me = await person.newPage();
    await me.goto(`/join?code=${code}`);
    await me.getByLabel("Nombre").fill("Lucía Fernández");
    await me.getByLabel("País u organización").fill(group[2]);
    if (group[1] === "ongs") await me.getByRole("radio", { name: "ONGs" }).check();
    await me.getByRole("button", { name: "Unirme" }).click();
    await me.waitForURL(/\/answer$/);
    const q = me.getByRole("article", { name: /^a\) Identifique/ });
    await q.getByLabel("Nueva respuesta").fill("Compras públicas sustentables con criterios comunes en la subregión");
    await q.getByRole("button", { name: "Añadir respuesta" }).click();
    await q.getByRole("textbox", { name: "Sus respuestas" }).waitFor();
    await me.reload();
    await shoot(me, { path: `screenshots/${size}/answer.png`, fullPage: size !== "projector" });

    await coord.goto(`/groups/${group[1]}/answers`);
    await coord.getByText("Compras públicas sustentables con criterios comunes").waitFor();
    const first = coord.locator(".answer-card").first();
    await first.getByLabel("Minutos sugeridos").fill("20");
    await first.getByRole("button", { name: "Guardar tiempo" }).click();
    await first.getByText("20 min sugeridos").waitFor();
    await shoot(coord, { path: `screenshots/${size}/group-answers.png`, fullPage: size !== "projector" });
    await coord.goto("/clock");
    await shoot(coord, { path: `screenshots/${size}/clock.png`, fullPage: false });
    await committee.close();
    await laptop.close();
    await person.close();
  });
}
