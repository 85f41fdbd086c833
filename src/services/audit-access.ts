import { actorCoversUnit, AppError, assertCan, roleCan, type Actor } from '../core';
import type { AuditsTable, Db } from '../db/database';
import { ancestorsOf } from '../core/org/unit-tree';
import { unitsHeadedByUser } from '../db/grid-cell.repository';
import { unitRepository } from '../db/unit.repository';
import { found } from './entity-errors';

/**
 * Who may see and change an audit — the one place of these rules, for the audits themselves and
 * for what hangs off them (photos, follow-ups): reads scoped to a head's units (and those below)
 * and staff's own employee records unless `audits.read.all`; changes by the audit's auditor or
 * `audits.write.all`.
 */
/** The unit tree as the audit rules need it: codes, parents (for ancestors), zones. */
export interface UnitIndex {
  codeToId: Map<string, string>;
  parentOf: Map<string, string | null>;
  timezoneOf: Map<string, string | null>;
  /** The unit's ancestors, nearest first (core's `ancestorsOf`). */
  ancestors(id: string): string[];
}

export async function unitIndex(db: Db): Promise<UnitIndex> {
  const rows = await db.selectFrom('units').select(['id', 'code', 'parent_id', 'timezone']).execute();
  const parentOf = new Map(rows.map((u) => [u.id, u.parent_id]));
  return {
    codeToId: new Map(rows.map((u) => [u.code, u.id])),
    parentOf,
    timezoneOf: new Map(rows.map((u) => [u.id, u.timezone])),
    ancestors: (id) => ancestorsOf(parentOf, id),
  };
}

/** The ids of the unit with this code and of every unit below it; 404 for an unknown code. */
export async function unitSubtreeByCode(db: Db, code: string): Promise<string[]> {
  const unit = await unitRepository.findByCode(db, code);
  if (!unit) throw new AppError('not_found', `No unit has the code "${code}".`);
  return unitRepository.subtreeIds(db, unit.id);
}

/** The reader's scope: everything, or these units (with those below) and these employees. */
export type ReadScope = { all: true } | { all: false; unitIds: string[]; employeeIds: string[] };

export async function readScope(db: Db, actor: Actor): Promise<ReadScope> {
  assertCan(actor, 'audits.read');
  if (roleCan(actor.role, 'audits.read.all')) return { all: true };
  if (actor.kind !== 'user') return { all: false, unitIds: [], employeeIds: [] };
  const headed = await unitsHeadedByUser(db, actor.id);
  const unitIds = [
    ...new Set((await Promise.all(headed.map((id) => unitRepository.subtreeIds(db, id)))).flat()),
  ];
  const employees = await db.selectFrom('employees').select('id').where('user_id', '=', actor.id).execute();
  return { all: false, unitIds, employeeIds: employees.map((e) => e.id) };
}

export const inReadScope = (scope: ReadScope, row: Pick<AuditsTable, 'unit_id' | 'employee_id'>) =>
  scope.all ||
  scope.unitIds.includes(row.unit_id) ||
  (row.employee_id !== null && scope.employeeIds.includes(row.employee_id));

/** The audit when the actor may read it; 404 otherwise (as if it did not exist). */
export async function auditForRead(db: Db, actor: Actor, id: string): Promise<AuditsTable> {
  const scope = await readScope(db, actor);
  const row = found(
    await db.selectFrom('audits').selectAll().where('id', '=', id).executeTakeFirst(),
    'audit',
    id,
  );
  if (!inReadScope(scope, row)) found(undefined, 'audit', id);
  return row;
}

export const isOwnAudit = (actor: Actor, row: Pick<AuditsTable, 'auditor_kind' | 'auditor_id'>) =>
  row.auditor_kind === actor.kind && row.auditor_id === actor.id;

/**
 * The audit for a change by the same rule as its answers: 404 outside the actor's units, 403 when
 * it is someone else's (without `audits.write.all`). `lock` takes PostgreSQL's row lock, so a
 * submission waits for the change (SQLite's transactions are serial anyway).
 */
export async function auditForChange(tx: Db, actor: Actor, id: string, lock: boolean): Promise<AuditsTable> {
  assertCan(actor, 'audits.write');
  let q = tx.selectFrom('audits').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = found(await q.executeTakeFirst(), 'audit', id);
  const index = await unitIndex(tx);
  if (!actorCoversUnit(actor, row.unit_id, index.ancestors(row.unit_id))) found(undefined, 'audit', id);
  if (!roleCan(actor.role, 'audits.write.all') && !isOwnAudit(actor, row))
    throw new AppError(
      'forbidden',
      'Only the auditor who made this audit (or a quality lead) may change it.',
      {
        permission: 'audits.write.all',
        reason: 'not_own',
      },
    );
  return row;
}
