import { CompiledQuery } from 'kysely';
import type { Db, FindingsTable, InteractionsTable } from './database';
import type { DialectName } from './dialect/dialect-name';

/**
 * Bulk reads and writes of monitoring's big tables. Millions of rows pass through here, so rows
 * go in multi-row statements of raw SQL (one statement per few hundred rows, the text made once
 * per shape) rather than through the query builder row by row.
 */

/** Most bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;
/** Ids per lookup of stored records. */
const BY_IDS = 1_000;

const INTERACTION_COLUMNS = [
  'id',
  'channel',
  'unit_id',
  'employee_id',
  'started_at',
  'answered_at',
  'data',
  'verdicts',
  'seq',
  'updated_at',
] as const satisfies ReadonlyArray<keyof InteractionsTable>;

const FINDING_COLUMNS = [
  'interaction_id',
  'standard',
  'version',
  'verdict',
  'reason',
  'unit_id',
  'employee_id',
  'channel',
  'started_at',
  'day',
  'due_at',
] as const satisfies ReadonlyArray<keyof FindingsTable>;

export const ROLLUP_KEY_UNIT = ['grain', 'period', 'standard', 'unit_id', 'channel', 'version'] as const;
export const ROLLUP_KEY_EMPLOYEE = [
  'grain',
  'period',
  'standard',
  'unit_id',
  'employee_id',
  'channel',
  'version',
] as const;

/** A roll-up change: the key's values in the table's key order, then the four deltas. */
export type RollupDelta = [
  ...key: Array<string | number>,
  pass: number,
  fail: number,
  na: number,
  pending: number,
];

/** Statement texts, made once per (dialect, shape, row count). */
const texts = new Map<string, string>();

function valuesList(dialect: DialectName, columns: number, rows: number): string {
  const parts: string[] = new Array<string>(rows);
  let n = 1;
  for (let r = 0; r < rows; r++) {
    const cells: string[] = new Array<string>(columns);
    for (let c = 0; c < columns; c++) cells[c] = dialect === 'postgres' ? `$${n++}` : '?';
    parts[r] = `(${cells.join(',')})`;
  }
  return parts.join(',');
}

function statement(key: string, make: () => string): string {
  let text = texts.get(key);
  if (text === undefined) {
    text = make();
    texts.set(key, text);
  }
  return text;
}

/** Runs `INSERT … VALUES (…),(…) <tail>` over `rows` (flat values, `width` per row), in chunks. */
async function insertMany(
  db: Db,
  dialect: DialectName,
  table: string,
  columns: readonly string[],
  tail: string,
  values: readonly unknown[],
): Promise<void> {
  const width = columns.length;
  const perStatement = Math.floor(MAX_PARAMS / width);
  const rows = values.length / width;
  for (let start = 0, count = 0; start < rows; start += count) {
    // Full statements, then the rest in powers of two: a handful of statement texts per table,
    // each prepared once (a text of a new length every time would be parsed every time).
    const left = rows - start;
    count = left >= perStatement ? perStatement : 2 ** Math.floor(Math.log2(left));
    const text = statement(
      `${dialect}|${table}|${tail}|${count}`,
      () => `insert into ${table} (${columns.join(',')}) values ${valuesList(dialect, width, count)} ${tail}`,
    );
    await db.executeQuery(
      CompiledQuery.raw(text, values.slice(start * width, (start + count) * width) as unknown[]),
    );
  }
}

export interface StoredInteraction {
  id: string;
  channel: string;
  unit_id: string;
  employee_id: string | null;
  started_at: number;
  data: string;
  verdicts: string;
  seq: number;
}

export const monitoringRepository = {
  /**
   * Before a bulk import on this connection: on SQLite, a page cache of 256 MiB instead of 64, so
   * the indexes that a million records land in at random places (record ids, start times,
   * findings) stay in memory (about a tenth faster at a million records). Memory is taken only as
   * pages are read; PostgreSQL has its shared buffers and needs nothing.
   */
  async widenCacheForBulk(db: Db, dialect: DialectName): Promise<void> {
    if (dialect === 'sqlite') await db.executeQuery(CompiledQuery.raw('pragma cache_size = -262144'));
  },

  /** Takes the next ingest batch number; inside a transaction it also serializes writers. */
  async nextSeq(db: Db): Promise<number> {
    const row = await db
      .updateTable('monitoring_state')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .returning('seq')
      .executeTakeFirstOrThrow();
    return Number(row.seq);
  },

  async currentSeq(db: Db): Promise<number> {
    const row = await db
      .selectFrom('monitoring_state')
      .select('seq')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.seq);
  },

  /** The stored rows of these record ids (those that exist). */
  async byIds(db: Db, dialect: DialectName, ids: readonly string[]): Promise<StoredInteraction[]> {
    const out: StoredInteraction[] = [];
    for (let start = 0, count = 0; start < ids.length; start += count) {
      // As in insertMany: a few statement lengths, each prepared once.
      const left = ids.length - start;
      count = left >= BY_IDS ? BY_IDS : 2 ** Math.floor(Math.log2(left));
      const text = statement(`${dialect}|byIds|${count}`, () => {
        const marks = Array.from({ length: count }, (_, i) => (dialect === 'postgres' ? `$${i + 1}` : '?'));
        return `select id, channel, unit_id, employee_id, started_at, data, verdicts, seq from interactions where id in (${marks.join(',')})`;
      });
      const { rows } = await db.executeQuery<StoredInteraction>(
        CompiledQuery.raw(text, ids.slice(start, start + count) as unknown[]),
      );
      for (const r of rows) out.push({ ...r, started_at: Number(r.started_at), seq: Number(r.seq) });
    }
    return out;
  },

  /** Inserts or replaces records (flat values in INTERACTION_COLUMNS order). */
  async upsertInteractions(db: Db, dialect: DialectName, values: readonly unknown[]): Promise<void> {
    const set = INTERACTION_COLUMNS.filter((c) => c !== 'id')
      .map((c) => `${c} = excluded.${c}`)
      .join(', ');
    await insertMany(
      db,
      dialect,
      'interactions',
      INTERACTION_COLUMNS,
      `on conflict (id) do update set ${set}`,
      values,
    );
  },

  /** Replaces only the verdicts of stored records (re-judging, pending → breach). */
  async setVerdicts(
    db: Db,
    rows: ReadonlyArray<{ id: string; verdicts: string; seq: number }>,
  ): Promise<void> {
    for (const r of rows)
      await db
        .updateTable('interactions')
        .set({ verdicts: r.verdicts, seq: r.seq })
        .where('id', '=', r.id)
        .execute();
  },

  async deleteFindings(db: Db, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      if (chunk.length > 0) await db.deleteFrom('findings').where('interaction_id', 'in', chunk).execute();
    }
  },

  /** Inserts findings (flat values in FINDING_COLUMNS order). */
  async insertFindings(db: Db, dialect: DialectName, values: readonly unknown[]): Promise<void> {
    await insertMany(db, dialect, 'findings', FINDING_COLUMNS, '', values);
  },

  /** Adds deltas to roll-up rows, creating them as needed (best given in key order). */
  async addRollups(
    db: Db,
    dialect: DialectName,
    table: 'rollups_unit' | 'rollups_employee',
    deltas: readonly RollupDelta[],
  ): Promise<void> {
    if (deltas.length === 0) return;
    const key = table === 'rollups_unit' ? ROLLUP_KEY_UNIT : ROLLUP_KEY_EMPLOYEE;
    const columns = [...key, 'pass', 'fail', 'na', 'pending'];
    const tail = `on conflict (${key.join(',')}) do update set ${['pass', 'fail', 'na', 'pending']
      .map((c) => `${c} = ${table}.${c} + excluded.${c}`)
      .join(', ')}`;
    await insertMany(db, dialect, table, columns, tail, deltas.flat());
  },
};

export const FINDING_WIDTH = FINDING_COLUMNS.length;
export const INTERACTION_WIDTH = INTERACTION_COLUMNS.length;
