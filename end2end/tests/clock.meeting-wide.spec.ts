import { expect, test } from "@playwright/test";
import { newPerson, signInAsCommittee } from "./people";

// Live updates need JavaScript; the no-JS project skips *.hydrate.spec.ts.
test("the projector follows the committee's clock within a second", async ({ browser }) => {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const controls = committee.getByRole("region", { name: "Reloj" });

  const projector = await newPerson(browser, true, { width: 1920, height: 1080 });
  // The projector's own timers are under the test's control (no sleeping):
  // time flows normally, and `runFor` can jump it ahead.
  await projector.clock.install();
  await projector.goto("/clock");
  await expect(projector.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(projector.getByRole("status").filter({ hasText: "En vivo" })).toBeVisible();
  const time = projector.getByLabel("Tiempo restante", { exact: true });

  // Sessions 3 is a block of its own: this test does not disturb the others.
  await controls.getByRole("combobox", { name: "Bloque en curso" }).selectOption({ label: "Sesión 3" });
  await controls.getByRole("button", { name: "Mostrar" }).click();
  await expect(projector.getByRole("main").getByText("Sesión 3", { exact: true })).toBeVisible({ timeout: 1000 });
  await expect(time).toHaveText("2:00:00", { timeout: 1000 });

  await controls.getByRole("button", { name: "Empezar" }).click();
  await expect(projector.getByRole("main").getByText(/En curso/)).toBeVisible({ timeout: 1000 });
  await expect(time).toHaveText(/^119:5\d$/, { timeout: 3000 });

  await controls.getByRole("button", { name: "Pausar" }).click();
  await expect(projector.getByRole("main").getByText(/En pausa/)).toBeVisible({ timeout: 1000 });
  const frozen = await time.textContent();
  await projector.clock.runFor(5000); // twenty ticks later, a paused clock has not moved
  await expect(time).toHaveText(frozen!);

  await controls.getByRole("button", { name: "+5 min" }).click();
  await expect(time).toHaveText(/^2:0[45]:\d\d$/, { timeout: 1000 });
  await controls.getByRole("button", { name: "Deshacer" }).click();
  await expect(time).toHaveText(frozen!, { timeout: 1000 });
});
