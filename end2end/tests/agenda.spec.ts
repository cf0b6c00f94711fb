import { expect, test } from "@playwright/test";
import { es, seed } from "./seed";

test.describe("agenda", () => {
  test("shows the meeting, its objectives and three session blocks with their times", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: es(seed.meeting.title) })).toBeVisible();
    await expect(page.getByText(es(seed.meeting.place))).toBeVisible();

    const objectives = page.getByRole("region", { name: "Objetivos de la reunión" }).getByRole("listitem");
    await expect(objectives).toHaveCount(6);

    const sessions = page.getByRole("region", { name: "Sesiones de grupos de trabajo" });
    const blocks = sessions.getByRole("article");
    await expect(blocks).toHaveCount(3);
    await expect(blocks.nth(0)).toContainText("2 h 45 min");
    await expect(blocks.nth(0)).toContainText("Coffee break");
    await expect(blocks.nth(0)).toContainText("15 min");
    await expect(blocks.nth(1)).toContainText("2 h");
    await expect(blocks.nth(2)).toContainText("60 min");
  });

  test("links every session to its page", async ({ page }) => {
    await page.goto("/");
    for (const s of seed.sessions) {
      const link = page.getByRole("link", { name: new RegExp(`Sesión ${s.number}\\s*${es(s.title)}`) });
      await expect(link).toHaveAttribute("href", `/sessions/${s.number}`);
    }
    await page.getByRole("link", { name: /Sesión 3/ }).first().click();
    await expect(page).toHaveURL(/\/sessions\/3$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(es(seed.sessions[2].title));
  });

  test("answers the health check", async ({ request }) => {
    const res = await request.get("/healthz");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});
