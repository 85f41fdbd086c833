import { ancestorsOf, type ParentLinks } from './unit-tree';

/** A unit's own settings; `null` means "as my parent". */
export interface OwnSettings {
  timezone: string | null;
  calendar: string | null;
}

/** A setting as it applies to a unit, and the unit that set it (`null`: nobody up the tree did). */
export interface Inherited {
  value: string | null;
  from_unit_id: string | null;
}

export interface EffectiveSettings {
  timezone: Inherited;
  calendar: Inherited;
}

/**
 * The time zone and calendar that apply to `unitId`: its own, else the nearest ancestor's, each
 * setting on its own. Example: ORG sets `Europe/Moscow` and calendar `office`, HR sets calendar
 * `hr-shifts` → HR-PAY (under HR) gets `Europe/Moscow` from ORG and `hr-shifts` from HR. When no
 * unit up the tree sets one, the value is `null` and the caller uses the instance default.
 */
export function effectiveSettings(
  links: ParentLinks,
  settings: ReadonlyMap<string, OwnSettings>,
  unitId: string,
): EffectiveSettings {
  const chain = [unitId, ...ancestorsOf(links, unitId)];
  const pick = (key: keyof OwnSettings): Inherited => {
    for (const id of chain) {
      const value = settings.get(id)?.[key] ?? null;
      if (value !== null) return { value, from_unit_id: id };
    }
    return { value: null, from_unit_id: null };
  };
  return { timezone: pick('timezone'), calendar: pick('calendar') };
}

/**
 * The organization's time zone, where no unit up the tree sets one: the first root unit's (by
 * code) that sets a zone, else UTC. Example: roots `ORG` (Europe/Moscow) and `BRANCH` (none) →
 * `Europe/Moscow`.
 */
export function organizationZone(
  units: ReadonlyArray<{ code: string; parent_id: string | null; timezone: string | null }>,
): string {
  let first: { code: string; timezone: string } | undefined;
  for (const u of units)
    if (u.parent_id === null && u.timezone !== null && (first === undefined || u.code < first.code))
      first = { code: u.code, timezone: u.timezone };
  return first?.timezone ?? 'UTC';
}
