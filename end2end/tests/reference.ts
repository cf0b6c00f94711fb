import { expect, test } from "@playwright/test";
import { es, loadSeed } from "./seed";

// The reference pages against the seed the server runs: whatever parts it
// has (lists and tables, any number), each listed, each page showing what
// the seed holds. Called by reference.spec.ts (the first meeting) and
// reference.second-meeting.spec.ts (the workshop).

interface Facet { id: string; show: string }
interface Entry { id: string; name: unknown; facts?: Record<string, unknown[]> }
interface Part { id: string; kind: string; heading: unknown; numbered?: boolean; facets?: Facet[]; entries?: Entry[]; lines?: { text: unknown }[] }

export function referencePagesFollowTheSeed(seedFile: string): void {
  const seed = loadSeed(seedFile);
  const parts: Part[] = seed.reference ?? [];

  test(`${seedFile}: the reference index links to the matrix and every part`, async ({ page }) => {
    await page.goto("/reference");
    const links = page.getByRole("main").getByRole("link");
    await expect(links).toHaveCount(1 + parts.length);
    await expect(links.first()).toHaveAccessibleName(/Matriz del plan de acción/);
    for (const [i, part] of parts.entries()) {
      await expect(links.nth(i + 1)).toHaveAttribute("href", `/reference/${part.id}`);
      await expect(links.nth(i + 1).getByRole("heading")).toHaveText(es(part.heading as string));
    }
  });

  for (const part of parts) {
    test(`${seedFile}: /reference/${part.id} shows its ${part.kind}`, async ({ page }) => {
      await page.goto(`/reference/${part.id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(es(part.heading as string));
      const main = page.getByRole("main");
      if (part.kind === "table") {
        for (const d of seed.dimensions) {
          await expect(main.getByRole("heading", { level: 2, name: `${d.number}. ${es(d.title)}` })).toBeVisible();
        }
        for (const line of part.lines ?? []) await expect(main.getByText(es(line.text as string), { exact: true }).first()).toBeVisible();
        return;
      }
      const entries = part.entries ?? [];
      const name = (e: Entry, i: number) => (part.numbered ? `${i + 1}. ` : "") + es(e.name as string);
      if (!part.facets?.length) {
        await expect(main.getByRole("listitem")).toHaveCount(entries.length);
        for (const e of entries) await expect(main.getByText(es(e.name as string), { exact: true })).toBeVisible();
        return;
      }
      const cards = main.getByRole("article");
      await expect(cards).toHaveCount(entries.length);
      for (const [i, e] of entries.entries()) {
        const card = cards.nth(i);
        await expect(card.getByRole("heading", { level: 2 })).toHaveText(name(e, i));
        // What an entry shows open: its lists, numbered lists and chips, item by item.
        for (const f of part.facets.filter((f) => ["list", "numbered", "chips"].includes(f.show))) {
          const values = e.facts?.[f.id] ?? [];
          for (const v of values) await expect(card.getByText(es(v as string), { exact: true }).first()).toBeVisible();
        }
      }
    });
  }

  test(`${seedFile}: the matrix page shows its columns and the proposed rows by dimension`, async ({ page }) => {
    await page.goto("/reference/matrix");
    const columns = page.getByRole("region", { name: "Columnas de la matriz" }).getByRole("listitem");
    await expect(columns).toHaveCount(seed.matrix.columns.length);
    const tables = page.getByRole("table");
    await expect(tables).toHaveCount(seed.dimensions.length);
    await expect(tables.first().getByRole("columnheader")).toHaveText(seed.matrix.columns.map((c: { title: unknown }) => es(c.title as string)));
    for (const row of seed.matrix.rows) {
      await expect(page.getByRole("rowheader", { name: es(row.heading), exact: true })).toBeVisible();
    }
    await expect(page.getByText(`Máximo de líneas por categoría: ${seed.matrix.max_lines_per_dimension}`)).toBeVisible();
  });
}
