import { expect, test, type Page } from "@playwright/test";
import { coordinatorLink, coordinatorOf, joinedParticipant, meetingCode, newPerson, signInAsCommittee } from "./people";

// The second meeting (seeds/workshop.toml), on a server of its own: the same
// screens run it with its own groups, questions and columns, and none of the
// first meeting's words shows on them.
const FIRST_MEETING = /\b(ILAC|Tabla 2|Anexo IV|Marrakech|Task Forces?|10YFP|PNUMA|Caribe|Mesoamérica|Andina|Cono Sur|Prioridades|São Paulo|San Pablo|2007|subregi[oó]n(es)?)\b/i;

async function saysNothingOfTheFirstMeeting(page: Page): Promise<void> {
  const text = await page.locator("body").innerText();
  expect(text.match(FIRST_MEETING)?.[0] ?? null, `${page.url()} shows a word of the first meeting`).toBeNull();
}

test("a table joins, its rapporteur fills the five columns, and the projector and the plan show its own headings", async ({ browser }) => {
  test.setTimeout(45_000);
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  await saysNothingOfTheFirstMeeting(committee);

  // A delegate of an NGO joins: the civil-society table is suggested and the
  // first session's own questions come up.
  const phone = await joinedParticipant(browser, await meetingCode(committee), true, "Lucía Taller", "Red de Recicladores", "ONGs");
  await expect(phone.getByText("¿Qué acción concreta empezaría la semana próxima?")).toBeVisible();
  await expect(phone.getByText("Mesa 3: Sociedad civil").first()).toBeVisible();
  await saysNothingOfTheFirstMeeting(phone);

  // The municipalities' rapporteur starts a line from the seed's proposal.
  const rapporteur = await coordinatorOf(browser, await coordinatorLink(committee, "Mesa 1: Municipios"));
  await rapporteur.goto("/groups/municipios/matrix");
  await expect(rapporteur.locator("body")).toHaveAttribute("data-hydrated", "true");
  const recovery = rapporteur.getByRole("region", { name: "2. Valorización" });
  await recovery.getByLabel("Empezar desde").selectOption({ label: "Compostar la mitad de los residuos orgánicos de ferias y mercados" });
  await recovery.getByRole("button", { name: "Añadir línea" }).click();
  const line = recovery.getByRole("article", { name: "Línea 1" });
  await expect(line.getByLabel("Meta")).toHaveValue("Compostar la mitad de los residuos orgánicos de ferias y mercados");
  await expect(line.getByLabel("Acciones")).toHaveValue("Instalar composteras en tres mercados");
  // One time frame per target: ticking another unticks the first.
  await line.getByRole("checkbox", { name: "Este año" }).check();
  await expect(rapporteur.getByRole("status").filter({ hasText: /^Guardado$/ })).toBeVisible();
  await line.getByRole("checkbox", { name: "El año próximo" }).check();
  await expect(line.getByRole("checkbox", { name: "Este año" })).not.toBeChecked();
  await expect(rapporteur.getByRole("status").filter({ hasText: /^Guardado$/ })).toBeVisible();
  // The second session's columns wait for it: shown as text, not a field to type in.
  await expect(line.getByRole("textbox", { name: "Costo estimado" })).toHaveCount(0);
  await expect(line.getByRole("textbox", { name: "Acciones" })).toHaveCount(1);
  await saysNothingOfTheFirstMeeting(rapporteur);

  // The projector shows the line; the plan files it under its time frame.
  const projector = await newPerson(browser, true, { width: 1920, height: 1080 });
  await signInAsCommittee(projector);
  await projector.goto("/plenary");
  await expect(projector.getByText("Compostar la mitad de los residuos orgánicos de ferias y mercados").first()).toBeVisible();
  await saysNothingOfTheFirstMeeting(projector);
  await committee.goto("/plan");
  await expect(committee.getByRole("heading", { name: "Plazo: El año próximo" })).toBeVisible();
  await expect(committee.getByRole("columnheader", { name: "Costo estimado" })).toBeVisible();
  await saysNothingOfTheFirstMeeting(committee);

  // A line starts from the workshop's own reference table, as from a proposal.
  const prevention = rapporteur.getByRole("region", { name: "1. Prevención" });
  await prevention.getByLabel("Empezar desde").selectOption({ label: "Reducir los envases de un solo uso en comercios y ferias" });
  await prevention.getByRole("button", { name: "Añadir línea" }).click();
  await expect(prevention.getByRole("article", { name: "Línea 1" }).getByLabel("Meta")).toHaveValue("Reducir los envases de un solo uso en comercios y ferias");
  // And from an entry of its list of laws, in the dimension the rapporteur picks.
  await recovery.getByLabel("Empezar desde").selectOption({ label: "Decreto de bolsas plásticas" });
  await recovery.getByRole("button", { name: "Añadir línea" }).click();
  await expect(recovery.getByRole("article", { name: "Línea 2" }).getByLabel("Meta")).toHaveValue("Decreto de bolsas plásticas");

  // The reference index lists the matrix and this meeting's own two parts.
  await committee.goto("/reference");
  await expect(committee.getByRole("main").getByRole("listitem")).toHaveCount(3);
  await committee.goto("/reference/normativa");
  await saysNothingOfTheFirstMeeting(committee);
});
