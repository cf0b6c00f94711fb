// The shipped seed, read by the tests so they check the pages against the
// same data the server was started with.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";

export type Lang = "es" | "en" | "pt" | "fr";
type Text = string | { es: string; en?: string; pt?: string; fr?: string };
export const es = (t: Text): string => (typeof t === "string" ? t : t.es);
export const en = (t: Text): string => (typeof t === "string" ? t : t.en ?? t.es);
/** A seed text in `lang` (the seed carries every language it declares). */
export const tr = (t: Text, lang: Lang): string => (typeof t === "string" ? t : t[lang] ?? t.es);

/** Every text of the seed: each value that is a table with an `es` key. */
export function seedTexts(node: unknown = seed, out: Record<string, string>[] = []): Record<string, string>[] {
  if (Array.isArray(node)) node.forEach((n) => seedTexts(n, out));
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (typeof o.es === "string") out.push(o as Record<string, string>);
    else Object.values(o).forEach((n) => seedTexts(n, out));
  }
  return out;
}

export interface SubItem { id: string; label: string; text: Text }
export interface Question { id: string; label: string; section?: Text; text: Text; parts?: { intro?: Text; items: SubItem[] }[] }
export interface Guide { id: string; title: Text; questions: Question[] }
export interface Group { id: string; number: number; name: Text; label: Text; countries?: Text[]; organisations?: Text[] }

/** A seed file of ../seeds, parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const loadSeed = (file: string): any => parse(readFileSync(join(__dirname, "..", "..", "seeds", file), "utf8"));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const seed: any = loadSeed("meeting.toml");
/** The languages the seed declares (every text carries each). */
export const langs: Lang[] = seed.languages;

export function guideOf(session: number): Guide {
  const s = seed.sessions.find((x: { number: number }) => x.number === session);
  return seed.guides.find((g: Guide) => g.id === s.guide);
}

export function groupsOf(session: number): Group[] {
  const s = seed.sessions.find((x: { number: number }) => x.number === session);
  return seed.group_sets.find((g: { id: string }) => g.id === s.group_set).groups;
}
