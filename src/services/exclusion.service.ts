import { assertCan, ValidationError, type FieldIssue } from '../core';
import type { ExclusionInput, ExclusionWindow } from '../contract/monitoring.schema';
import type { Db, ExclusionWindowsTable } from '../db/database';
import { newId } from '../db/ids';
import { recordChange } from './audit-recorder';
import { found } from './entity-errors';
import { enqueueRejudge } from './monitoring/rejudge-queue';
import type { CallContext, ServiceDeps } from './service-context';

type Row = ExclusionWindowsTable;

/**
 * Exclusion windows (issue 6): spans in which named standards do not apply to named units and
 * channels (an outage, a fire drill). Records inside are judged `na` with the window's reason
 * (monitoring/rules.ts). Every change is audited and, in the same transaction, queues a
 * re-judging of the records in the old and the new span. A delete is soft (`deleted_at`).
 */
export function createExclusionService(deps: ServiceDeps) {
  const { db, clock } = deps;

  const parseList = (json: string | null): string[] => (json === null ? [] : (JSON.parse(json) as string[]));

  async function unitCodesById(tx: Db): Promise<Map<string, string>> {
    const rows = await tx.selectFrom('units').select(['id', 'code']).execute();
    return new Map(rows.map((u) => [u.id, u.code]));
  }

  /** A row as the API shows it: unit codes, and who created it by name. */
  function present(
    row: Row & { creator?: string | null },
    codes: ReadonlyMap<string, string>,
  ): ExclusionWindow {
    return {
      id: row.id,
      starts_at: row.starts_at,
      ends_at: row.ends_at,
      units: parseList(row.unit_ids).map((id) => codes.get(id) ?? id),
      channels: parseList(row.channels) as ExclusionWindow['channels'],
      standards: parseList(row.standards),
      reason: row.reason,
      created_by: row.creator ?? null,
      created_at: row.created_at,
      updated_at: row.updated_at,
    };
  }

  /** The stored columns of an input: unit codes as ids, empty lists as null ("every"). */
  async function columnsOf(tx: Db, input: ExclusionInput) {
    const issues: FieldIssue[] = [];
    const units = [...new Set(input.units ?? [])];
    const unitIds: string[] = [];
    if (units.length > 0) {
      const rows = await tx.selectFrom('units').select(['id', 'code']).where('code', 'in', units).execute();
      const idOf = new Map(rows.map((u) => [u.code, u.id]));
      (input.units ?? []).forEach((code, i) => {
        const id = idOf.get(code);
        if (id === undefined)
          issues.push({ in: 'body', path: `units.${i}`, message: `No unit has the code "${code}"` });
        else if (!unitIds.includes(id)) unitIds.push(id);
      });
    }
    const standards = [...new Set(input.standards ?? [])];
    if (standards.length > 0) {
      const rows = await tx
        .selectFrom('catalog_entries')
        .select('code')
        .where('entity', '=', 'standard')
        .where('code', 'in', standards)
        .execute();
      const known = new Set(rows.map((s) => s.code));
      (input.standards ?? []).forEach((code, i) => {
        if (!known.has(code))
          issues.push({ in: 'body', path: `standards.${i}`, message: `No standard has the code "${code}"` });
      });
    }
    if (issues.length > 0) throw new ValidationError(issues);
    const channels = [...new Set(input.channels ?? [])];
    return {
      starts_at: new Date(Date.parse(input.starts_at)).toISOString(),
      ends_at: new Date(Date.parse(input.ends_at)).toISOString(),
      unit_ids: unitIds.length === 0 ? null : JSON.stringify(unitIds),
      channels: channels.length === 0 ? null : JSON.stringify(channels),
      standards: standards.length === 0 ? null : JSON.stringify(standards),
      reason: input.reason,
    };
  }

  /**
   * The change's time as stored: later than every stored change, so the rules cache's
   * fingerprint (count and latest `updated_at`) moves even for two edits in one millisecond.
   */
  async function stampOf(tx: Db, now: Date): Promise<string> {
    const latest = await tx
      .selectFrom('exclusion_windows')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .executeTakeFirst();
    const after = latest?.at ? Date.parse(latest.at) + 1 : 0;
    return new Date(Math.max(now.getTime(), after)).toISOString();
  }

  /** Re-judges the records of every span the change touches (one span covering them all). */
  async function rejudge(
    tx: Db,
    ctx: CallContext,
    now: Date,
    spans: Array<Pick<Row, 'starts_at' | 'ends_at'>>,
    title: string,
  ) {
    await enqueueRejudge(tx, now, {
      fromMs: Math.min(...spans.map((s) => Date.parse(s.starts_at))),
      toMs: Math.max(...spans.map((s) => Date.parse(s.ends_at))),
      title,
      createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    });
  }

  /** The windows not deleted, with their creator's name. */
  const live = (tx: Db) =>
    tx
      .selectFrom('exclusion_windows as w')
      .leftJoin('users as u', 'u.id', 'w.created_by')
      .selectAll('w')
      .select('u.name as creator')
      .where('w.deleted_at', 'is', null);

  async function mustFind(tx: Db, id: string) {
    return found(await live(tx).where('w.id', '=', id).executeTakeFirst(), 'exclusion window', id);
  }

  return {
    /** Every window in force (not deleted), latest start first. */
    async list(ctx: CallContext): Promise<{ items: ExclusionWindow[] }> {
      assertCan(ctx.actor, 'monitoring.read');
      const rows = await live(db).orderBy('w.starts_at', 'desc').orderBy('w.id').execute();
      const codes = await unitCodesById(db);
      return { items: rows.map((r) => present(r, codes)) };
    },

    async create(ctx: CallContext, input: ExclusionInput): Promise<ExclusionWindow> {
      assertCan(ctx.actor, 'monitoring.manage');
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const at = await stampOf(tx, now);
        const row: Row = {
          id: newId(now.getTime()),
          ...(await columnsOf(tx, input)),
          created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
          created_at: at,
          updated_at: at,
          deleted_at: null,
        };
        await tx.insertInto('exclusion_windows').values(row).execute();
        const creator =
          row.created_by === null
            ? undefined
            : await tx.selectFrom('users').select('name').where('id', '=', row.created_by).executeTakeFirst();
        const answer = present({ ...row, creator: creator?.name ?? null }, await unitCodesById(tx));
        await recordChange(tx, ctx, now, {
          action: 'exclusion_window.create',
          entity: 'exclusion_window',
          entityId: row.id,
          after: answer,
        });
        await rejudge(tx, ctx, now, [row], `Exclusion window added: ${row.reason}`);
        return answer;
      });
    },

    async update(ctx: CallContext, id: string, input: ExclusionInput): Promise<ExclusionWindow> {
      assertCan(ctx.actor, 'monitoring.manage');
      const now = clock();
      return db.transaction().execute(async (tx) => {
        const before = await mustFind(tx, id);
        const after = { ...before, ...(await columnsOf(tx, input)), updated_at: await stampOf(tx, now) };
        const { id: _id, created_at: _c, created_by: _b, deleted_at: _d, creator: _n, ...changes } = after;
        await tx.updateTable('exclusion_windows').set(changes).where('id', '=', id).execute();
        const codes = await unitCodesById(tx);
        const answer = present(after, codes);
        await recordChange(tx, ctx, now, {
          action: 'exclusion_window.update',
          entity: 'exclusion_window',
          entityId: id,
          before: present(before, codes),
          after: answer,
        });
        await rejudge(tx, ctx, now, [before, after], `Exclusion window changed: ${after.reason}`);
        return answer;
      });
    },

    /** Soft: the row stays (the audit log and old jobs name it) with `deleted_at` set. */
    async delete(ctx: CallContext, id: string): Promise<void> {
      assertCan(ctx.actor, 'monitoring.manage');
      const now = clock();
      await db.transaction().execute(async (tx) => {
        const before = await mustFind(tx, id);
        const at = await stampOf(tx, now);
        await tx
          .updateTable('exclusion_windows')
          .set({ deleted_at: at, updated_at: at })
          .where('id', '=', id)
          .execute();
        await recordChange(tx, ctx, now, {
          action: 'exclusion_window.delete',
          entity: 'exclusion_window',
          entityId: id,
          before: present(before, await unitCodesById(tx)),
        });
        await rejudge(tx, ctx, now, [before], `Exclusion window removed: ${before.reason}`);
      });
    },
  };
}

export type ExclusionService = ReturnType<typeof createExclusionService>;
