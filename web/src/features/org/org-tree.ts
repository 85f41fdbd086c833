import type { UnitNode } from '../../../../src/contract/unit.schema';
import { effectiveSettings } from '../../../../src/core/org/unit-settings';
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
 * A setting a unit leaves empty (time zone, calendar) as core's effectiveSettings resolves it: the
 * value and the ancestor it comes from, or null when the unit sets it itself or nobody above does.
 */
export function inherited(
  index: OrgIndex,
  unitId: string,
  key: 'timezone' | 'calendar',
): { value: string; from: UnitNode } | null {
  const { value, from_unit_id } = effectiveSettings(index.links, index.byId, unitId)[key];
  if (value === null || from_unit_id === null || from_unit_id === unitId) return null;
  const from = index.byId.get(from_unit_id);
  return from ? { value, from } : null;
}
