import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { assertCan, type Actor } from './actor';
import { PERMISSIONS, roleCan, type Permission } from './permissions';
import { ROLES, type Role } from './roles';

/**
 * Who may do what, written out by hand: a change to PERMISSIONS must change this table too, so a
 * permission never widens by accident.
 */
const EXPECTED: Record<Permission, Record<Role, boolean>> = {
  'users.read': { admin: true, manager: true, head: true, auditor: false, staff: false, viewer: false },
  'users.write': { admin: true, manager: false, head: false, auditor: false, staff: false, viewer: false },
  'tokens.manage': { admin: true, manager: false, head: false, auditor: false, staff: false, viewer: false },
  'audit.read': { admin: true, manager: true, head: false, auditor: false, staff: false, viewer: false },
  'org.read': { admin: true, manager: true, head: true, auditor: true, staff: true, viewer: true },
  'org.write': { admin: true, manager: true, head: false, auditor: false, staff: false, viewer: false },
  'grid.write': { admin: true, manager: true, head: false, auditor: false, staff: false, viewer: false },
  'grid.write.own': { admin: true, manager: true, head: true, auditor: false, staff: false, viewer: false },
  'grid.types.write': {
    admin: true,
    manager: true,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
  },
  'standards.read': { admin: true, manager: true, head: true, auditor: true, staff: true, viewer: true },
  'standards.propose': {
    admin: true,
    manager: true,
    head: true,
    auditor: false,
    staff: false,
    viewer: false,
  },
  'standards.approve': {
    admin: true,
    manager: true,
    head: true,
    auditor: false,
    staff: false,
    viewer: false,
  },
  'standards.publish': {
    admin: true,
    manager: false,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
  },
  'standards.acknowledge': {
    admin: true,
    manager: true,
    head: true,
    auditor: true,
    staff: true,
    viewer: false,
  },
};

const actor = (role: Role): Actor => ({
  kind: 'user',
  id: 'u1',
  label: 'u1@example.org',
  role,
  units: 'all',
});

const rows = Object.entries(EXPECTED).flatMap(([permission, byRole]) =>
  Object.entries(byRole).map(([role, allowed]) => [permission as Permission, role as Role, allowed] as const),
);

describe('permissions', () => {
  it('the table covers every permission and every role', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
    for (const byRole of Object.values(EXPECTED))
      expect(Object.keys(byRole).sort()).toEqual([...ROLES].sort());
  });

  it.each(rows)('roleCan(%s, %s) is %s', (permission, role, allowed) => {
    expect(roleCan(role, permission)).toBe(allowed);
  });

  it.each(rows)('assertCan for %s as %s (allowed: %s)', (permission, role, allowed) => {
    const call = () => assertCan(actor(role), permission);
    if (allowed) {
      expect(call).not.toThrow();
      return;
    }
    let thrown: unknown;
    try {
      call();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'forbidden', details: { permission } });
    expect((thrown as Error).message).toContain(role);
  });
});
