import { nestUnits, type TreeNode } from './unit-tree';

/**
 * A flat list of units in tree order: depth first, each unit followed by the units below it,
 * siblings kept in the list's order (sort the list by code first). `depth` counts from the list's
 * own roots (0); a unit whose parent is not in the list is such a root.
 * Example: `[ORG, HR(ORG), IT(ORG), HR-PAY(HR)]` → ORG 0, HR 1, HR-PAY 2, IT 1.
 */
export function depthFirst<T extends { id: string; parent_id: string | null }>(
  units: readonly T[],
): { unit: T; depth: number }[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: { unit: T; depth: number }[] = [];
  const visit = (nodes: readonly TreeNode<T>[], depth: number) => {
    for (const node of nodes) {
      out.push({ unit: byId.get(node.id)!, depth });
      visit(node.children, depth + 1);
    }
  };
  visit(nestUnits(units), 0);
  return out;
}

/**
 * Orders by code ignoring case, then by code, comparing code points — the order SQLite gives
 * `order by lower(code), code`. Sorting here rather than in SQL keeps the grid's order the same on
 * a PostgreSQL database with a language collation (en_US.UTF-8, ICU), which puts `hr` before `HR`
 * and orders or ignores `-`, `.` and `_` its own way.
 * Example: `['Z_1', 'z', 'Z-1', 'Z'].sort(…)` by code → `Z`, `z`, `Z-1`, `Z_1`.
 */
export function compareCodes(a: { code: string }, b: { code: string }): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.code.toLowerCase(), b.code.toLowerCase()) || cmp(a.code, b.code);
}
