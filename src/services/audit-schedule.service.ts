import { randomInt } from 'node:crypto';
import { AppError, assertCan, inBody, roleCan, ValidationError, type Actor, type FieldIssue } from '../core';
import {
  checkSchedule,
  generateOccurrences,
  occurrenceState,
  type AuditScheduleSpec,
  type Occurrence,
  type OccurrenceState,
  type ScheduleRule,
} from '../core/audits/schedule';
import {
  compileCalendar,
  roundTheClockCalendar,
  type BusinessCalendar,
} from '../core/calendar/business-calendar';
import { effectiveSettings, organizationZone } from '../core/org/unit-settings';
import { formatIsoDate, parseIsoDate } from '../core/time/civil-date';
import { zonedTime } from '../core/time/zoned-time';
import {
  durationMs,
  formatDuration,
  type AuditRound,
  type AuditRoundList,
  type AuditRoundQuery,
  type AuditSchedule,
  type AuditScheduleInput,
  type AuditScheduleList,
} from '../contract/audit-schedule.schema';
import {
  auditScheduleRepository,
  type RoundWithNames,
  type ScheduleWithNames,
} from '../db/audit-schedule.repository';
import type { AuditRoundsTable, Db } from '../db/database';
import { newId } from '../db/ids';
import { recordChange } from './audit-recorder';
import { unitSubtreeByCode } from './audit-access';
import { catalogInForce } from './catalog-in-force';
import { found } from './entity-errors';
import type { NotificationService } from './notification.service';
import type { CallContext, ServiceDeps } from './service-context';

const DAY_MS = 86_400_000;
/** How far ahead rounds are stored: weekly schedules 8 weeks, the others 3 months (92 days). */
export const AHEAD_MS = { weekly: 56 * DAY_MS, monthly: 92 * DAY_MS, n_per_month: 92 * DAY_MS } as const;
/** How often the server loop stores each schedule's rounds ahead again. */
const RESTORE_AHEAD_MS = 3_600_000;
/** How far back "my rounds" shows missed rounds. */
export const MISSED_SHOWN_MS = 30 * DAY_MS;
/** A schedule's past is stored from `starts_on`, but never more than four years back. */
const PAST_LIMIT_MS = 4 * 365 * DAY_MS;

const iso = (ms: number) => new Date(ms).toISOString();

type Spec = { weekday: number; time: string } | { day: number; time: string } | { n: number; seed: number };

/** The core's rule of a stored schedule. */
function ruleOf(row: Pick<ScheduleWithNames, 'kind' | 'spec'>): ScheduleRule {
  return { kind: row.kind, ...(JSON.parse(row.spec) as Spec) } as ScheduleRule;
}

function specOf(row: ScheduleWithNames): AuditScheduleSpec {
  return {
    timezone: row.timezone,
    rule: ruleOf(row),
    dueAfterMs: Number(row.due_after_ms),
    graceMs: Number(row.grace_ms),
    startsOn: row.starts_on,
    endsOn: row.ends_on ?? undefined,
  };
}

const occurrenceOf = (
  r: Pick<AuditRoundsTable, 'key' | 'starts_at' | 'due_at' | 'closes_at'>,
): Occurrence => ({
  key: r.key,
  startMs: Date.parse(r.starts_at),
  dueMs: Date.parse(r.due_at),
  closesMs: Date.parse(r.closes_at),
});

/** A round's state at `nowMs`, from its instants and its audit's submission (core's rule). */
export function roundState(r: RoundWithNames, nowMs: number): OccurrenceState {
  const submitted = r.audit_submitted_at === null ? null : Date.parse(r.audit_submitted_at);
  return occurrenceState(occurrenceOf(r), nowMs, submitted);
}

/** Who a round is for: its assignee, else every auditor of its schedule. */
export const roundAuditors = (r: Pick<RoundWithNames, 'assignee' | 'auditor_ids'>): string[] =>
  r.assignee !== null ? [r.assignee] : (JSON.parse(r.auditor_ids) as string[]);

/**
 * Checks that an audit may be started from round `roundId` (for `audits.create`): problems with the
 * input come back as field issues (`round_id` unknown, `template_id` / `unit` not the round's);
 * a round that is not open yet, already has an audit, or is done is `409`; an auditor not
 * assigned to it (without `audits.write.all`) is `403`.
 */
export async function checkRoundForAudit(
  tx: Db,
  actor: Actor,
  roundId: string,
  templateId: string,
  unitId: string | undefined,
  nowMs: number,
): Promise<FieldIssue[]> {
  const r = await auditScheduleRepository.findRound(tx, roundId);
  if (r === undefined || r.schedule_deleted_at !== null)
    return [
      {
        in: 'body',
        path: 'round_id',
        code: 'unknown_round',
        message: `No audit round has the id "${roundId}"`,
      },
    ];
  const issues: FieldIssue[] = [];
  if (r.template_id !== templateId)
    issues.push({
      in: 'body',
      path: 'template_id',
      code: 'round_mismatch',
      message: `the round is for template ${r.template_code}, not this one`,
    });
  if (unitId !== undefined && r.unit_id !== unitId)
    issues.push({
      in: 'body',
      path: 'unit',
      code: 'round_mismatch',
      message: `the round is for unit ${r.unit_code}, not this one`,
    });
  if (issues.length > 0) return issues;
  const state = roundState(r, nowMs);
  if (state === 'done')
    throw new AppError('conflict', 'The round is done: its audit is submitted.', {
      reason: 'round_done',
      audit_id: r.audit_id,
    });
  if (r.audit_id !== null)
    throw new AppError('conflict', 'An audit was already started from this round: continue it.', {
      reason: 'round_taken',
      audit_id: r.audit_id,
    });
  if (state === 'scheduled')
    throw new AppError('conflict', `The round opens at ${r.starts_at}.`, {
      reason: 'round_not_open',
      starts_at: r.starts_at,
    });
  if (
    !roleCan(actor.role, 'audits.write.all') &&
    !(actor.kind === 'user' && roundAuditors(r).includes(actor.id))
  )
    throw new AppError('forbidden', 'The round is assigned to other auditors.', { reason: 'not_assigned' });
  return [];
}

/**
 * Audit schedules (issue 7, docs/AUDITS.md → Schedules): quality leads keep them; the rounds are
 * materialized ahead (idempotently, once per key) and their states derived by core; the server's
 * loop calls `tick`, which also reminds the assigned auditors once when a round becomes due and
 * once when it becomes overdue.
 */
export function createAuditScheduleService(deps: ServiceDeps, notifications: NotificationService) {
  const { db, clock } = deps;

  async function people(tx: Db, ids: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await tx
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((r) => [r.id, r]));
  }
  const personOf = (map: Map<string, { id: string; name: string }>, id: string) =>
    map.get(id) ?? { id, name: id };

  async function present(tx: Db, row: ScheduleWithNames): Promise<AuditSchedule> {
    const auditorIds = JSON.parse(row.auditor_ids) as string[];
    const names = await people(tx, auditorIds);
    const rule = ruleOf(row);
    return {
      id: row.id,
      template: {
        id: row.template_id,
        code: row.template_code,
        title: { ru: row.template_title_ru, en: row.template_title_en },
      },
      unit: { id: row.unit_id, code: row.unit_code },
      rule,
      timezone: row.timezone,
      due_after: formatDuration(Number(row.due_after_ms)),
      grace: formatDuration(Number(row.grace_ms)),
      starts_on: row.starts_on,
      ends_on: row.ends_on,
      auditors: auditorIds.map((id) => personOf(names, id)),
      created_by: row.created_by_label,
      created_at: row.created_at,
      updated_at: row.updated_at,
    };
  }

  async function unitContext(tx: Db) {
    const units = await tx
      .selectFrom('units')
      .select(['id', 'code', 'parent_id', 'timezone', 'calendar'])
      .execute();
    const links = new Map(units.map((u) => [u.id, u.parent_id]));
    const own = new Map(units.map((u) => [u.id, { timezone: u.timezone, calendar: u.calendar }]));
    return {
      byCode: new Map(units.map((u) => [u.code, u.id])),
      settings: (unitId: string) => effectiveSettings(links, own, unitId),
      instanceZone: organizationZone(units),
    };
  }

  /**
   * The business calendar `n_per_month` draws in: the unit's (inherited) calendar in force now, else
   * the first calendar in force by code (as monitoring does), else round the clock in the zone.
   */
  async function calendarFor(tx: Db, row: ScheduleWithNames, nowIso: string): Promise<BusinessCalendar> {
    const units = await unitContext(tx);
    const code = units.settings(row.unit_id).calendar.value;
    const calendars = (await catalogInForce(tx, 'calendar', nowIso)).sort((a, b) =>
      a.code < b.code ? -1 : 1,
    );
    const chosen = calendars.find((c) => c.code === code) ?? calendars[0];
    return chosen === undefined ? roundTheClockCalendar(row.timezone) : compileCalendar(chosen.definition);
  }

  /**
   * Stores the schedule's rounds from `starts_on` (at most four years back) to the horizon ahead of
   * `nowMs` that are not stored yet; running it again stores nothing. Returns how many it stored.
   */
  /** When `tick` last stored each schedule's rounds ahead, and the schedule's version then. */
  const storedAhead = new Map<string, { updatedAt: string; atMs: number }>();

  async function materialize(tx: Db, row: ScheduleWithNames, nowMs: number): Promise<number> {
    const spec = specOf(row);
    const zone = zonedTime(row.timezone);
    const startsMs = Math.max(zone.instantOf(parseIsoDate(row.starts_on)!, 0), Date.parse(row.rounds_from));
    const fromMs = Math.max(startsMs, nowMs - PAST_LIMIT_MS);
    const toMs = nowMs + AHEAD_MS[row.kind];
    if (toMs <= fromMs) return 0;
    const calendar = row.kind === 'n_per_month' ? await calendarFor(tx, row, iso(nowMs)) : undefined;
    const occurrences = generateOccurrences(spec, fromMs, toMs, { calendar });
    const have = await auditScheduleRepository.roundKeys(tx, row.id);
    const created = iso(nowMs);
    const fresh = occurrences
      .filter((o) => !have.has(o.key))
      .map((o) => ({
        id: newId(o.startMs),
        schedule_id: row.id,
        key: o.key,
        starts_at: iso(o.startMs),
        due_at: iso(o.dueMs),
        closes_at: iso(o.closesMs),
        audit_id: null,
        assignee: null,
        reminded_due_at: null,
        reminded_overdue_at: null,
        created_at: created,
      }));
    await auditScheduleRepository.insertRounds(tx, fresh);
    return fresh.length;
  }

  /** Checks the input against the database and core; returns the row's fields or throws every problem. */
  async function prepare(tx: Db, input: AuditScheduleInput, nowMs: number, previous?: ScheduleWithNames) {
    const issues: FieldIssue[] = [];
    const template = await tx
      .selectFrom('audit_templates')
      .select('id')
      .where('id', '=', input.template_id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (template === undefined)
      issues.push({
        path: 'template_id',
        code: 'unknown_template',
        message: `No audit template has the id "${input.template_id}"`,
      });
    const units = await unitContext(tx);
    const unitId = units.byCode.get(input.unit);
    if (unitId === undefined)
      issues.push({ path: 'unit', code: 'unknown_unit', message: `No unit has the code "${input.unit}"` });
    const timezone =
      input.timezone ??
      (unitId === undefined ? null : units.settings(unitId).timezone.value) ??
      units.instanceZone;
    const auditors = await tx
      .selectFrom('users')
      .select(['id', 'role', 'status'])
      .where('id', 'in', input.auditor_ids)
      .execute();
    const byId = new Map(auditors.map((a) => [a.id, a]));
    input.auditor_ids.forEach((id, i) => {
      const a = byId.get(id);
      if (a === undefined)
        issues.push({
          path: `auditor_ids.${i}`,
          code: 'unknown_user',
          message: `No person has the id "${id}"`,
        });
      else if (a.status === 'deactivated' || !roleCan(a.role, 'audits.write'))
        issues.push({
          path: `auditor_ids.${i}`,
          code: 'not_auditor',
          message: `"${id}" cannot make audits (an active auditor or quality lead is needed)`,
        });
    });
    if (new Set(input.auditor_ids).size !== input.auditor_ids.length)
      issues.push({ path: 'auditor_ids', code: 'duplicate', message: 'a person is listed twice' });
    let rule: ScheduleRule;
    if (input.rule.kind === 'n_per_month') {
      const old = previous === undefined ? undefined : ruleOf(previous);
      rule = {
        kind: 'n_per_month',
        n: input.rule.n,
        seed: old?.kind === 'n_per_month' ? old.seed : randomInt(0, 2 ** 31),
      };
    } else rule = input.rule;
    let startsOn = input.starts_on;
    if (startsOn === undefined) {
      try {
        startsOn = previous?.starts_on ?? formatIsoDate(zonedTime(timezone).localEpochDay(nowMs));
      } catch {
        startsOn = formatIsoDate(Math.floor(nowMs / DAY_MS));
      }
    }
    const spec: AuditScheduleSpec = {
      timezone,
      rule,
      dueAfterMs: durationMs(input.due_after)!,
      graceMs: durationMs(input.grace)!,
      startsOn,
      endsOn: input.ends_on ?? undefined,
    };
    issues.push(...checkSchedule(spec));
    if (issues.length > 0)
      throw new ValidationError(inBody(issues), `The schedule is not valid: ${issues[0]!.message}`);
    const { kind, ...fields } = rule;
    return {
      template_id: input.template_id,
      unit_id: unitId!,
      kind,
      spec: JSON.stringify(fields),
      timezone,
      due_after_ms: spec.dueAfterMs,
      grace_ms: spec.graceMs,
      starts_on: startsOn,
      ends_on: input.ends_on ?? null,
      // Rounds from the start of starts_on; after an edit, from now (the past is not remade).
      rounds_from: new Date(
        previous === undefined ? zonedTime(timezone).instantOf(parseIsoDate(startsOn)!, 0) : nowMs,
      ).toISOString(),
      auditor_ids: JSON.stringify(input.auditor_ids),
    };
  }

  async function presentRounds(
    tx: Db,
    rows: readonly RoundWithNames[],
    nowMs: number,
  ): Promise<AuditRound[]> {
    const ids = rows.flatMap((r) => [
      ...(JSON.parse(r.auditor_ids) as string[]),
      ...(r.assignee === null ? [] : [r.assignee]),
    ]);
    const names = await people(tx, ids);
    return rows.map((r) => ({
      id: r.id,
      schedule_id: r.schedule_id,
      key: r.key,
      template: {
        id: r.template_id,
        code: r.template_code,
        title: { ru: r.template_title_ru, en: r.template_title_en },
      },
      unit: { id: r.unit_id, code: r.unit_code },
      starts_at: r.starts_at,
      due_at: r.due_at,
      closes_at: r.closes_at,
      state: roundState(r, nowMs),
      audit:
        r.audit_id === null || r.audit_status === null
          ? null
          : { id: r.audit_id, status: r.audit_status, submitted_at: r.audit_submitted_at },
      assignee: r.assignee === null ? null : personOf(names, r.assignee),
      auditors: (JSON.parse(r.auditor_ids) as string[]).map((id) => personOf(names, id)),
    }));
  }

  /** Reminds a round's auditors of one state, once: the mark and the notifications commit together. */
  async function remind(r: RoundWithNames, state: 'due' | 'overdue', at: string): Promise<boolean> {
    return db.transaction().execute(async (tx) => {
      const column = state === 'due' ? 'reminded_due_at' : 'reminded_overdue_at';
      if (!(await auditScheduleRepository.markReminded(tx, r.id, column, at))) return false;
      const active = await tx
        .selectFrom('users')
        .select('id')
        .where('id', 'in', roundAuditors(r))
        .where('status', '=', 'active')
        .execute();
      await notifications.notify(
        tx,
        {
          userIds: active.map((u) => u.id),
          kind: state === 'due' ? 'audit_round_due' : 'audit_round_overdue',
          actorId: null,
          proposalId: null,
          subject: r.id,
          excerpt: `${r.template_code} · ${r.unit_code}`,
        },
        at,
      );
      return true;
    });
  }

  return {
    async list(ctx: CallContext): Promise<AuditScheduleList> {
      assertCan(ctx.actor, 'audits.read');
      const rows = await auditScheduleRepository.list(db);
      const items = await Promise.all(rows.map((r) => present(db, r)));
      return { items, total: items.length };
    },

    async get(ctx: CallContext, id: string): Promise<AuditSchedule> {
      assertCan(ctx.actor, 'audits.read');
      return present(db, found(await auditScheduleRepository.find(db, id), 'audit schedule', id));
    },

    /** A new schedule; its rounds are stored at once (from `starts_on` to the horizon ahead). */
    async create(ctx: CallContext, input: AuditScheduleInput): Promise<AuditSchedule> {
      assertCan(ctx.actor, 'audit_schedules.manage');
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const fields = await prepare(tx, input, now.getTime());
        const at = now.toISOString();
        const id = newId(now.getTime());
        await auditScheduleRepository.insert(tx, {
          id,
          ...fields,
          created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
          created_by_label: ctx.actor.label,
          created_at: at,
          updated_at: at,
          deleted_at: null,
        });
        const row = (await auditScheduleRepository.find(tx, id))!;
        await materialize(tx, row, now.getTime());
        const out = await present(tx, row);
        await recordChange(tx, ctx, now, {
          action: 'audit_schedule.create',
          entity: 'audit_schedule',
          entityId: id,
          after: out,
        });
        return out;
      });
    },

    /**
     * Replaces a schedule. Rounds already started (or with an audit) stay as they were; the rounds
     * ahead are made again from the new rule.
     */
    async update(ctx: CallContext, id: string, input: AuditScheduleInput): Promise<AuditSchedule> {
      assertCan(ctx.actor, 'audit_schedules.manage');
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const previous = found(await auditScheduleRepository.find(tx, id), 'audit schedule', id);
        const before = await present(tx, previous);
        const fields = await prepare(tx, input, now.getTime(), previous);
        const at = now.toISOString();
        await auditScheduleRepository.update(tx, id, { ...fields, updated_at: at });
        await auditScheduleRepository.removeFutureRounds(tx, id, at);
        const row = (await auditScheduleRepository.find(tx, id))!;
        await materialize(tx, row, now.getTime());
        const out = await present(tx, row);
        await recordChange(tx, ctx, now, {
          action: 'audit_schedule.update',
          entity: 'audit_schedule',
          entityId: id,
          before,
          after: out,
        });
        return out;
      });
    },

    /** Soft delete: no more rounds; the rounds ahead without an audit go, audits made stay. */
    async delete(ctx: CallContext, id: string): Promise<void> {
      assertCan(ctx.actor, 'audit_schedules.manage');
      const now = clock();
      await db.transaction().execute(async (tx) => {
        const row = found(await auditScheduleRepository.find(tx, id), 'audit schedule', id);
        const at = now.toISOString();
        await auditScheduleRepository.update(tx, id, { deleted_at: at, updated_at: at });
        await auditScheduleRepository.removeFutureRounds(tx, id, at);
        await recordChange(tx, ctx, now, {
          action: 'audit_schedule.delete',
          entity: 'audit_schedule',
          entityId: id,
          before: await present(tx, row),
        });
      });
    },

    /**
     * Rounds. `mine`: the caller's (assigned to them, or to any of a schedule's auditors when they
     * are one): due and overdue ones, the next scheduled one per schedule, and those missed in the
     * last 30 days. Otherwise every round the filters select (readers with `audits.read.all`;
     * others see only their own), by default from 30 days back to 8 weeks ahead.
     */
    async rounds(ctx: CallContext, query: AuditRoundQuery): Promise<AuditRoundList> {
      assertCan(ctx.actor, 'audits.read');
      const nowMs = clock().getTime();
      const mine = query.mine === true || !roleCan(ctx.actor.role, 'audits.read.all');
      const unitIds = query.unit === undefined ? undefined : await unitSubtreeByCode(db, query.unit);
      const from = query.from === undefined ? nowMs - MISSED_SHOWN_MS : Date.parse(query.from);
      const to = query.to === undefined ? nowMs + AHEAD_MS.weekly : Date.parse(query.to);
      let rows = await auditScheduleRepository.rounds(db, {
        unitIds,
        scheduleIds: query.schedule_id === undefined ? undefined : [query.schedule_id],
        from: iso(from),
        to: iso(to),
      });
      if (mine) {
        const me = ctx.actor.kind === 'user' ? ctx.actor.id : null;
        rows = rows.filter((r) => me !== null && roundAuditors(r).includes(me));
        if (query.mine === true) {
          const nextOf = new Set<string>();
          rows = rows.filter((r) => {
            const state = roundState(r, nowMs);
            if (state === 'due' || state === 'overdue') return true;
            if (state === 'missed') return Date.parse(r.closes_at) >= nowMs - MISSED_SHOWN_MS;
            if (state === 'scheduled' && !nextOf.has(r.schedule_id)) {
              nextOf.add(r.schedule_id);
              return true;
            }
            return false;
          });
        }
      }
      if (query.state !== undefined) {
        const states = new Set(query.state);
        rows = rows.filter((r) => states.has(roundState(r, nowMs)));
      }
      return { items: await presentRounds(db, rows.slice(0, query.limit), nowMs) };
    },

    /** One round (for the audit form's header); 404 when its schedule is deleted. */
    async round(ctx: CallContext, id: string): Promise<AuditRound> {
      assertCan(ctx.actor, 'audits.read');
      const row = await auditScheduleRepository.findRound(db, id);
      if (row === undefined || row.schedule_deleted_at !== null) found(undefined, 'audit round', id);
      return (await presentRounds(db, [row!], clock().getTime()))[0]!;
    },

    /**
     * The server loop's step: stores the rounds ahead of every live schedule, then reminds the
     * auditors of each round that is due (once) and each that is overdue (once), unless its audit
     * is submitted. A round whose due window passed while the server was down gets only the
     * reminder of the state it is in. Returns how many reminders went out (rounds, not people).
     */
    async tick(): Promise<number> {
      const nowMs = clock().getTime();
      const at = iso(nowMs);
      for (const s of await auditScheduleRepository.list(db)) {
        // Rounds are stored weeks ahead, so storing again each minute would only recompute them:
        // once an hour per schedule (and after any edit) keeps the horizon moving.
        const last = storedAhead.get(s.id);
        if (last && last.updatedAt === s.updated_at && nowMs - last.atMs < RESTORE_AHEAD_MS) continue;
        await db.transaction().execute(async (tx) => {
          await materialize(tx, s, nowMs);
        });
        storedAhead.set(s.id, { updatedAt: s.updated_at, atMs: nowMs });
      }
      const open = await auditScheduleRepository.rounds(db, { to: iso(nowMs + 1), closesFrom: at });
      let sent = 0;
      for (const r of open) {
        const state = roundState(r, nowMs);
        if (state === 'due' && r.reminded_due_at === null && (await remind(r, 'due', at))) sent++;
        if (state === 'overdue' && r.reminded_overdue_at === null && (await remind(r, 'overdue', at))) sent++;
      }
      return sent;
    },

    /** For `audits.service`: the round an audit is started from, with its schedule (live only). */
    findRound: (tx: Db, id: string) => auditScheduleRepository.findRound(tx, id),
  };
}

export type AuditScheduleService = ReturnType<typeof createAuditScheduleService>;
