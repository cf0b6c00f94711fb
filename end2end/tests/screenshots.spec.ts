// Screenshots of every screen at projector, laptop and phone sizes, for people
// to look at (not compared automatically). Run: npx playwright test --project=screenshots
import { test } from "@playwright/test";

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
