import type { Role } from './roles';

/**
 * What can be done, named `<resource>.<verb>`. A new resource adds its permissions here and grants
 * them below; services call `assertCan` before they touch anything.
 */
export const PERMISSIONS = {
  'users.read': ['admin', 'manager', 'head'],
  'users.write': ['admin'],
  'tokens.manage': ['admin'],
  'audit.read': ['admin', 'manager'],
  // Everyone reads the organization (the grid is for all staff); quality leads keep it up to date.
  'org.read': ['admin', 'manager', 'head', 'auditor', 'staff', 'viewer'],
  'org.write': ['admin', 'manager'],
  // The service grid is read with org.read. Quality leads edit any cell and the support types; a
  // head edits the cells their own units (or units below them, or their employees) provide
  // (`grid.write.own`; whoever holds `grid.write` covers every unit, so holds it too).
  'grid.write': ['admin', 'manager'],
  'grid.write.own': ['admin', 'manager', 'head'],
  'grid.types.write': ['admin', 'manager'],
  // Standards: everyone reads the catalog and the handbook. Quality leads and heads write
  // proposals; approving is for heads (only for the units they head) and quality leads (the
  // `manager` approval); only an administrator publishes at once, skipping the approvals.
  // Acknowledging is for anyone linked to an employee record.
  'standards.read': ['admin', 'manager', 'head', 'auditor', 'staff', 'viewer'],
  'standards.propose': ['admin', 'manager', 'head'],
  'standards.approve': ['admin', 'manager', 'head'],
  'standards.publish': ['admin'],
  'standards.acknowledge': ['admin', 'manager', 'head', 'auditor', 'staff'],
  // Monitoring: every person reads results, scoped by the service — a head to the units they
  // head, staff to their own records (`monitoring.read.all` sees everything). Quality leads run
  // imports, exclusion windows and re-judging; an `integration` token only writes records.
  'monitoring.read': ['admin', 'manager', 'head', 'auditor', 'staff', 'viewer'],
  'monitoring.read.all': ['admin', 'manager', 'auditor', 'viewer'],
  'monitoring.manage': ['admin', 'manager'],
  'interactions.write': ['admin', 'manager', 'integration'],
  // Audits (issue 7): quality leads keep the templates; auditors and quality leads make audits (an
  // auditor changes only their own, `audits.write.all` any). Everyone reads, scoped by the service
  // — a head the units they head, staff the audits about themselves (`audits.read.all` sees all).
  'audit_templates.manage': ['admin', 'manager'],
  'audits.read': ['admin', 'manager', 'head', 'auditor', 'staff', 'viewer'],
  'audits.read.all': ['admin', 'manager', 'auditor', 'viewer'],
  'audits.write': ['admin', 'manager', 'auditor'],
  'audits.write.all': ['admin', 'manager'],
  // Audit schedules (issue 7): quality leads keep them; their rounds are read with `audits.read`.
  'audit_schedules.manage': ['admin', 'manager'],
  // Calibration sessions (issue 7): quality leads create and reveal them; participants are people
  // who can write audits (`audits.write`).
  'calibration.manage': ['admin', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether `role` holds `permission`, e.g. `roleCan('viewer', 'users.write') === false`. */
export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
