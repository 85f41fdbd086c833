import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { wouldCreateCycle } from '../../../../src/core/org/unit-tree';
import { localName, type OrgIndex } from './org-tree';

/** Every IANA zone the browser knows, for the searchable time-zone pickers. */
export const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

/** "HR-PAY — Payroll": how a unit is named in pickers and confirmations. */
export function useUnitLabel() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  return useCallback(
    (unit: { code: string; name: { ru: string | null; en: string | null } }) => {
      const name = localName(unit.name, lng, unit.code);
      return name === unit.code ? unit.code : `${unit.code} — ${name}`;
    },
    [lng],
  );
}

/**
 * Units that can take `unitId` (or a new unit, when null) as a child: active ones, minus the unit
 * itself and everything below it. Indented by depth so the picker still reads as a tree.
 */
export function useParentOptions(index: OrgIndex | undefined, unitId: string | null, keep?: string | null) {
  const label = useUnitLabel();
  return useMemo(() => {
    if (!index) return [];
    const depth = (id: string) => {
      let d = 0;
      for (let p = index.links.get(id) ?? null; p !== null && d < 50; p = index.links.get(p) ?? null) d++;
      return d;
    };
    return index.all
      .filter(
        (u) =>
          u.id === keep ||
          (u.status === 'active' && (unitId === null || !wouldCreateCycle(index.links, unitId, u.id))),
      )
      .map((u) => ({ value: u.id, label: `${'\u2003'.repeat(depth(u.id))}${label(u)}` }));
  }, [index, unitId, keep, label]);
}
