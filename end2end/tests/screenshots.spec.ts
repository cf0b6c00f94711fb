// Screenshots of every screen at projector, laptop and phone sizes, for people
// to look at (not compared automatically). Run: npx playwright test --project=screenshots
import { test } from "@playwright/test";
import { committeeToken } from "./people";

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
      await page.screenshot({ path: `screenshots/${size}/${name}.png`, fullPage: size !== "projector" });
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
    await page.screenshot({ path: `screenshots/${size}/committee.png`, fullPage: size !== "projector" });

    const person = await browser.newContext({ viewport, locale: "es-ES", deviceScaleFactor: 1 });
    const me = await person.newPage();
    await me.goto(`/join?code=${code}`);
    await me.getByLabel("Nombre").fill("Lucía Fernández");
    await me.getByLabel("País u organización").fill("Perú");
    await me.getByRole("button", { name: "Unirme" }).click();
    await me.waitForURL(/\/me$/);
    await me.getByRole("heading", { level: 2 }).first().waitFor();
    await me.screenshot({ path: `screenshots/${size}/my-group.png`, fullPage: size !== "projector" });
    await committee.close();
    await person.close();
  });
}
