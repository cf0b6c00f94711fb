// The shipped seed, read by the tests so they check the pages against the
// same data the server was started with.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";

type Text = string | { es: string; en?: string };
export const es = (t: Text): string => (typeof t === "string" ? t : t.es);
export const en = (t: Text): string => (typeof t === "string" ? t : t.en ?? t.es);

export interface SubItem { id: string; label: string; text: Text }
export interface Question { id: string; label: string; section?: Text; text: Text; parts?: { intro?: Text; items: SubItem[] }[] }
export interface Guide { id: string; title: Text; questions: Question[] }
export interface Group { id: string; number: number; name: Text; label: Text; countries?: string[]; organisations?: string[] }

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const seed: any = parse(readFileSync(join(__dirname, "..", "..", "seeds", "meeting.toml"), "utf8"));

export function guideOf(session: number): Guide {
  const s = seed.sessions.find((x: { number: number }) => x.number === session);
  return seed.guides.find((g: Guide) => g.id === s.guide);
}

export function groupsOf(session: number): Group[] {
  const s = seed.sessions.find((x: { number: number }) => x.number === session);
  return seed.group_sets.find((g: { id: string }) => g.id === s.group_set).groups;
}
