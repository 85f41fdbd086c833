// The physical limit for `npm run bench:monitoring`: the rows our import stored, inserted bare
// (no parsing, judging, findings or roll-ups) into a table of the same shape as `interactions`
// (same columns, primary key and index; no foreign keys), with the fastest plain method of each
// engine and no new dependencies.
import { rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

/** A stored `interactions` row, in column order. */
export type Row = [
  id: string,
  channel: string,
  unit_id: string,
  employee_id: string | null,
  started_at: number,
  answered_at: number | null,
  data: string,
  verdicts: string,
  seq: number,
  updated_at: number,
];

const COLUMNS = 'id, channel, unit_id, employee_id, started_at, answered_at, data, verdicts, seq, updated_at';
const SELECT = `select ${COLUMNS} from interactions`;

const TABLE = (name: string) => `create table ${name} (
  id text primary key,
  channel text not null,
  unit_id text not null,
  employee_id text,
  started_at bigint not null,
  answered_at bigint,
  data text not null,
  verdicts text not null,
  seq bigint not null,
  updated_at bigint not null
)`;

/** Rows written per transaction (SQLite) or per statement group (PostgreSQL). */
const BATCH = 50_000;

/** Every row of our SQLite database's `interactions`, read into memory before any timing. */
export function readSqliteRows(file: string): Row[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(SELECT).raw().all() as Row[];
  } finally {
    db.close();
  }
}

/** How many records our SQLite database stores. */
export function countSqliteRows(file: string): number {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from interactions').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Seconds to insert `rows` into a fresh SQLite file: WAL, synchronous=NORMAL, prepared insert. */
export function bareSqlite(file: string, rows: readonly Row[]): number {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(TABLE('interactions'));
    db.exec('create index interactions_started on interactions (started_at)');
    const insert = db.prepare(`insert into interactions (${COLUMNS}) values (?,?,?,?,?,?,?,?,?,?)`);
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) insert.run(rows[i]!);
    });
    const started = performance.now();
    for (let i = 0; i < rows.length; i += BATCH) batch(i, Math.min(i + BATCH, rows.length));
    return (performance.now() - started) / 1000;
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}

/** Every row of our PostgreSQL database's `interactions`, read into memory before any timing. */
export async function readPostgresRows(url: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query({ text: SELECT, rowMode: 'array' });
    return (result.rows as Row[]).map((r) => {
      r[4] = Number(r[4]);
      r[5] = r[5] === null ? null : Number(r[5]);
      r[8] = Number(r[8]);
      r[9] = Number(r[9]);
      return r;
    });
  } finally {
    await client.end();
  }
}

/** COPY's text format: backslash, tab, newline and carriage return escaped; null as \N. */
const copyCell = (v: string | number | null) =>
  v === null
    ? '\\N'
    : typeof v === 'number'
      ? String(v)
      : v.replace(/[\\\t\n\r]/g, (c) =>
          c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
        );

/**
 * `COPY … FROM STDIN` with pg alone: a query whose copy-in handler sends the prepared text
 * (what pg-copy-streams does, without the dependency).
 */
function copyIn(client: pg.Client, text: string, data: Buffer): Promise<void> {
  const QueryClass = pg.Query as unknown as new (text: string) => object;
  const query = new QueryClass(text) as {
    handleCopyInResponse: (connection: {
      sendCopyFromChunk: (b: Buffer) => void;
      endCopyFrom: () => void;
    }) => void;
  };
  query.handleCopyInResponse = (connection) => {
    for (let at = 0; at < data.length; at += 1 << 20)
      connection.sendCopyFromChunk(data.subarray(at, at + (1 << 20)));
    connection.endCopyFrom();
  };
  return new Promise((resolve, reject) =>
    (client.query as unknown as (q: object, cb: (e: Error | null) => void) => void)(query, (e) =>
      e ? reject(e) : resolve(),
    ),
  );
}

async function freshTable(client: pg.Client, name: string) {
  await client.query(`drop table if exists ${name}`);
  await client.query(TABLE(name));
  await client.query(`create index ${name}_started on ${name} (started_at)`);
}

/**
 * Seconds to insert `rows` into a fresh table of the same shape in the database at `url`, by
 * `COPY FROM STDIN` (text format, BATCH rows each; building the text is timed too) and by
 * multi-row `INSERT … VALUES` (3,000 rows a statement, BATCH rows a transaction).
 */
export async function barePostgres(
  url: string,
  rows: readonly Row[],
): Promise<{ copy: number; insert: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await freshTable(client, 'bare_copy');
    let started = performance.now();
    for (let i = 0; i < rows.length; i += BATCH) {
      let text = '';
      for (let j = i; j < Math.min(i + BATCH, rows.length); j++)
        text += `${rows[j]!.map(copyCell).join('\t')}\n`;
      await copyIn(client, `copy bare_copy (${COLUMNS}) from stdin`, Buffer.from(text));
    }
    const copy = (performance.now() - started) / 1000;
    await client.query('drop table bare_copy');

    await freshTable(client, 'bare_insert');
    const perStatement = 3_000;
    const statements = new Map<number, string>();
    const textFor = (count: number) => {
      let text = statements.get(count);
      if (text === undefined) {
        const values: string[] = [];
        for (let r = 0, n = 1; r < count; r++) {
          const cells: string[] = [];
          for (let c = 0; c < 10; c++) cells.push(`$${n++}`);
          values.push(`(${cells.join(',')})`);
        }
        text = `insert into bare_insert (${COLUMNS}) values ${values.join(',')}`;
        statements.set(count, text);
      }
      return text;
    };
    started = performance.now();
    for (let i = 0; i < rows.length; i += BATCH) {
      await client.query('begin');
      const end = Math.min(i + BATCH, rows.length);
      for (let j = i; j < end; j += perStatement) {
        const slice = rows.slice(j, Math.min(j + perStatement, end));
        await client.query(textFor(slice.length), slice.flat());
      }
      await client.query('commit');
    }
    const insert = (performance.now() - started) / 1000;
    await client.query('drop table bare_insert');
    return { copy, insert };
  } finally {
    await client.end();
  }
}
