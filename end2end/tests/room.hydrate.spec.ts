import { expect, test, type Page } from "@playwright/test";
import { joinedParticipant, meetingCode, newPerson, signInAsCommittee } from "./people";
import { stallProxy } from "./stall-proxy";

// Several browsers and a reload each: more than the default 20 s.
test.describe.configure({ timeout: 60_000 });

// The room: venue Wi-Fi that drops and stalls, phones that reload. Nothing a
// participant types may be lost, and the page must say honestly what waits.

async function phoneOnAnswers(browser: import("@playwright/test").Browser, name: string): Promise<Page> {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const phone = await joinedParticipant(browser, await meetingCode(committee), true, name, "Universidad de Chile", "ONGs");
  await committee.close();
  await phone.goto("/answer");
  await expect(phone.locator("body")).toHaveAttribute("data-hydrated", "true");
  return phone;
}

/** How many of this participant's saved answers carry `text` (after a reload). */
async function savedCopies(phone: Page, text: string): Promise<number> {
  await phone.reload();
  await expect(phone.locator("body")).toHaveAttribute("data-hydrated", "true");
  const boxes = phone.getByRole("textbox", { name: "Sus respuestas" });
  const values = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  return values.filter((v) => v === text).length;
}

test("an answer added offline stays on the phone, says it waits, and is saved once when the link returns", async ({ browser }) => {
  const phone = await phoneOnAnswers(browser, "Ana Sinred");
  const question = phone.getByRole("article", { name: /^a\) / });
  const text = "Compras públicas sustentables sin conexión";

  await phone.context().setOffline(true);
  await question.getByLabel("Nueva respuesta").fill(text);
  await question.getByRole("button", { name: "Añadir respuesta" }).click();
  // Still the same page, the text kept and marked as waiting; no error page.
  await expect(phone).toHaveURL(/\/answer$/);
  await expect(question.locator(".my-answer-waiting")).toContainText(text);
  await expect(question.locator(".my-answer-waiting")).toContainText("se enviará al volver la conexión");
  await expect(phone.getByRole("status").filter({ hasText: "Esperando para enviar (1)" })).toBeVisible();
  await expect(phone.getByText("No se pudo cargar esta página")).toHaveCount(0);

  await phone.context().setOffline(false);
  await expect(question.getByRole("textbox", { name: "Sus respuestas" })).toHaveValue(text, { timeout: 10_000 });
  await expect(question.locator(".my-answer-waiting")).toHaveCount(0);
  await expect(phone.getByRole("status").filter({ hasText: "Esperando para enviar" })).toHaveCount(0);
  expect(await savedCopies(phone, text)).toBe(1);
});

test("an answer whose reply was lost is sent again and stored once; the outbox survives a reload", async ({ browser }) => {
  const phone = await phoneOnAnswers(browser, "Beto Respuesta");
  const question = phone.getByRole("article", { name: /^b\) / });
  const text = "Etiquetado ecológico regional";
  // The first add reaches the server, but its reply never reaches the phone.
  let lost = 0;
  await phone.route("**/api/fn/add_answer", async (route) => {
    if (lost === 0) {
      lost++;
      await route.fetch();
      await route.abort("connectionreset");
    } else {
      await route.abort("internetdisconnected");
    }
  });
  await question.getByLabel("Nueva respuesta").fill(text);
  await question.getByRole("button", { name: "Añadir respuesta" }).click();
  await expect(question.locator(".my-answer-waiting")).toContainText(text);

  // A reload keeps the waiting answer (the outbox lives in the browser) ...
  await phone.reload();
  await expect(phone.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(phone.getByRole("article", { name: /^b\) / }).locator(".my-answer-waiting")).toContainText(text);
  // ... and once the network carries it, the server recognises the write it already has.
  await phone.unroute("**/api/fn/add_answer");
  await expect(phone.getByRole("article", { name: /^b\) / }).locator(".my-answer-waiting")).toHaveCount(0, { timeout: 10_000 });
  expect(lost).toBe(1);
  expect(await savedCopies(phone, text)).toBe(1);
});

test("an answer changed offline is saved when the link returns", async ({ browser }) => {
  const phone = await phoneOnAnswers(browser, "Carla Cambio");
  const question = phone.getByRole("article", { name: /^c\) / });
  await question.getByLabel("Nueva respuesta").fill("Primera versión");
  await question.getByRole("button", { name: "Añadir respuesta" }).click();
  const mine = question.getByRole("textbox", { name: "Sus respuestas" });
  await expect(mine).toHaveValue("Primera versión");

  await phone.context().setOffline(true);
  await mine.fill("Versión corregida sin conexión");
  await question.getByRole("button", { name: "Guardar cambio" }).click();
  await expect(question.getByText("se enviará al volver la conexión")).toBeVisible();
  await expect(mine).toHaveValue("Versión corregida sin conexión");
  await phone.context().setOffline(false);
  await expect(question.getByText("se enviará al volver la conexión")).toHaveCount(0, { timeout: 10_000 });
  expect(await savedCopies(phone, "Versión corregida sin conexión")).toBe(1);
  expect(await savedCopies(phone, "Primera versión")).toBe(0);
});

test("sending one question's answer keeps the drafts of the others, also across a reload", async ({ browser }) => {
  const phone = await phoneOnAnswers(browser, "Diego Borrador");
  const b = phone.getByRole("article", { name: /^b\) / });
  const c = phone.getByRole("article", { name: /^c\) / });
  await b.getByLabel("Nueva respuesta").fill("Borrador de b, a medio escribir");
  await c.getByLabel("Nueva respuesta").fill("Respuesta enviada en c");
  await c.getByRole("button", { name: "Añadir respuesta" }).click();
  await expect(c.getByRole("textbox", { name: "Sus respuestas" })).toHaveValue("Respuesta enviada en c");
  await expect(c.getByLabel("Nueva respuesta")).toHaveValue("");
  await expect(b.getByLabel("Nueva respuesta")).toHaveValue("Borrador de b, a medio escribir");

  await phone.reload();
  await expect(phone.locator("body")).toHaveAttribute("data-hydrated", "true");
  await expect(phone.getByRole("article", { name: /^b\) / }).getByLabel("Nueva respuesta")).toHaveValue("Borrador de b, a medio escribir");
});

test("a stalled link turns the indicator to reconnecting and the outbox empties when it returns, without a reload", async ({ browser }, info) => {
  // Waits for the watchdog: two keep-alive intervals (30 s) without a byte.
  test.setTimeout(120_000);
  const proxy = await stallProxy(new URL(info.project.use.baseURL!));
  try {
    const phone = await phoneOnAnswers(browser, "Elena Atascada");
    await phone.goto(`${proxy.url}/answer`);
    await expect(phone.locator("body")).toHaveAttribute("data-hydrated", "true");
    const dot = phone.locator(".link-dot");
    await expect(dot).toHaveText("En vivo");

    proxy.stall();
    const question = phone.getByRole("article", { name: /^d\) / });
    const text = "Enviada mientras la red estaba colgada";
    await question.getByLabel("Nueva respuesta").fill(text);
    await question.getByRole("button", { name: "Añadir respuesta" }).click();
    await expect(question.locator(".my-answer-waiting")).toContainText(text);
    await expect(dot).toHaveText("Reconectando…", { timeout: 35_000 });

    proxy.resume();
    await expect(dot).toHaveText("En vivo", { timeout: 15_000 });
    await expect(question.getByRole("textbox", { name: "Sus respuestas" })).toHaveValue(text, { timeout: 20_000 });
    await expect(question.locator(".my-answer-waiting")).toHaveCount(0);
    expect(await savedCopies(phone, text)).toBe(1);
  } finally {
    await proxy.close();
  }
});

test("a phone back from a dropped link asks only for what it missed: what it watches, from where it was, no full refetch", async ({ browser }) => {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const code = await meetingCode(committee);
  await committee.close();
  const phone = await joinedParticipant(browser, code, true, "Rosa Reanuda", "Fundación Avina", "ONGs");
  const links: string[] = [];
  const fetched: string[] = [];
  phone.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path === "/api/v1/events") links.push(r.url());
    if (path.startsWith("/api/fn/")) fetched.push(path);
  });
  await phone.goto("/answer");
  await expect(phone.locator("body")).toHaveAttribute("data-hydrated", "true");
  const dot = phone.locator(".link-dot");
  await expect(dot).toHaveText("En vivo");
  // The link names what the page shows and where the page's data stands.
  const first = new URL(links[links.length - 1]);
  const watched = first.searchParams.get("watch")!.split(",");
  expect(watched).toEqual(expect.arrayContaining(["clock", expect.stringMatching(/^group:[^:]+:answers$/)]));
  expect(watched.some((w) => w.includes("matrix"))).toBe(false);
  expect(Number(first.searchParams.get("after"))).toBeGreaterThan(0);

  await phone.context().setOffline(true);
  await expect(dot).not.toHaveText("En vivo");
  // Meanwhile somebody joins the same group: a change this page does not show.
  const other = await joinedParticipant(browser, code, true, "Otro Delegado", "Red de ONGs", "ONGs");
  const back = phone.waitForRequest((r) => new URL(r.url()).pathname === "/api/v1/events", { timeout: 15_000 });
  const since = fetched.length;
  await phone.context().setOffline(false);
  const resumed = new URL((await back).url());
  expect(Number(resumed.searchParams.get("after"))).toBeGreaterThanOrEqual(Number(first.searchParams.get("after")));
  await expect(dot).toHaveText("En vivo", { timeout: 15_000 });

  // A change it does show (the other adds an answer in their group) makes
  // the questions refetch, and nothing else: a full refetch on return (what
  // a link that cannot resume does) would have fetched the clock as well.
  const refetch = phone.waitForRequest((r) => r.url().includes("/api/fn/my_questions"), { timeout: 15_000 });
  const question = other.getByRole("article", { name: /^a\) / });
  await question.getByLabel("Nueva respuesta").fill("Una respuesta mientras Rosa volvía");
  await question.getByRole("button", { name: "Añadir respuesta" }).click();
  await refetch;
  expect(fetched.slice(since)).toEqual(["/api/fn/my_questions"]);
  await other.close();
  await phone.close();
});
