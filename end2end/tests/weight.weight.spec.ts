// Page weight (issue: load, faults and bundle budget). Records every byte a
// participant's phone downloads to join and answer, writes the figures to
// target/page-weight.json for docs/performance.md, and checks what the
// figures rest on: every asset is served compressed and cacheable for good,
// the phone fetches only its own audience's lazy chunks, and coming back
// downloads no code at all. Byte counts, never timings.
import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { recordDownloads, totals } from "./downloads";
import { meetingCode, newPerson, signInAsCommittee } from "./people";

const pkg = "../target/site/pkg";

/** Chunk files (no extension) each audience's screens need, from wasm-split's manifest. */
function chunksByAudience(): Map<string, Set<string>> {
  // `__wasm_split_manifest.<hash>.json`: the build hashes the site's file names.
  const name = readdirSync(pkg).find((f) => /^__wasm_split_manifest(\.[\w-]+)?\.json$/.test(f));
  const manifest: Record<string, string[]> = JSON.parse(readFileSync(`${pkg}/${name}`, "utf8"));
  const byAudience = new Map<string, Set<string>>();
  for (const [key, chunks] of Object.entries(manifest)) {
    const audience = /^_*([a-z]+)_screen_/.exec(key)?.[1];
    if (audience) byAudience.set(audience, new Set(chunks));
  }
  return byAudience;
}

test("a participant's phone joins and answers with compressed downloads and only its own screens' code", async ({ browser }) => {
  const committee = await newPerson(browser, true);
  await signInAsCommittee(committee);
  const code = await meetingCode(committee);

  const phone = await newPerson(browser, true, { width: 390, height: 844 });
  const downloads = recordDownloads(phone);
  await phone.goto(`/join?code=${code}`);
  await expect(phone.locator("body")).toHaveAttribute("data-hydrated", "true");
  await phone.getByLabel("Nombre").fill("Ana Peso");
  await phone.getByLabel("País u organización").fill("Perú");
  await phone.getByRole("button", { name: "Unirme" }).click();
  await expect(phone).toHaveURL(/\/answer$/);
  const question = phone.getByRole("article", { name: /^a\) / });
  await question.getByLabel("Nueva respuesta").fill("Compras públicas");
  await question.getByRole("button", { name: "Añadir respuesta" }).click();
  await expect(question.getByRole("textbox", { name: "Sus respuestas" })).toHaveValue("Compras públicas");
  const list = await downloads();

  // Everything static comes precompressed, pages compressed per request.
  for (const d of list.filter((d) => ["html", "wasm", "js", "css"].includes(d.kind))) {
    expect(d.encoding, d.path).toBe("br");
    expect(d.served, d.path).toBeLessThan(d.raw);
  }
  // Code and styles have content-hashed names, so browsers may keep them for good.
  for (const d of list.filter((d) => ["wasm", "js", "css"].includes(d.kind))) {
    expect(d.cacheControl, d.path).toContain("immutable");
  }

  // Only the participant screens' chunks (and the shared ones) were fetched.
  const audiences = chunksByAudience();
  const own = audiences.get("participant");
  expect(own?.size, "participant chunks in the split manifest").toBeGreaterThan(0);
  const fetched = list
    .map((d) => /\/pkg\/([\w.-]+)\.wasm$/.exec(d.path)?.[1])
    .filter((c): c is string => !!c && !c.startsWith("plenaria."));
  expect(fetched.length).toBeGreaterThan(0);
  for (const chunk of fetched) expect(own!.has(chunk), `${chunk} belongs to the participant screens`).toBe(true);

  // Coming back (a new page load, as after the coffee break): the page and the
  // server's answers come over the network, the code from the browser's cache
  // (Resource Timing's transferSize is 0 only for a cache hit, not for a 304).
  await phone.goto("/answer");
  await expect(phone.locator("body")).toHaveAttribute("data-hydrated", "true");
  const second = await phone.evaluate(() =>
    [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
      .map((e) => e as PerformanceResourceTiming)
      .map((e) => ({ path: new URL(e.name).pathname, transferSize: e.transferSize })),
  );
  const codeFiles = second.filter((r) => r.path.startsWith("/pkg/"));
  expect(codeFiles.length, "the page loads its code").toBeGreaterThan(0);
  for (const r of codeFiles) expect(r.transferSize, `${r.path} on the second visit`).toBe(0);
  const secondVisit = { files: second.length, fromCache: codeFiles.length, transferred: second.reduce((n, r) => n + r.transferSize, 0), requests: second };

  const report = { flow: "join + answer (phone, first visit)", ...totals(list), downloads: list, secondVisit };
  writeFileSync("../target/page-weight.json", JSON.stringify(report, null, 2));
  console.log(JSON.stringify({ total: report.total, byKind: report.byKind, secondVisit: { ...secondVisit, requests: undefined } }, null, 2));
});
