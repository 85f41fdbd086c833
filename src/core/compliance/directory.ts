/** A name given as one string or per language: `{ ru: 'отдел кадров', en: 'HR department' }`. */
export type LocalizedName = string | Readonly<Record<string, string>>;

/** What the engine knows of the organization: the unit tree and people's names. */
export interface Directory {
  /** The units above `unit`, nearest first (empty for a root or an unknown unit). */
  ancestors(unit: string): readonly string[];
  unitNames(code: string): readonly string[];
  employeeNames(code: string): readonly string[];
  /** Whether a unit is known; always true for an empty directory (nothing to check against). */
  knowsUnit(code: string): boolean;
  /** Whether an employee is known; always true when no employees are listed. */
  knowsEmployee(code: string): boolean;
}

const names = (name: LocalizedName | undefined): readonly string[] =>
  name === undefined ? [] : typeof name === 'string' ? [name] : Object.values(name);

/**
 * Builds a directory from units (`{code, name, parent}`) and employees (`{code, name}`); ancestor
 * lists are computed once per unit. The caller has rejected unknown parents and cycles.
 * Example: units ORG ← HR ← HR-PAY → `ancestors('HR-PAY')` = ['HR', 'ORG'].
 */
export function createDirectory(
  units: ReadonlyArray<{ code: string; name?: LocalizedName | undefined; parent?: string | undefined }>,
  employees: ReadonlyArray<{ code: string; name?: LocalizedName | undefined }>,
): Directory {
  const parentOf = new Map(units.map((u) => [u.code, u.parent]));
  const unitNames = new Map(units.map((u) => [u.code, names(u.name)]));
  const employeeNames = new Map(employees.map((e) => [e.code, names(e.name)]));
  const ancestors = new Map<string, readonly string[]>();
  const ancestorsOf = (unit: string): readonly string[] => {
    let known = ancestors.get(unit);
    if (known) return known;
    const chain: string[] = [];
    for (let p = parentOf.get(unit); p !== undefined && !chain.includes(p); p = parentOf.get(p))
      chain.push(p);
    known = chain;
    ancestors.set(unit, known);
    return known;
  };
  return {
    ancestors: ancestorsOf,
    unitNames: (code) => unitNames.get(code) ?? [],
    employeeNames: (code) => employeeNames.get(code) ?? [],
    knowsUnit: (code) => parentOf.size === 0 || parentOf.has(code),
    knowsEmployee: (code) => employeeNames.size === 0 || employeeNames.has(code),
  };
}
