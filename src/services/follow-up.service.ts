import { AppError, roleCan, type Actor } from '../core';
import { describeItemVerdict, scoreAudit, type ItemAnswer } from '../core/audits/scoring';
import { effectiveSettings } from '../core/org/unit-settings';
import { formatIsoDate } from '../core/time/civil-date';
import { zonedTime } from '../core/time/zoned-time';
import type {
  FollowUp,
  FollowUpCreate,
  FollowUpList,
  FollowUpOwnerList,
  FollowUpPatch,
  FollowUpQuery,
} from '../contract/follow-up.schema';
import type { AuditsTable, Db } from '../db/database';
import { followUpRepository, type FollowUpListRow, type FollowUpRow } from '../db/follow-up.repository';
import { newId } from '../db/ids';
import {
  auditForRead,
  isOwnAudit,
  readScope,
  unitIndex,
  unitSubtreeByCode,
  type UnitIndex,
} from './audit-access';
import { loadTemplateVersion, scoringOf } from './audit-template.service';
import { recordChange } from './audit-recorder';
import { found } from './entity-errors';
import type { NotificationService } from './notification.service';
import type { CallContext, ServiceDeps } from './service-context';

/** A rule refused the request as a whole or one field of it: 422 with the path. */
const refused = (path: string, code: string, message: string) =>
  new AppError('unprocessable', message, { issues: [{ in: 'body', path, code, message }] });

const isQualityLead = (actor: Actor) => roleCan(actor.role, 'audits.write.all');

/** Today's local date (YYYY-MM-DD) in each unit's zone, inherited up the tree (UTC when none is set). */
function todayIn(index: UnitIndex, at: Date) {
  const cache = new Map<string, string>();
  const own = new Map(
    [...index.parentOf.keys()].map((id) => [
      id,
      { timezone: index.timezoneOf.get(id) ?? null, calendar: null },
    ]),
  );
  return (unitId: string) => {
    let today = cache.get(unitId);
    if (today === undefined) {
      const zone = effectiveSettings(index.parentOf, own, unitId).timezone.value ?? 'UTC';
      today = formatIsoDate(zonedTime(zone).localEpochDay(at.getTime()));
      cache.set(unitId, today);
    }
    return today;
  };
}

/**
 * Follow-ups (issue 7): a task raised from a failed item of a submitted audit — by quality leads or
 * the audit's auditor — with an owner (told in-app) and a due date in the unit's zone. Listed with
 * the audits' read scope (plus one's own); closed (done with a note, or cancelled) by the owner or
 * quality leads — cancelling is for quality leads only.
 */
export function createFollowUpService(deps: ServiceDeps, notifications: NotificationService) {
  const { db, clock } = deps;

  function present(row: FollowUpListRow, today: (unitId: string) => string): FollowUp {
    return {
      id: row.id,
      audit_id: row.audit_id,
      item_id: row.item_id,
      standard: row.standard_code,
      title: row.title,
      note: row.note,
      owner: { id: row.owner_user_id, name: row.owner_name },
      unit: { id: row.unit_id, code: row.unit_code },
      due_on: row.due_on,
      status: row.status,
      overdue: row.status === 'open' && row.due_on < today(row.unit_id),
      created_by: row.created_by_label,
      created_at: row.created_at,
      updated_at: row.updated_at,
      done_at: row.done_at,
      done_note: row.done_note,
    };
  }

  async function one(tx: Db, id: string): Promise<FollowUp> {
    const row = found(await followUpRepository.findWithRefs(tx, id), 'follow_up', id);
    return present(row, todayIn(await unitIndex(tx), clock()));
  }

  /** The row when the caller may see it (owner, or the audit in their read scope); 404 otherwise. */
  async function visible(ctx: CallContext, id: string): Promise<FollowUpRow> {
    const row = found(await followUpRepository.find(db, id), 'follow_up', id);
    const own = ctx.actor.kind === 'user' && row.owner_user_id === ctx.actor.id;
    if (!own) {
      try {
        await auditForRead(db, ctx.actor, row.audit_id);
      } catch (e) {
        if (e instanceof AppError && e.code === 'not_found') found(undefined, 'follow_up', id);
        throw e;
      }
    }
    return row;
  }

  /** Quality leads, or the audit's own auditor (who must still hold `audits.write`). */
  function assertMayRaise(actor: Actor, audit: AuditsTable) {
    if (isQualityLead(actor)) return;
    if (roleCan(actor.role, 'audits.write') && isOwnAudit(actor, audit)) return;
    throw new AppError('forbidden', 'Only quality leads and the audit’s auditor raise follow-ups from it.', {
      permission: 'audits.write.all',
      reason: 'not_own',
    });
  }

  return {
    async list(ctx: CallContext, query: FollowUpQuery): Promise<FollowUpList> {
      const scope = await readScope(db, ctx.actor);
      const index = await unitIndex(db);
      const unitIds = query.unit === undefined ? undefined : await unitSubtreeByCode(db, query.unit);
      const me = ctx.actor.kind === 'user' ? ctx.actor.id : null;
      if (query.owner === 'me' && me === null) return { items: [], total: 0 };
      const { rows, total } = await followUpRepository.list(
        db,
        {
          ownerId: query.owner === 'me' ? me! : undefined,
          status: query.status,
          auditId: query.audit,
          unitIds,
          scope: scope.all
            ? undefined
            : { unitIds: scope.unitIds, employeeIds: scope.employeeIds, userId: me },
        },
        { limit: query.limit, offset: query.offset },
      );
      const today = todayIn(index, clock());
      return { items: rows.map((r) => present(r, today)), total };
    },

    async get(ctx: CallContext, id: string): Promise<FollowUp> {
      await visible(ctx, id);
      return one(db, id);
    },

    /** People who may be given a follow-up of this audit, for the picker. */
    async owners(ctx: CallContext, auditId: string): Promise<FollowUpOwnerList> {
      const audit = await auditForRead(db, ctx.actor, auditId);
      assertMayRaise(ctx.actor, audit);
      const index = await unitIndex(db);
      const units = [audit.unit_id, ...index.ancestors(audit.unit_id)];
      const heads = await db
        .selectFrom('unit_heads')
        .innerJoin('employees', 'employees.id', 'unit_heads.employee_id')
        .select('employees.user_id')
        .where('unit_heads.unit_id', 'in', units)
        .where('employees.status', '=', 'active')
        .execute();
      const observed =
        audit.employee_id === null
          ? []
          : await db.selectFrom('employees').select('user_id').where('id', '=', audit.employee_id).execute();
      const ids = [...heads, ...observed].map((r) => r.user_id).filter((id): id is string => id !== null);
      if (ctx.actor.kind === 'user') ids.push(ctx.actor.id);
      const rows = await db
        .selectFrom('users')
        .select(['id', 'name', 'role'])
        .where('status', '=', 'active')
        .where((eb) =>
          eb.or([
            eb('role', 'in', ['admin', 'manager']),
            ...(ids.length > 0 ? [eb('id', 'in', [...new Set(ids)])] : []),
          ]),
        )
        .orderBy('name')
        .execute();
      return { items: rows };
    },

    /** Raises a follow-up from a failed item of a submitted audit; its owner is told in-app. */
    async create(ctx: CallContext, auditId: string, input: FollowUpCreate): Promise<FollowUp> {
      const now = clock();
      const at = now.toISOString();
      return db.transaction().execute(async (tx) => {
        const audit = await auditForRead(tx, ctx.actor, auditId);
        assertMayRaise(ctx.actor, audit);
        if (audit.status !== 'submitted')
          throw refused('audit', 'not_submitted', 'Follow-ups are raised from submitted audits only');
        const { definition } = await loadTemplateVersion(tx, audit.template_id, audit.template_version, true);
        const result = scoreAudit(
          scoringOf(definition),
          JSON.parse(audit.answers) as Record<string, ItemAnswer>,
        );
        const item = result.items.find((i) => i.itemId === input.item);
        if (item === undefined)
          throw refused('item', 'unknown_item', `The audit's template has no item "${input.item}"`);
        if (item.verdict !== 'fail')
          throw refused(
            'item',
            'not_failed',
            `Item "${input.item}" did not fail (${item.verdict}): nothing to follow up`,
          );
        const owner = await tx
          .selectFrom('users')
          .select(['id', 'status', 'locale'])
          .where('id', '=', input.owner)
          .executeTakeFirst();
        if (owner === undefined || owner.status !== 'active')
          throw refused('owner', 'unknown_owner', 'The owner must be an active person');
        const snapshot = definition.sections.flatMap((s) => s.items).find((i) => i.id === input.item)!;
        let title = input.title;
        if (title === undefined) {
          const creator =
            ctx.actor.kind === 'user'
              ? await tx
                  .selectFrom('users')
                  .select('locale')
                  .where('id', '=', ctx.actor.id)
                  .executeTakeFirst()
              : undefined;
          const lng = creator?.locale ?? 'en';
          const t = snapshot.title;
          const name = typeof t === 'string' ? t : ((lng === 'ru' ? t.ru : t.en) ?? t.en ?? t.ru);
          title = `${name ?? snapshot.standard}: ${describeItemVerdict(item, lng)}`.slice(0, 200);
        }
        const row: FollowUpRow = {
          id: newId(now.getTime()),
          audit_id: auditId,
          item_id: input.item,
          standard_code: snapshot.standard,
          title,
          note: input.note || null,
          owner_user_id: owner.id,
          due_on: input.due_on,
          status: 'open',
          created_by: ctx.actor.id,
          created_by_label: ctx.actor.label,
          created_at: at,
          updated_at: at,
          done_at: null,
          done_note: null,
        };
        await followUpRepository.insert(tx, row);
        await notifications.notify(
          tx,
          {
            userIds: [owner.id],
            kind: 'follow_up_assigned',
            actorId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
            proposalId: null,
            excerpt: title,
          },
          at,
        );
        await recordChange(tx, ctx, now, {
          action: 'follow_up.create',
          entity: 'follow_up',
          entityId: row.id,
          after: row,
        });
        return one(tx, row.id);
      });
    },

    /** Marks done (with a note), reopens, or cancels: the owner or quality leads; cancelling, not the owner alone. */
    async update(ctx: CallContext, id: string, input: FollowUpPatch): Promise<FollowUp> {
      const now = clock();
      const at = now.toISOString();
      const before = await visible(ctx, id);
      return db.transaction().execute(async (tx) => {
        const row = found(await followUpRepository.find(tx, id), 'follow_up', id);
        const isOwner = ctx.actor.kind === 'user' && row.owner_user_id === ctx.actor.id;
        const lead = isQualityLead(ctx.actor);
        if (!isOwner && !lead)
          throw new AppError('forbidden', 'Only its owner or a quality lead changes a follow-up.', {
            reason: 'not_owner',
          });
        if (input.status === 'cancelled' && !lead)
          throw new AppError('forbidden', 'Only a quality lead cancels a follow-up.', {
            reason: 'cancel',
          });
        const set: Partial<FollowUpRow> = {
          status: input.status,
          updated_at: at,
          done_at: input.status === 'open' ? null : row.status === input.status ? row.done_at : at,
          done_note:
            input.status === 'open'
              ? null
              : (input.done_note ?? (row.status === input.status ? row.done_note : null)) || null,
        };
        await followUpRepository.update(tx, id, set);
        await recordChange(tx, ctx, now, {
          action: 'follow_up.update',
          entity: 'follow_up',
          entityId: id,
          before: { status: before.status, done_at: before.done_at, done_note: before.done_note },
          after: { status: set.status, done_at: set.done_at, done_note: set.done_note },
        });
        return one(tx, id);
      });
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
