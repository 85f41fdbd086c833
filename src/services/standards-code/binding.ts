import { ancestorsOf } from '../../core/org/unit-tree';
import type { StandardDefinition } from '../../contract/catalog.schema';
import type { UnitRow } from '../../db/unit.repository';

/**
 * Which units a standard binds: every unit when it names none, else the named units and everything
 * below them. `bindsUnit(def, hr, units)` is true for a standard naming HR, HR's parent, or none.
 */
export function bindsUnit(
  definition: Pick<StandardDefinition, 'units'>,
  unit: Pick<UnitRow, 'id'>,
  tree: UnitTreeIndex,
): boolean {
  if (definition.units === undefined) return true;
  const codes = tree.chainCodes(unit.id);
  return definition.units.some((code) => codes.has(code));
}

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

/** A unit as the agreement contract's `UnitRef`. */
export const unitRef = (row: UnitRow) => ({
  id: row.id,
  code: row.code,
  name: { ru: row.name_ru, en: row.name_en },
});
