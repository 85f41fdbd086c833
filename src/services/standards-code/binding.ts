import { ancestorsOf } from '../../core/org/unit-tree';
import { bindsUnit as bindsChain } from '../../core/standards/binding';
import type { StandardDefinition } from '../../contract/catalog.schema';
import type { UnitRow } from '../../db/unit.repository';

/**
 * Whether a standard binds a unit of the tree (core's rule: none named binds all, a named unit
 * binds everything below it). `bindsUnit(def, hr, tree)` is true for a standard naming HR, HR's parent, or none.
 */
export const bindsUnit = (
  definition: Pick<StandardDefinition, 'units'>,
  unit: Pick<UnitRow, 'id'>,
  tree: UnitTreeIndex,
): boolean => bindsChain(definition, tree.chainCodes(unit.id));

/** The organization's units indexed for binding questions: a unit's own code and its ancestors'. */
export interface UnitTreeIndex {
  byId: ReadonlyMap<string, UnitRow>;
  links: ReadonlyMap<string, string | null>;
  /** The unit and its ancestors, nearest first (ids). */
  chain(unitId: string): string[];
  /** The codes of the unit and of every ancestor. */
  chainCodes(unitId: string): ReadonlySet<string>;
}

export function indexUnits(rows: readonly UnitRow[]): UnitTreeIndex {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const links = new Map(rows.map((r) => [r.id, r.parent_id]));
  const chain = (unitId: string) => [unitId, ...ancestorsOf(links, unitId)];
  return {
    byId,
    links,
    chain,
    chainCodes: (unitId) => new Set(chain(unitId).flatMap((id) => byId.get(id)?.code ?? [])),
  };
}
