import type { UnitNode } from '../../../../src/contract/unit.schema';
import { ancestorsOf, type ParentLinks } from '../../../../src/core/org/unit-tree';

type Names = { ru: string | null; en: string | null };

/** A name in the interface language, else the other language, else the code. */
export function localName(name: Names, lng: string, code: string): string {
  const first = lng.startsWith('ru') ? name.ru : name.en;
  const second = lng.startsWith('ru') ? name.en : name.ru;
  return first ?? second ?? code;
}

/** The tree as lookups: every unit by id, and each unit's parent for core's tree functions. */
export interface OrgIndex {
  roots: UnitNode[];
  byId: ReadonlyMap<string, UnitNode>;
  links: ParentLinks;
  /** Every unit, depth-first in the tree's order. */
  all: UnitNode[];
}

export function indexTree(roots: UnitNode[]): OrgIndex {
  const byId = new Map<string, UnitNode>();
  const links = new Map<string, string | null>();
  const all: UnitNode[] = [];
  const walk = (nodes: UnitNode[]) => {
    for (const node of nodes) {
      byId.set(node.id, node);
      links.set(node.id, node.parent_id);
      all.push(node);
      walk(node.children);
    }
  };
  walk(roots);
  return { roots, byId, links, all };
}

/** Whether the unit's code or a name contains the search text (case-insensitive). */
export function unitMatches(unit: UnitNode, q: string): boolean {
  const needle = q.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [unit.code, unit.name.ru, unit.name.en].some((s) => !!s && s.toLocaleLowerCase().includes(needle));
}

/**
 * The units to show: without a search, every unit (active only unless archived ones are wanted);
 * with one, the matching units and their ancestors, so each match is seen where it sits.
 * `null` means "no filter at all".
 */
export function visibleUnits(index: OrgIndex, q: string, showArchived: boolean): Set<string> | null {
  const shown = (u: UnitNode) => showArchived || u.status !== 'archived';
  if (!q.trim() && showArchived) return null;
  const visible = new Set<string>();
  for (const unit of index.all) {
    if (!shown(unit)) continue;
    if (q.trim() && !unitMatches(unit, q)) continue;
    // An archived ancestor is kept too when it leads to a visible match.
    visible.add(unit.id);
    for (const id of ancestorsOf(index.links, unit.id)) visible.add(id);
  }
  return visible;
}

/**
 * A setting a unit leaves empty (time zone, calendar) comes from the nearest ancestor that has one:
 * the value and the unit it comes from, or null when no ancestor sets it.
 */
export function inherited<K extends 'timezone' | 'calendar'>(
  index: OrgIndex,
  unitId: string,
  key: K,
): { value: string; from: UnitNode } | null {
  for (const id of ancestorsOf(index.links, unitId)) {
    const unit = index.byId.get(id);
    const value = unit?.[key];
    if (unit && value) return { value, from: unit };
  }
  return null;
}
