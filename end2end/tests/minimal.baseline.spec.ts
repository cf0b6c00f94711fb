// The page-weight baseline: what a browser downloads for the minimal Leptos
// page (end2end/weight/minimal), served by end2end/weight/measure.sh. Writes
// target/page-weight-minimal.json next to the participant's figures.
import { expect, test } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { recordDownloads, totals } from "./downloads";

test("the minimal Leptos page hydrates; its downloads are recorded", async ({ page }) => {
  const downloads = recordDownloads(page);
  await page.goto("/");
  const button = page.getByRole("button", { name: "Clicked 0 times" });
  await expect(button).toBeVisible();
  // Clicking until the count changes proves the page hydrated.
  await expect(async () => {
    await page.getByRole("button", { name: /^Clicked/ }).click();
    await expect(page.getByRole("button", { name: /^Clicked [1-9]/ })).toBeVisible({ timeout: 200 });
  }).toPass();
  const list = await downloads();
  const report = { flow: "minimal Leptos page (first visit)", ...totals(list), downloads: list };
  writeFileSync("../target/page-weight-minimal.json", JSON.stringify(report, null, 2));
  console.log(JSON.stringify({ total: report.total, byKind: report.byKind }, null, 2));
});
