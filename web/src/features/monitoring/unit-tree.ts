/** A unit as the summary answers it. */
export interface SummaryUnit {
  code: string;
  name_ru: string | null;
  name_en: string | null;
  parent_code: string | null;
}

/**
 * Units in tree order (each parent, then its children by code), with their depth. A unit whose
 * parent is not in the list (a head sees only their own part) starts a tree of its own.
 */
export function treeOrder<U extends SummaryUnit>(units: readonly U[]): { unit: U; depth: number }[] {
  const codes = new Set(units.map((u) => u.code));
  const children = new Map<string | null, U[]>();
  for (const u of units) {
    const parent = u.parent_code !== null && codes.has(u.parent_code) ? u.parent_code : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  for (const list of children.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const out: { unit: U; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.code)) continue;
      seen.add(u.code);
      out.push({ unit: u, depth });
      walk(u.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The unit and every unit below it (codes), among those listed. */
export function subtreeCodes(units: readonly SummaryUnit[], root: string): Set<string> {
  const out = new Set<string>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units)
      if (u.parent_code !== null && out.has(u.parent_code) && !out.has(u.code)) {
        out.add(u.code);
        grew = true;
      }
  }
  return out;
}
