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
  'users.read': {
    admin: true,
    manager: true,
    head: true,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'users.write': {
    admin: true,
    manager: false,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'tokens.manage': {
    admin: true,
    manager: false,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'audit.read': {
    admin: true,
    manager: true,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'org.read': {
    admin: true,
    manager: true,
    head: true,
    auditor: true,
    staff: true,
    viewer: true,
    integration: false,
  },
  'org.write': {
    admin: true,
    manager: true,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'grid.write': {
    admin: true,
    manager: true,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'grid.write.own': {
    admin: true,
    manager: true,
    head: true,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'grid.types.write': {
    admin: true,
    manager: true,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'standards.read': {
    admin: true,
    manager: true,
    head: true,
    auditor: true,
    staff: true,
    viewer: true,
    integration: false,
  },
  'standards.propose': {
    admin: true,
    manager: true,
    head: true,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'standards.approve': {
    admin: true,
    manager: true,
    head: true,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'standards.publish': {
    admin: true,
    manager: false,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'standards.acknowledge': {
    admin: true,
    manager: true,
    head: true,
    auditor: true,
    staff: true,
    viewer: false,
    integration: false,
  },
  'monitoring.read': {
    admin: true,
    manager: true,
    head: true,
    auditor: true,
    staff: true,
    viewer: true,
    integration: false,
  },
  'monitoring.read.all': {
    admin: true,
    manager: true,
    head: false,
    auditor: true,
    staff: false,
    viewer: true,
    integration: false,
  },
  'monitoring.manage': {
    admin: true,
    manager: true,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'interactions.write': {
    admin: true,
    manager: true,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: true,
  },
  'audit_templates.manage': {
    admin: true,
    manager: true,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'audits.read': {
    admin: true,
    manager: true,
    head: true,
    auditor: true,
    staff: true,
    viewer: true,
    integration: false,
  },
  'audits.read.all': {
    admin: true,
    manager: true,
    head: false,
    auditor: true,
    staff: false,
    viewer: true,
    integration: false,
  },
  'audits.write': {
    admin: true,
    manager: true,
    head: false,
    auditor: true,
    staff: false,
    viewer: false,
    integration: false,
  },
  'audits.write.all': {
    admin: true,
    manager: true,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'audit_schedules.manage': {
    admin: true,
    manager: true,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
  },
  'calibration.manage': {
    admin: true,
    manager: true,
    head: false,
    auditor: false,
    staff: false,
    viewer: false,
    integration: false,
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
