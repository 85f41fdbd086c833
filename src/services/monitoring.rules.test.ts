import { setImmediate } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDb, TEST_DBS, type TestDatabase } from '../../test/test-database';
import { createTestApp, createToken, type TestApp, publishCatalog } from '../../test/test-app';
import { expectRollupsConsistent } from '../../test/monitoring-rollups';
import { systemActor } from '../core';
import { STANDARDS_YAML } from '../../scripts/bench/engine-fixtures';
import { validateInteractionRecord } from '../contract/interaction-record.schema';
import { writeRecords } from './monitoring/ingest';
import { enqueueRejudge } from './monitoring/rejudge-queue';

const cli = { actor: systemActor('cli') };

/** Publishes a standards file at once, in force from `effectiveFrom` (a day in the organization's zone, or an instant). */
async function publish(t: TestApp, yaml: string, effectiveFrom: string) {
  const result = await publishCatalog(t.services, yaml, effectiveFrom);
  expect(result.proposal?.status).toBe('published');
}

/** TEL-01 stricter from v2 on: at most one ring, with a lower target. */
const TEL01_V2 = STANDARDS_YAML.replace(
  'field: rings, max: 3}, target: 0.9',
  'field: rings, max: 1}, target: 0.7',
);
/** The office calendar with Monday 2 March 2026 as a holiday. */
const OFFICE_V2 = STANDARDS_YAML.replace(
  '"2026-02-23", "2026-03-09"',
  '"2026-02-23", "2026-03-02", "2026-03-09"',
);

const phone = (id: string, startedAt: string, rings: number) => ({
  id,
  channel: 'phone',
  unit: 'IT',
  employee: 'E2',
  started_at: startedAt,
  answered_at: new Date(Date.parse(startedAt) + 10_000).toISOString(),
  ended_at: new Date(Date.parse(startedAt) + 60_000).toISOString(),
  rings,
});
const email = (id: string, startedAt: string, answeredAt?: string) => ({
  id,
  channel: 'email',
  unit: 'HR',
  employee: 'E1',
  started_at: startedAt,
  template: 'T-STD-1',
  ...(answeredAt ? { answered_at: answeredAt } : {}),
});

interface Api {
  t: TestApp;
  headers: { authorization: string };
}

async function ingest(api: Api, records: unknown[]) {
  const res = await api.t.app.inject({
    method: 'POST',
    url: '/api/v1/interactions',
    headers: api.headers,
    payload: { interactions: records as object[] },
  });
  expect(res.statusCode).toBe(200);
  expect(res.json().rejected).toEqual([]);
  return res.json() as { created: number; updated: number; unchanged: number };
}

async function verdicts(api: Api, id: string) {
  const res = await api.t.app.inject({
    method: 'GET',
    url: `/api/v1/interactions/${id}`,
    headers: api.headers,
  });
  expect(res.statusCode).toBe(200);
  const body = res.json() as {
    verdicts: Array<{ standard: string; version: number; verdict: string; reason: string }>;
  };
  return Object.fromEntries(body.verdicts.map((v) => [v.standard, v]));
}

async function compliance(api: Api, query: string) {
  const res = await api.t.app.inject({
    method: 'GET',
    url: `/api/v1/compliance?${query}`,
    headers: api.headers,
  });
  expect(res.statusCode).toBe(200);
  return (res.json() as { results: Array<Record<string, unknown>> }).results;
}

/** The stored verdict of one standard on one record, read straight from the table (no settling first). */
async function storedVerdict(database: TestDatabase, id: string, standard: string) {
  const row = await database.db
    .selectFrom('interactions')
    .select('verdicts')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return (JSON.parse(row.verdicts) as Array<[string, number, string]>).find(([s]) => s === standard)?.[2];
}

function setup(database: () => TestDatabase, now: string) {
  const api = {} as Api;
  beforeAll(async () => {
    api.t = await createTestApp(database());
    api.t.clock.set(now);
    await publish(api.t, STANDARDS_YAML, '2025-12-31T00:00:00.000Z');
    api.headers = (await createToken(api.t.services, 'admin')).headers;
  });
  afterAll(async () => {
    await api.t.app.close();
  });
  return api;
}

describeEachDb('monitoring: records are judged by the versions in force at their start', (database) => {
  const api = setup(database, '2027-01-10T00:00:00.000Z');

  it('a record before a change is judged by the old version, one after by the new', async () => {
    await ingest(api, [
      phone('p-mar', '2026-03-10T07:00:00.000Z', 2),
      phone('p-jul', '2026-07-10T07:00:00.000Z', 2),
    ]);
    expect((await verdicts(api, 'p-jul'))['TEL-01']).toMatchObject({ version: 1, verdict: 'pass' });

    // v2 of TEL-01, published now but in force from 1 June 2026: queues a re-judging from then on.
    await publish(api.t, TEL01_V2, '2026-06-01');
    const queued = await api.t.services.monitoring.jobs(cli, { active: true, kind: 'rejudge' });
    expect(queued).toHaveLength(1);
    // Until the run, the stored verdicts stand.
    expect((await verdicts(api, 'p-jul'))['TEL-01']).toMatchObject({ version: 1, verdict: 'pass' });

    expect(await api.t.services.monitoring.runJobs()).toBe(1);
    const job = await api.t.services.monitoring.job(cli, queued[0]!.id);
    expect(job).toMatchObject({ status: 'done', total: 1, done: 1, counts: { records: 1, changed: 1 } });
    expect((await verdicts(api, 'p-mar'))['TEL-01']).toMatchObject({ version: 1, verdict: 'pass' });
    expect((await verdicts(api, 'p-jul'))['TEL-01']).toMatchObject({ version: 2, verdict: 'fail' });
    expect((await verdicts(api, 'p-jul'))['TEL-01']!.reason).toContain('1');

    // A record written after the change is judged by v2 at once; one before it by v1.
    await ingest(api, [
      phone('p-aug', '2026-08-10T07:00:00.000Z', 2),
      phone('p-may', '2026-05-29T07:00:00.000Z', 2),
    ]);
    expect((await verdicts(api, 'p-aug'))['TEL-01']).toMatchObject({ version: 2, verdict: 'fail' });
    expect((await verdicts(api, 'p-may'))['TEL-01']).toMatchObject({ version: 1, verdict: 'pass' });

    const rows = await compliance(api, 'from=2026-01-01&to=2026-12-31&standard=TEL-01&unit=IT');
    expect(rows.map((r) => [r.period, r.pass, r.fail, r.target])).toEqual([
      ['2026-03', 1, 0, 0.9],
      ['2026-05', 1, 0, 0.9],
      ['2026-07', 0, 1, 0.7],
      ['2026-08', 0, 1, 0.7],
    ]);
    await expectRollupsConsistent(database().db);
  });
});

describeEachDb('monitoring: a pending verdict becomes a breach when its time runs out', (database) => {
  // Monday 2 March 2026, 12:00 in Moscow; the office works 09–13 and 14–18.
  const api = setup(database, '2026-03-02T09:00:00.000Z');

  it('settleDue turns an unanswered e-mail into a fail past its business-time deadline, not before', async () => {
    await ingest(api, [
      // 11:00 Moscow + 4 business hours (2 before lunch, 2 after) = 16:00 Moscow = 13:00Z.
      email('late', '2026-03-02T08:00:00.000Z'),
      // 13:00 Moscow (lunch) + 4 business hours = 18:00 Moscow = 15:00Z.
      email('later', '2026-03-02T10:00:00.000Z'),
    ]);
    expect((await verdicts(api, 'late'))['MAIL-01']!.verdict).toBe('pending');
    const findings = await api.t.app.inject({
      method: 'GET',
      url: '/api/v1/findings?standard=MAIL-01&from=2026-03-01&to=2026-03-31&verdict=pending',
      headers: api.headers,
    });
    expect(
      findings
        .json()
        .items.map((f: { interaction_id: string; due_at: string }) => [f.interaction_id, f.due_at]),
    ).toEqual([
      ['later', '2026-03-02T15:00:00.001Z'],
      ['late', '2026-03-02T13:00:00.001Z'],
    ]);

    // Exactly at the deadline the time has not run out yet.
    api.t.clock.set('2026-03-02T13:00:00.000Z');
    expect(await api.t.services.monitoring.settleDue()).toBe(0);
    expect(await storedVerdict(database(), 'late', 'MAIL-01')).toBe('pending');

    api.t.clock.advance(1);
    expect(await api.t.services.monitoring.settleDue()).toBe(1);
    expect(await storedVerdict(database(), 'late', 'MAIL-01')).toBe('fail');
    expect(await storedVerdict(database(), 'later', 'MAIL-01')).toBe('pending');
    await expectRollupsConsistent(database().db);
    const rows = await compliance(api, 'from=2026-03-01&to=2026-03-31&standard=MAIL-01');
    expect(rows).toEqual([
      expect.objectContaining({ unit: 'HR', period: '2026-03', pass: 0, fail: 1, pending: 1 }),
    ]);

    // A day later both are breaches, and nothing is pending however it is asked.
    api.t.clock.set('2026-03-03T09:00:00.000Z');
    expect(await api.t.services.monitoring.settleDue()).toBe(1);
    expect(await api.t.services.monitoring.settleDue()).toBe(0);
    for (const q of ['', '&by=employee', '&period=day', '&period=quarter'])
      for (const row of await compliance(api, `from=2026-03-01&to=2026-03-31&standard=MAIL-01${q}`))
        expect(row).toMatchObject({ pending: 0, fail: 2 });
    expect((await verdicts(api, 'late'))['MAIL-01']!.reason).not.toBe('');
    await expectRollupsConsistent(database().db);
  });
});

describeEachDb('monitoring: a calendar change re-judges what it touches', (database) => {
  const api = setup(database, '2026-03-10T00:00:00.000Z');

  it('a back-dated calendar version changes verdicts only when its run is done, all at once', async () => {
    await ingest(api, [
      // Monday 2 March, 11:00 and 10:00 Moscow, answered 16:30: 4.5 and 5.5 business hours — late.
      email('c-1', '2026-03-02T08:00:00.000Z', '2026-03-02T13:30:00.000Z'),
      email('c-2', '2026-03-02T07:00:00.000Z', '2026-03-02T13:30:00.000Z'),
      // Tuesday, answered in 2 hours.
      email('c-3', '2026-03-03T07:00:00.000Z', '2026-03-03T09:00:00.000Z'),
    ]);
    const old = [expect.objectContaining({ unit: 'HR', period: '2026-03', pass: 1, fail: 2, pending: 0 })];
    expect(await compliance(api, 'from=2026-03-01&to=2026-03-31&standard=MAIL-01')).toEqual(old);

    // Monday 2 March becomes a holiday, from 1 January on: no business time passed that day.
    await publish(api.t, OFFICE_V2, '2026-01-01');
    const [job] = await api.t.services.monitoring.jobs(cli, { active: true });
    expect(job).toMatchObject({ kind: 'rejudge', status: 'queued' });
    expect(await compliance(api, 'from=2026-03-01&to=2026-03-31&standard=MAIL-01')).toEqual(old);
    expect((await verdicts(api, 'c-1'))['MAIL-01']!.verdict).toBe('fail');

    expect(await api.t.services.monitoring.runJobs()).toBe(1);
    expect(await api.t.services.monitoring.job(cli, job!.id)).toMatchObject({
      status: 'done',
      total: 3,
      done: 3,
      counts: { records: 3, changed: 2 },
      error: null,
    });
    expect(await compliance(api, 'from=2026-03-01&to=2026-03-31&standard=MAIL-01')).toEqual([
      expect.objectContaining({ unit: 'HR', period: '2026-03', pass: 3, fail: 0, pending: 0 }),
    ]);
    expect((await verdicts(api, 'c-1'))['MAIL-01']).toMatchObject({ version: 1, verdict: 'pass' });
    expect((await verdicts(api, 'c-2'))['MAIL-01']).toMatchObject({ version: 1, verdict: 'pass' });
    expect(await api.t.services.monitoring.jobs(cli, { active: true })).toEqual([]);
    // Nothing else is queued: running again does nothing.
    expect(await api.t.services.monitoring.runJobs()).toBe(0);
    await expectRollupsConsistent(database().db);
  });
});

describe.runIf(TEST_DBS.includes('postgres'))('monitoring: settling races an ingest [postgres]', () => {
  let database: TestDatabase;
  let api: Api;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    api = { t: await createTestApp(database), headers: { authorization: '' } };
    api.t.clock.set('2026-03-02T09:00:00.000Z');
    await publish(api.t, STANDARDS_YAML, '2025-12-31T00:00:00.000Z');
    api.headers = (await createToken(api.t.services, 'admin')).headers;
  });
  afterAll(async () => {
    await api.t.app.close();
    await database.close();
  });

  /** Waits (by polling the server, not by the clock) until one of our queries waits for a lock. */
  async function untilSomeoneWaitsForALock() {
    for (let i = 0; i < 2000; i++) {
      const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(database.db);
      if (Number(rows[0]!.n) > 0) return;
      await setImmediate();
    }
    throw new Error('nobody waited for a lock');
  }

  it('a reply ingested while settleDue runs is neither undone nor counted twice', async () => {
    await ingest(api, [email('race', '2026-03-02T08:00:00.000Z')]);
    api.t.clock.set('2026-03-02T14:00:00.000Z'); // past its deadline: due
    const answered = validateInteractionRecord(
      email('race', '2026-03-02T08:00:00.000Z', '2026-03-02T08:30:00.000Z'),
    );
    if (!answered.ok) throw new Error('bad record');
    const rules = await api.t.services.monitoring.rulesCache.get(database.db);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    // The reply is written, not yet committed, when settling starts.
    const ingesting = database.db.transaction().execute(async (tx) => {
      await writeRecords(
        tx,
        database.dialect,
        rules,
        [{ index: 0, record: answered.record }],
        api.t.clock().getTime(),
      );
      written();
      await released;
    });
    await wrote;
    const settling = api.t.services.monitoring.settleDue();
    await untilSomeoneWaitsForALock();
    release();
    await ingesting;
    await settling;
    expect(await storedVerdict(database, 'race', 'MAIL-01')).toBe('pass');
    await expectRollupsConsistent(database.db);
  });
});

describeEachDb('monitoring: a unit or employee code renamed', (database) => {
  const api = setup(database, '2026-03-20T00:00:00.000Z');

  it('a re-judging judges stored records by their unit and employee as they are now, not by the old codes', async () => {
    // 13:00 Moscow: "good afternoon", the unit's and the employee's names — TEL-03 passes.
    await ingest(api, [
      {
        ...phone('g-1', '2026-03-10T10:00:00.000Z', 1),
        greeting: 'Good afternoon, IT department, Ivan speaking',
      },
    ]);
    expect((await verdicts(api, 'g-1'))['TEL-03']!.verdict).toBe('pass');

    const db = database().db;
    const unit = await db.selectFrom('units').select('id').where('code', '=', 'IT').executeTakeFirstOrThrow();
    const employee = await db
      .selectFrom('employees')
      .select('id')
      .where('code', '=', 'E2')
      .executeTakeFirstOrThrow();
    api.t.clock.advance(60_000);
    await api.t.services.units.update(cli, unit.id, { code: 'IT-DEPT' });
    await api.t.services.employees.update(cli, employee.id, { code: 'E2-IVAN' });
    await db
      .transaction()
      .execute((tx) => enqueueRejudge(tx, api.t.clock(), { fromMs: null, toMs: null, title: 'test' }));
    expect(await api.t.services.monitoring.runJobs()).toBe(1);
    const [job] = await api.t.services.monitoring.jobs(cli, { kind: 'rejudge' });
    expect(job).toMatchObject({ status: 'done', counts: { records: 1, changed: 0 } });
    expect((await verdicts(api, 'g-1'))['TEL-03']).toMatchObject({ verdict: 'pass' });
    expect(
      (await compliance(api, 'from=2026-03-01&to=2026-03-31&standard=TEL-03&by=employee')).map((r) => [
        r.unit,
        r.employee,
        r.pass,
        r.fail,
      ]),
    ).toEqual([['IT-DEPT', 'E2-IVAN', 1, 0]]);
    await expectRollupsConsistent(db);
  });
});

describeEachDb('monitoring: a re-judging left running by a dead process', (database) => {
  const api = setup(database, '2027-01-10T00:00:00.000Z');

  it('is queued again at start and then run, so its records are not left judged by the old rules', async () => {
    await ingest(api, [phone('d-jul', '2026-07-10T07:00:00.000Z', 2)]);
    await publish(api.t, TEL01_V2, '2026-06-01');
    const [job] = await api.t.services.monitoring.jobs(cli, { active: true, kind: 'rejudge' });
    // The process claimed the run, staged an id and died.
    const db = database().db;
    await db.updateTable('monitoring_jobs').set({ status: 'running' }).where('id', '=', job!.id).execute();
    await db
      .insertInto('rejudge_staging')
      .values({ job_id: job!.id, interaction_id: 'd-jul', seq: 1, verdicts: '' })
      .execute();
    expect(await api.t.services.monitoring.runJobs()).toBe(0);

    expect(await api.t.services.monitoring.requeueInterrupted()).toBe(1);
    expect(await api.t.services.monitoring.runJobs()).toBe(1);
    expect(await api.t.services.monitoring.job(cli, job!.id)).toMatchObject({
      status: 'done',
      counts: { records: 1, changed: 1 },
    });
    expect((await verdicts(api, 'd-jul'))['TEL-01']).toMatchObject({ version: 2, verdict: 'fail' });
    expect(await db.selectFrom('rejudge_staging').selectAll().execute()).toEqual([]);
    expect(await api.t.services.monitoring.requeueInterrupted()).toBe(0);
    await expectRollupsConsistent(db);
  });
});
