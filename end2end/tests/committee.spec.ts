import { expect, test } from "@playwright/test";
import { newPerson, signInAsCommittee } from "./people";

test("the committee issues a coordinator link that makes another browser coordinator of exactly that group", async ({ browser }, info) => {
  const js = info.project.use.javaScriptEnabled !== false;
  // Each project uses its own group: both run against the same server.
  const [group, label, name] = js
    ? ["mesoamerica", "Grupo 2: Subregión Mesoamérica", "Mesoamérica"]
    : ["cono-sur", "Grupo 4: Subregión Cono Sur", "Cono Sur"];

  const committee = await newPerson(browser, js);
  await signInAsCommittee(committee);
  const card = committee.getByRole("article", { name: label });
  await card.getByRole("button", { name: "Crear enlace · Coordinador" }).click();
  const linkBox = card.getByRole("textbox", { name: "Enlace de Coordinador" });
  await expect(linkBox).toHaveValue(/\/coordinate\/[0-9a-f]{32}$/);
  const link = await linkBox.inputValue();
  expect(group).toBeTruthy();

  const coordinator = await newPerson(browser, js);
  await coordinator.goto(new URL(link).pathname);
  await coordinator.getByRole("button", { name: "Entrar como coordinador" }).click();
  await expect(coordinator).toHaveURL(/\/me$/);
  await expect(coordinator.getByText("Usted coordina este grupo")).toBeVisible();
  await expect(coordinator.getByRole("region")).toHaveCount(1);
  await expect(coordinator.getByRole("heading", { level: 2, name: label })).toBeVisible();
  await expect(coordinator.getByRole("link", { name: `Coordinador · ${name}` })).toBeVisible();

  // Coordinating a group does not open the committee's page.
  await coordinator.goto("/committee");
  await expect(coordinator.getByRole("heading", { level: 1, name: "Comité Organizador" })).toBeVisible();
  await expect(coordinator.getByRole("button", { name: "Entrar como Comité Organizador" })).toHaveCount(0);
  await expect(coordinator.getByText("Código de la reunión")).toHaveCount(0);

  // Revoking the link ends it.
  // The coordinator's row (other tests may give the group a deputy meanwhile).
  await card.locator(".link-row").filter({ has: committee.getByRole("textbox", { name: "Enlace de Coordinador" }) }).getByRole("button", { name: "Revocar" }).click();
  await expect(card.getByRole("button", { name: "Crear enlace · Coordinador" })).toBeVisible();
  await coordinator.goto("/me");
  await expect(coordinator.getByText("Usted coordina este grupo")).toHaveCount(0);
});

test("the committee link alone does not sign in: it asks first", async ({ page }) => {
  const response = await page.goto("/committee");
  expect(response?.status()).toBe(401);
  await expect(page.getByRole("button", { name: "Entrar como Comité Organizador" })).toHaveCount(0);
});
