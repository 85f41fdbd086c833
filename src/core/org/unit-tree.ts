/**
 * The unit tree as plain data: each unit id mapped to its parent's id (`null` for a root). Pure, so
 * the services, the importer and the web app's drag-to-move all answer the same way.
 */
export type ParentLinks = ReadonlyMap<string, string | null>;

/**
 * The ancestors of `unitId`, nearest first, not including the unit itself. Stops at a unit seen
 * twice, so even damaged data (a cycle) cannot loop forever.
 * Example: with ORG ← HR ← HR-PAY, `ancestorsOf(links, 'HR-PAY')` → `['HR', 'ORG']`.
 */
export function ancestorsOf(links: ParentLinks, unitId: string): string[] {
  const ancestors: string[] = [];
  const seen = new Set([unitId]);
  let current = links.get(unitId) ?? null;
  while (current !== null && !seen.has(current)) {
    ancestors.push(current);
    seen.add(current);
    current = links.get(current) ?? null;
  }
  return ancestors;
}

/**
 * Whether putting `unitId` under `newParentId` would close a loop: the new parent is the unit
 * itself or one of its descendants. `null` (making it a root) never does.
 * Example: with ORG ← HR ← HR-PAY, `wouldCreateCycle(links, 'HR', 'HR-PAY')` → true,
 * `wouldCreateCycle(links, 'HR-PAY', 'ORG')` → false.
 */
export function wouldCreateCycle(links: ParentLinks, unitId: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  return newParentId === unitId || ancestorsOf(links, newParentId).includes(unitId);
}

/** A unit with the units directly below it, recursively. */
export type TreeNode<T> = T & { children: TreeNode<T>[] };

/**
 * Nests a flat list into trees, keeping the list's order among siblings. A unit whose parent is not
 * in the list becomes a root, so a filtered list still shows everything it holds.
 * Example: `nestUnits([{id:'ORG',parent_id:null},{id:'HR',parent_id:'ORG'}])` →
 * `[{id:'ORG', parent_id:null, children:[{id:'HR', parent_id:'ORG', children:[]}]}]`.
 */
export function nestUnits<T extends { id: string; parent_id: string | null }>(
  units: readonly T[],
): TreeNode<T>[] {
  const nodes = new Map(units.map((u) => [u.id, { ...u, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id === null ? undefined : nodes.get(node.parent_id);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
