// `npm run bench:monitoring` (issue 6): monitoring end to end, each part in the same run.
//   1. `etalon import` of COUNT records (the engine's benchmark mix) into a fresh SQLite data dir
//      and into a fresh PostgreSQL database (a throwaway one on PG_URL, dropped at the end):
//      records/s including reading, judging, findings and roll-ups, from spawning the command to
//      its exit.
//   2. The physical limit: the very rows that import stored, inserted bare into a table of the same
//      shape with the fastest plain method of each engine (monitoring-bare.mts), and our rate as a
//      share of it.
//   3. The compliance API over BIG stored records (SQLite): a 12-month, all-units query, by unit and
//      by employee, REQUESTS sequential requests each after a warm-up: p50 / p95 / p99.
//   4. The server's reads while records are written: GET /api/v1/compliance and GET /api/health
//      every 100 ms while `etalon import` writes COUNT records into the database the server uses,
//      and while the server itself imports an uploaded file (POST /api/v1/imports).
// Env: COUNT (1,000,000), BIG (5,400,000: filled to 5 M, then LIVE more by the CLI and LIVE by the server), REQUESTS (200), BENCH_PORT (3960),
// PG_URL (postgres://postgres@127.0.0.1:55432/postgres; empty: skip PostgreSQL), BENCH_DIR.
import { spawn } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { STANDARDS_YAML, writeFixtures } from './engine-fixtures';
import {
  bareSqlite,
  barePostgres,
  countSqliteRows,
  readPostgresRows,
  readSqliteRows,
} from './monitoring-bare.mjs';

const COUNT = Number(process.env.COUNT ?? 1_000_000);
const BIG = Number(process.env.BIG ?? 5_400_000);
const REQUESTS = Number(process.env.REQUESTS ?? 200);
const PORT = Number(process.env.BENCH_PORT ?? 3960);
const PG_URL = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres';
const DIR = process.env.BENCH_DIR ?? join(tmpdir(), 'etalon-bench-monitoring');
const BASE = `http://127.0.0.1:${PORT}`;
const YEAR = 'from=2026-01-01&to=2026-12-31';
/** Records written by each import the server's reads are timed during. */
const LIVE = Number(process.env.LIVE ?? COUNT);
/** `import` (parts 1 and 2), `api` (parts 3 and 4), or both. */
const PHASES = new Set((process.env.PHASES ?? 'import,api').split(','));

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const sleep = (n: number) => new Promise((r) => setTimeout(r, n));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/**
 * A CSV of `count` records of the engine's mix, seeded, with ids from `offset` (seed 42 from 0 is
 * the engine benchmark's file), so files with other offsets add distinct records.
 */
async function part(count: number, seed: number, offset: number): Promise<string> {
  const file = join(DIR, `records-${count}-s${seed}-o${offset}.csv`);
  if (!existsSync(file)) {
    log(`writing ${fmt(count)} records to ${file}`);
    await writeFixtures(count, `${file}.tmp`, '/dev/null', { seed, idOffset: offset });
    renameSync(`${file}.tmp`, file);
  }
  return file;
}

interface Run {
  seconds: number;
  stdout: string;
  stderr: string;
}

/** Runs `etalon …` against a data dir or database, failing on a non-zero exit. */
function etalon(args: string[], env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/etalon.mjs', ...args], {
    env: { ...process.env, ETALON_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0
        ? resolve({ seconds: (performance.now() - started) / 1000, stdout, stderr })
        : reject(new Error(`etalon ${args.join(' ')} exited ${code}:\n${stderr}`)),
    ),
  );
}

/** `etalon import FILE`, checked to have created every record; records/s over the whole command. */
async function importFile(
  file: string,
  env: Record<string, string>,
  count = COUNT,
): Promise<{ seconds: number; rate: number }> {
  const run = await etalon(['import', file], env);
  if (!run.stderr.includes(`${count} record(s)`) || !run.stderr.includes(`${count} created`))
    throw new Error(`import of ${file} did not create ${count} records:\n${run.stderr}`);
  return { seconds: run.seconds, rate: count / run.seconds };
}

/** A fresh catalog (units, employees, standards) published back-dated, as the engine benchmark's. */
async function prepare(env: Record<string, string>) {
  const standards = join(DIR, 'standards.yaml');
  writeFileSync(standards, STANDARDS_YAML);
  await etalon(['standards', 'apply', '-f', standards, '--publish', '--effective-from', '2025-12-31'], env);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const summary = (xs: number[]) => ({
  n: xs.length,
  p50: pct(xs, 50),
  p95: pct(xs, 95),
  p99: pct(xs, 99),
  max: Math.max(...xs),
});

type Latency = ReturnType<typeof summary>;
interface Reads {
  seconds: number;
  compliance: Latency;
  health: Latency;
}
interface Result {
  date: string;
  machine: string;
  count: number;
  big: number;
  live: number;
  sqlite?: {
    import: { seconds: number; rate: number };
    bare: { seconds: number; rate: number };
    share: number;
  };
  postgres?: {
    import: { seconds: number; rate: number };
    bare: { copy: number; insert: number };
    share: number;
  };
  fill: number[];
  stored: number;
  latency: Record<string, Latency>;
  idle: Reads;
  cliImport: Reads;
  serverImport: Reads;
  load: string;
}

let token = '';
async function get(path: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${BASE}${path}`, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}`);
  return performance.now() - started;
}

/** GET `path` every 100 ms (or as soon as the previous answer came, when that took longer). */
function poll(path: string) {
  const latencies: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      latencies.push(await get(path));
      const wait = 100 - (performance.now() - started);
      if (wait > 0) await sleep(wait);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return summary(latencies);
    },
  };
}

/** Reads of the compliance API and the health check while `work` runs. */
async function whileWriting(work: () => Promise<unknown>) {
  const compliance = poll(`/api/v1/compliance?${YEAR}`);
  const health = poll('/api/health');
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  return { seconds, compliance: await compliance.stop(), health: await health.stop() };
}

async function main() {
  mkdirSync(DIR, { recursive: true });
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, node ${process.version}`;
  log(`${machine}; load average ${load()}`);
  const saved = join(DIR, 'result.json');
  // Only the server part (PHASES=api) keeps the SQLite database and results of an earlier run.
  const result: Partial<Result> =
    PHASES.has('import') || !existsSync(saved) ? {} : (JSON.parse(readFileSync(saved, 'utf8')) as Result);
  Object.assign(result, { date: new Date().toISOString(), machine, count: COUNT, big: BIG, live: LIVE });
  const sqliteDir = join(DIR, 'sqlite');
  const sqliteEnv = { ETALON_DATA_DIR: sqliteDir, DATABASE_URL: '' };
  if (PHASES.has('import')) await importPhase(result, sqliteDir, sqliteEnv);
  writeFileSync(saved, JSON.stringify(result, null, 2));
  if (PHASES.has('api')) await apiPhase(result, sqliteDir, sqliteEnv);
  writeFileSync(saved, JSON.stringify(result, null, 2));
  print(result as Result);
}

/** 1 and 2: `etalon import` into fresh databases, beside a bare insert of the rows it stored. */
async function importPhase(result: Partial<Result>, sqliteDir: string, sqliteEnv: Record<string, string>) {
  const file = await part(COUNT, 42, 0);
  rmSync(sqliteDir, { recursive: true, force: true });
  await prepare(sqliteEnv);
  log(`SQLite: etalon import of ${fmt(COUNT)} records (load ${load()})`);
  const sqliteImport = await importFile(file, sqliteEnv);
  log(`  ${sqliteImport.seconds.toFixed(1)} s = ${fmt(sqliteImport.rate)} records/s`);
  const sqliteRows = readSqliteRows(join(sqliteDir, 'etalon.sqlite'));
  if (sqliteRows.length !== COUNT)
    throw new Error(`expected ${COUNT} stored rows, found ${sqliteRows.length}`);
  log(`SQLite: bare insert of the same rows (load ${load()})`);
  const sqliteBare = bareSqlite(join(DIR, 'bare.sqlite'), sqliteRows);
  sqliteRows.length = 0;
  log(`  ${sqliteBare.toFixed(1)} s = ${fmt(COUNT / sqliteBare)} rows/s`);
  result.sqlite = {
    import: sqliteImport,
    bare: { seconds: sqliteBare, rate: COUNT / sqliteBare },
    share: sqliteImport.rate / (COUNT / sqliteBare),
  };

  // 1 and 2, PostgreSQL, in a throwaway database.
  if (PG_URL) {
    const name = `etalon_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    try {
      const pgEnv = { DATABASE_URL: url.toString(), ETALON_DATA_DIR: join(DIR, 'pg-data') };
      await prepare(pgEnv);
      log(`PostgreSQL: etalon import of ${fmt(COUNT)} records (load ${load()})`);
      const pgImport = await importFile(file, pgEnv);
      log(`  ${pgImport.seconds.toFixed(1)} s = ${fmt(pgImport.rate)} records/s`);
      const rows = await readPostgresRows(url.toString());
      if (rows.length !== COUNT) throw new Error(`expected ${COUNT} stored rows, found ${rows.length}`);
      log(`PostgreSQL: bare COPY and INSERT of the same rows (load ${load()})`);
      const bare = await barePostgres(url.toString(), rows);
      const fastest = Math.min(bare.copy, bare.insert);
      log(`  COPY ${fmt(COUNT / bare.copy)} rows/s, INSERT ${fmt(COUNT / bare.insert)} rows/s`);
      result.postgres = {
        import: pgImport,
        bare: { copy: COUNT / bare.copy, insert: COUNT / bare.insert },
        share: pgImport.rate / (COUNT / fastest),
      };
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(join(DIR, 'pg-data'), { recursive: true, force: true });
    }
  }
}

/**
 * 3 and 4 on the SQLite database of part 1: filled up with further files of COUNT records until
 * LIVE more make BIG, then LIVE records imported by `etalon import` while the server reads, the
 * compliance API timed over BIG records, and LIVE more imported by the server itself.
 */
async function apiPhase(result: Partial<Result>, sqliteDir: string, sqliteEnv: Record<string, string>) {
  let stored = countSqliteRows(join(sqliteDir, 'etalon.sqlite'));
  const more: number[] = [];
  while (stored + COUNT + LIVE <= BIG) {
    const file = await part(COUNT, 42 + Math.round(stored / COUNT), stored);
    log(
      `SQLite: etalon import of ${fmt(COUNT)} more records (${fmt(stored + COUNT)} stored after it; load ${load()})`,
    );
    more.push((await importFile(file, sqliteEnv)).rate);
    stored += COUNT;
    log(`  ${fmt(more.at(-1)!)} records/s`);
  }
  result.fill = more;
  const liveFile = await part(LIVE, 1042, stored);
  const uploadFile = await part(LIVE, 1043, stored + LIVE);
  token = (await etalon(['token', 'create', '--name', 'bench', '--role', 'admin'], sqliteEnv)).stdout.trim();
  const server = spawn(process.execPath, ['bin/etalon.mjs', 'serve'], {
    env: { ...process.env, ...sqliteEnv, PORT: String(PORT), HOST: '127.0.0.1', ETALON_LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`${BASE}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    for (let i = 0; i < 20; i++) await get(`/api/v1/compliance?${YEAR}`);
    const idle = await whileWriting(() => sleep(5_000));
    log(`idle reads: compliance p95 ${ms(idle.compliance.p95)}, health p95 ${ms(idle.health.p95)}`);
    log(`SQLite: etalon import of ${fmt(LIVE)} records while the server reads (load ${load()})`);
    const cliImport = await whileWriting(() => importFile(liveFile, sqliteEnv, LIVE));
    log(
      `  ${fmt(LIVE / cliImport.seconds)} records/s; compliance p95 ${ms(cliImport.compliance.p95)}, health p95 ${ms(cliImport.health.p95)}`,
    );

    // 3: BIG records stored.
    stored = countSqliteRows(join(sqliteDir, 'etalon.sqlite'));
    log(`compliance API over ${fmt(stored)} records (load ${load()})`);
    const latency: Record<string, Latency> = {};
    for (const by of ['unit', 'employee']) {
      const path = `/api/v1/compliance?${YEAR}&by=${by}`;
      for (let i = 0; i < 20; i++) await get(path);
      const xs: number[] = [];
      for (let i = 0; i < REQUESTS; i++) xs.push(await get(path));
      latency[by] = summary(xs);
      log(`  by=${by}: p50 ${ms(latency[by].p50)}, p95 ${ms(latency[by].p95)}, p99 ${ms(latency[by].p99)}`);
    }

    // 4b: a file import run by the server itself.
    log(`server import (POST /api/v1/imports) of ${fmt(LIVE)} records (load ${load()})`);
    const upload = uploadFile;
    const serverImport = await whileWriting(async () => {
      const res = await fetch(`${BASE}/api/v1/imports?format=csv&name=records.csv`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'text/csv',
          'content-length': String(statSync(upload).size),
        },
        body: Readable.toWeb(createReadStream(upload)) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      if (res.status !== 202) throw new Error(`POST /imports → ${res.status} ${await res.text()}`);
      const job = (await res.json()) as { id: string };
      for (;;) {
        await sleep(250);
        const r = await fetch(`${BASE}/api/v1/monitoring/jobs/${job.id}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const j = (await r.json()) as { status: string; counts?: Record<string, number> };
        if (j.status === 'failed') throw new Error(`the import job failed: ${JSON.stringify(j)}`);
        if (j.status === 'done') {
          if (j.counts?.created !== LIVE)
            throw new Error(`the import job created ${JSON.stringify(j.counts)}`);
          return;
        }
      }
    });
    log(
      `  ${fmt(LIVE / serverImport.seconds)} records/s; compliance p95 ${ms(serverImport.compliance.p95)}, health p95 ${ms(serverImport.health.p95)}`,
    );
    Object.assign(result, { stored, latency, idle, cliImport, serverImport, load: load() });
  } finally {
    server.kill('SIGTERM');
  }
}

function print(r: Result) {
  const line = (s: string) => process.stdout.write(`${s}\n`);
  line(`\n${r.date.slice(0, 10)} — ${r.machine}; load average at the end ${r.load ?? load()}`);
  const head = ['database', `etalon import of ${fmt(r.count)} records`, 'bare insert of the same rows'];
  line(`\n| ${head.join(' | ')} | import / bare |`);
  line('|---|---|---|---|');
  if (r.sqlite)
    line(
      `| SQLite | ${fmt(r.sqlite.import.rate)} records/s (${r.sqlite.import.seconds.toFixed(1)} s) | ${fmt(r.sqlite.bare.rate)} rows/s | ${(r.sqlite.share * 100).toFixed(1)} % |`,
    );
  if (r.postgres)
    line(
      `| PostgreSQL | ${fmt(r.postgres.import.rate)} records/s (${r.postgres.import.seconds.toFixed(1)} s) | COPY ${fmt(r.postgres.bare.copy)} rows/s, INSERT ${fmt(r.postgres.bare.insert)} rows/s | ${(r.postgres.share * 100).toFixed(1)} % |`,
    );
  if (!r.latency) return;
  line(`\nfilling up: ${r.fill.map(fmt).join(', ')} records/s`);
  line(
    `\n| GET /api/v1/compliance, 12 months, all units, ${fmt(r.stored)} records | p50 | p95 | p99 | max |`,
  );
  line('|---|---|---|---|---|');
  for (const [by, x] of Object.entries(r.latency))
    line(`| by=${by} (${x.n} sequential) | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.p99)} | ${ms(x.max)} |`);
  line('\n| reads every 100 ms while … | compliance p50 / p95 / max | health p50 / p95 / max | writing |');
  line('|---|---|---|---|');
  for (const [name, x] of [
    ['nothing is written', r.idle],
    [`\`etalon import\` writes ${fmt(r.live)} records`, r.cliImport],
    [`the server imports an uploaded file of ${fmt(r.live)} records`, r.serverImport],
  ] as const)
    line(
      `| ${name} | ${ms(x.compliance.p50)} / ${ms(x.compliance.p95)} / ${ms(x.compliance.max)} | ${ms(x.health.p50)} / ${ms(x.health.p95)} / ${ms(x.health.max)} | ${x === r.idle ? '—' : `${fmt(r.live / x.seconds)} records/s`} |`,
    );
}

await main();
