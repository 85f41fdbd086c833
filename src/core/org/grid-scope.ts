import { ancestorsOf, type ParentLinks } from './unit-tree';

/**
 * Whether a head covers a grid provider: the provider's unit (the unit itself, or the unit an
 * employee belongs to) is one the head heads, or lies anywhere below one of them.
 * `headedUnitIds` are the units the person heads (users → employees.user_id → unit_heads).
 * Example: with ORG ← HR ← HR-PAY and a head of HR, `headCoversUnit(links, ['HR'], 'HR-PAY')` → true,
 * `headCoversUnit(links, ['HR'], 'ORG')` → false.
 */
export function headCoversUnit(
  links: ParentLinks,
  headedUnitIds: readonly string[],
  providerUnitId: string,
): boolean {
  if (headedUnitIds.length === 0) return false;
  if (headedUnitIds.includes(providerUnitId)) return true;
  return ancestorsOf(links, providerUnitId).some((id) => headedUnitIds.includes(id));
}
