import { describe, expect, it } from 'vitest';
import { actorCoversUnit, systemActor, type Actor } from './actor';
import { ROLES } from './roles';
import { PERMISSIONS, roleCan, type Permission } from './permissions';

const scoped = (units: Actor['units']): Actor => ({
  kind: 'user',
  id: 'u1',
  label: 'u1',
  role: 'head',
  units,
});

describe('actorCoversUnit', () => {
  const cases: Array<
    [label: string, units: Actor['units'], unit: string, ancestors: string[] | undefined, expected: boolean]
  > = [
    ['all units cover anything', 'all', 'HR-PAYROLL', undefined, true],
    ['the unit itself is in scope', ['HR'], 'HR', [], true],
    ['the parent is in scope', ['HR'], 'HR-PAYROLL', ['HR', 'ORG'], true],
    ['a farther ancestor is in scope', ['ORG'], 'HR-PAYROLL', ['HR', 'ORG'], true],
    ['a sibling is not covered', ['HR'], 'SALES', ['ORG'], false],
    ['a child does not cover its parent', ['HR-PAYROLL'], 'HR', ['ORG'], false],
    ['no ancestors given, another unit', ['HR'], 'SALES', undefined, false],
    ['an empty scope covers nothing', [], 'HR', ['ORG'], false],
    ['ids are compared exactly (no prefix match)', ['HR'], 'HR2', ['ORG'], false],
    ['one of several units in scope', ['SALES', 'HR'], 'HR-PAYROLL', ['HR'], true],
  ];
  it.each(cases)('%s', (_label, units, unit, ancestors, expected) => {
    expect(actorCoversUnit(scoped(units), unit, ancestors)).toBe(expected);
  });
});

describe('systemActor', () => {
  it('is an admin over all units, labelled as given', () => {
    expect(systemActor()).toEqual({ kind: 'system', id: 'cli', label: 'cli', role: 'admin', units: 'all' });
    expect(systemActor('migrations')).toMatchObject({ id: 'migrations', label: 'migrations' });
  });

  it('may do everything there is', () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[])
      expect(roleCan(systemActor().role, p)).toBe(true);
    expect(ROLES[0]).toBe('admin');
  });
});
