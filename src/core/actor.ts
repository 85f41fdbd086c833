import { AppError } from './errors';
import { roleCan, type Permission } from './permissions';
import type { Role } from './roles';

/**
 * Who is acting: a signed-in user, an API token, or the system itself (the CLI run by an operator
 * on the server's machine, migrations). Every service call receives one.
 *
 * `units` prepares unit scoping: `'all'` sees every unit; a list limits reads and writes to those
 * units and the units below them (the organization tree arrives with the grid issue).
 */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  id: string;
  /** A human label for the audit log: an e-mail, a token name, `cli`. */
  label: string;
  role: Role;
  units: 'all' | readonly string[];
}

/** A signed-in person as an actor, labelled by e-mail in the audit log. */
export const actorForUser = (user: { id: string; email: string; role: Role }): Actor => ({
  kind: 'user',
  id: user.id,
  label: user.email,
  role: user.role,
  units: 'all',
});

/** The operator at the server's shell: full rights, recorded as `system:<label>` in the audit log. */
export const systemActor = (label = 'cli'): Actor => ({
  kind: 'system',
  id: label,
  label,
  role: 'admin',
  units: 'all',
});

/** Throws `forbidden` unless the actor's role holds the permission. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!roleCan(actor.role, permission)) {
    throw new AppError('forbidden', `Your role (${actor.role}) may not do this (${permission}).`, {
      permission,
    });
  }
}

/**
 * Whether the actor may act on something that belongs to `unitId`, whose ancestors (nearest first)
 * are `ancestorIds`. Example: an actor scoped to `['HR']` may act in `HR-PAYROLL` when its ancestors
 * are `['HR', 'ORG']`.
 */
export function actorCoversUnit(actor: Actor, unitId: string, ancestorIds: readonly string[] = []): boolean {
  if (actor.units === 'all') return true;
  const scope = actor.units;
  return scope.includes(unitId) || ancestorIds.some((id) => scope.includes(id));
}
