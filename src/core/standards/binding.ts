/**
 * Whether a standard binds a unit: a standard naming no units binds every unit; otherwise it binds
 * the units it names and everything below them. `chainCodes` are the codes of the unit and of all
 * its ancestors. Example: a standard for `[HR]` binds `HR-PAYROLL` (chain `HR-PAYROLL, HR, ORG`).
 * The one rule for the catalog's unit filter, acknowledgements, the handbook and the export.
 */
export function bindsUnit(
  standard: { units?: readonly string[] | undefined },
  chainCodes: ReadonlySet<string>,
): boolean {
  return standard.units === undefined || standard.units.some((code) => chainCodes.has(code));
}
