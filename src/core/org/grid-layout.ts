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
