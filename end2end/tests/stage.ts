// Helpers for the projector's stage: filling every group's matrix, turning
// pages from the remote, measuring what the back of the room reads, and
// scanning the join slide's QR code as a phone would.
import { expect, type Browser, type Page } from "@playwright/test";
import { join } from "node:path";
import { newPerson } from "./people";
import { groupsOf, seed } from "./seed";

const words = "consumo producción sostenible compras públicas residuos energía agua ciudades educación pymes ecoeficiencia turismo".split(" ");
const prose = (n: number, salt: number) => Array.from({ length: n }, (_, i) => words[(i * 7 + salt) % words.length]).join(" ");

/** Fills each of the six groups of sessions 1–3 to twelve lines (four per
 * dimension, the most a dimension holds) through their coordinators;
 * returns the markers («group-n», in each priority) of the lines it wrote. */
export async function fillSixGroups(browser: Browser, committee: Page): Promise<Set<string>> {
  const dimensions: string[] = seed.dimensions.map((d: { id: string }) => d.id);
  const markers = new Set<string>();
  for (const group of groupsOf(1)) {
    const issued = await committee.request.post("/api/fn/issue_coordinator_link", { form: { group: group.id, deputy: "true" } });
    expect(issued.status()).toBe(200);
    const coordinator = await newPerson(browser, false);
    const signIn = await coordinator.request.post("/api/fn/coordinator_sign_in", { form: { token: (await issued.json()).link.token } });
    expect(signIn.ok()).toBe(true);
    for (let n = 1; n <= 12; n++) {
      const row = await coordinator.request.post("/api/fn/add_matrix_row", { form: { group: group.id, dimension: dimensions[n % dimensions.length] } });
      // Earlier tests wrote lines too: a dimension holds four, and is then full.
      if (row.status() === 409 && (await row.text()).includes("dimension_full")) continue;
      expect(row.status(), await row.text()).toBe(200);
      const id = await row.json();
      const marker = `${group.id}-${n}`;
      const cells: Record<string, string> = {
        prioridades: `«${marker}» ${prose(14, n)}`,
        ilac: `${(n % 8) + 1},${((n + 3) % 8) + 1}`,
        resultados_corto: prose(12, n + 1),
        resultados_largo: prose(12, n + 2),
        indicadores: prose(10, n + 3),
      };
      for (const [field, text] of Object.entries(cells)) {
        const form = { group: group.id, key: `m/${id}/${field}`, base: "0", text, op: `op-stage-${marker}-${field}`.slice(0, 64) };
        const saved = await coordinator.request.post("/api/fn/save_cell", { form });
        expect(saved.status(), await saved.text()).toBe(200);
      }
      markers.add(marker);
    }
    await coordinator.context().close();
  }
  return markers;
}

export async function pageNumber(projector: Page): Promise<number> {
  return Number(await projector.locator(".stage").getAttribute("data-page"));
}

/** One page forward (1) or back (-1) from the committee's remote. */
export async function turnPage(remote: Page, projector: Page, step: 1 | -1): Promise<void> {
  const before = await pageNumber(projector);
  await remote.getByRole("main").getByRole("button", { name: step > 0 ? "Siguiente ▶" : "◀ Anterior" }).click();
  await expect(projector.locator(".stage")).toHaveAttribute("data-page", String(before + step), { timeout: 2000 });
}

/** What the back of the room cannot read or see: text under 24 px (content
 * under 28 px), anything cut by the slide or the title's two lines, and any
 * scrolling. Fails listing each. */
export async function checkStage(projector: Page, what: string): Promise<void> {
  const problems = await projector.evaluate(() => {
    const out: string[] = [];
    const doc = document.scrollingElement!;
    if (doc.scrollHeight > innerHeight + 1 || doc.scrollWidth > innerWidth + 1) out.push(`page scrolls: ${doc.scrollWidth}×${doc.scrollHeight}`);
    const body = document.querySelector(".stage-body")!;
    const bottom = body.getBoundingClientRect().bottom;
    if (body.scrollHeight > body.clientHeight + 1) out.push(`slide overflows: ${body.scrollHeight} > ${body.clientHeight}`);
    for (const el of document.querySelectorAll(".slide-col, .slide-lead, .join-slide, .big-clock"))
      if (el.getBoundingClientRect().bottom > bottom + 1) out.push(`cut: ${(el as HTMLElement).innerText.slice(0, 60)}`);
    for (const el of document.querySelectorAll(".stage-title"))
      if (el.scrollHeight > el.clientHeight + 1) out.push(`title cut: ${(el as HTMLElement).innerText}`);
    const walker = document.createTreeWalker(document.querySelector(".stage")!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent!.trim() || el.closest(".visually-hidden") || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      const content = el.closest(".slide-content, .slide-strong, .slide-lead, .slide-col-head h2");
      if (size < (content ? 28 : 24)) out.push(`${size}px${content ? " content" : ""}: ${n.textContent!.trim().slice(0, 40)}`);
    }
    return out;
  });
  expect(problems, what).toEqual([]);
}

/** Decodes the QR code on the projector's screen from a screenshot shrunk to
 * `scale`, as a phone far from the screen sees it. */
export async function decodeQrAt(projector: Page, scale: number): Promise<string | null> {
  const shot = (await projector.screenshot()).toString("base64");
  const viewport = projector.viewportSize()!;
  const reader = await projector.context().newPage();
  await reader.addScriptTag({ path: join(__dirname, "..", "node_modules", "jsqr", "dist", "jsQR.js") });
  const text = await reader.evaluate(
    async ({ shot, w, h }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${shot}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      [canvas.width, canvas.height] = [w, h];
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(img, 0, 0, w, h);
      const data = ctx.getImageData(0, 0, w, h);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (window as any).jsQR(data.data, w, h)?.data ?? null;
    },
    { shot, w: Math.round(viewport.width * scale), h: Math.round(viewport.height * scale) },
  );
  await reader.close();
  return text;
}
