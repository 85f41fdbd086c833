import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import {
  createPerson,
  createTestApp,
  createToken,
  signIn,
  type TestApp,
  publishCatalog,
} from '../../test/test-app';
import { expectRollupsConsistent } from '../../test/monitoring-rollups';
import { systemActor } from '../core';
import { STANDARDS_YAML } from '../../scripts/bench/engine-fixtures';

const cli = { actor: systemActor('cli') };

const record = (id: string, channel: string, unit: string, employee: string, startedAt: string) => ({
  id,
  channel,
  unit,
  employee,
  started_at: startedAt,
  template: 'T-STD-1',
  ...(channel === 'phone'
    ? { answered_at: startedAt, ended_at: new Date(Date.parse(startedAt) + 60_000).toISOString(), rings: 5 }
    : {}),
});

// Unanswered e-mails (MAIL-01 fails a week later) and a phone call, around 3 March 2026.
const RECORDS = [
  record('x-in', 'email', 'HR', 'E1', '2026-03-03T07:00:00.000Z'),
  record('x-out', 'email', 'HR', 'E1', '2026-03-05T07:00:00.000Z'),
  record('x-it', 'email', 'IT', 'E2', '2026-03-03T07:00:00.000Z'),
  record('x-phone', 'phone', 'HR', 'E1', '2026-03-03T07:00:00.000Z'),
  record('x-us', 'email', 'US', 'E4', '2026-03-03T08:00:00.000Z'),
];

const WINDOW = {
  starts_at: '2026-03-03T00:00:00Z',
  ends_at: '2026-03-04T00:00:00Z',
  units: ['HR', 'SALES'],
  channels: ['email'],
  standards: ['MAIL-01'],
  reason: 'Mail server outage',
};

describeEachDb('exclusion windows', (database) => {
  let t: TestApp;
  let admin: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp(database());
    t.clock.set('2026-03-10T00:00:00.000Z');
    await publishCatalog(t.services, STANDARDS_YAML);
    admin = (await createToken(t.services, 'admin')).headers;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/interactions',
      headers: admin,
      payload: { interactions: RECORDS },
    });
    expect(res.json()).toMatchObject({ created: RECORDS.length, rejected_count: 0 });
  });
  afterAll(async () => {
    await t.app.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = admin,
  ) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  /** Every record's verdicts, standard → [verdict, reason]. */
  async function allVerdicts() {
    const out: Record<string, Record<string, [string, string]>> = {};
    for (const r of RECORDS) {
      const res = await call('GET', `/interactions/${r.id}`);
      expect(res.statusCode).toBe(200);
      out[r.id] = Object.fromEntries(
        (res.json().verdicts as Array<{ standard: string; verdict: string; reason: string }>).map((v) => [
          v.standard,
          [v.verdict, v.reason],
        ]),
      );
    }
    return out;
  }

  it('records inside a window are na with its reason after the run; outside, nothing changes; removing it brings them back', async () => {
    const original = await allVerdicts();
    expect(original['x-in']!['MAIL-01']![0]).toBe('fail');
    expect(original['x-us']!['MAIL-01']![0]).toBe('fail');

    const created = await call('POST', '/exclusions', WINDOW);
    expect(created.statusCode).toBe(201);
    const window = created.json();
    expect(window).toMatchObject({
      starts_at: '2026-03-03T00:00:00.000Z',
      ends_at: '2026-03-04T00:00:00.000Z',
      units: ['HR', 'SALES'],
      channels: ['email'],
      standards: ['MAIL-01'],
      reason: 'Mail server outage',
    });
    expect((await call('GET', '/exclusions')).json().items).toEqual([window]);

    // The re-judging is queued with the change, and runs in the background: until then, nothing moved.
    const active = (await call('GET', '/monitoring/jobs?active=true')).json().items;
    expect(active).toEqual([expect.objectContaining({ kind: 'rejudge', status: 'queued' })]);
    expect(await allVerdicts()).toEqual(original);

    expect(await t.services.monitoring.runJobs()).toBe(1);
    const excluded = await allVerdicts();
    const why = 'excluded 2026-03-03T00:00:00.000Z – 2026-03-04T00:00:00.000Z: Mail server outage';
    // HR, and US below SALES: excluded from MAIL-01 only.
    for (const id of ['x-in', 'x-us']) {
      expect(excluded[id]!['MAIL-01']).toEqual(['na', why]);
      expect(excluded[id]!['MAIL-02']).toEqual(original[id]!['MAIL-02']);
    }
    // Another unit, another channel, another day: untouched.
    for (const id of ['x-it', 'x-phone', 'x-out']) expect(excluded[id]).toEqual(original[id]);
    const job = (await call('GET', `/monitoring/jobs/${active[0].id}`)).json();
    expect(job).toMatchObject({ status: 'done', total: 4, done: 4, counts: { records: 4, changed: 2 } });
    const rows = (await call('GET', '/compliance?from=2026-03-01&to=2026-03-31&standard=MAIL-01')).json()
      .results;
    expect(rows.map((r: Record<string, unknown>) => [r.unit, r.pass, r.fail, r.na])).toEqual([
      ['HR', 0, 1, 1],
      ['IT', 0, 1, 0],
      ['US', 0, 0, 1],
    ]);
    await expectRollupsConsistent(database().db);

    // Moved to 5 March: x-in judged again, x-out excluded instead.
    const moved = await call('PUT', `/exclusions/${window.id}`, {
      ...WINDOW,
      starts_at: '2026-03-05T00:00:00Z',
      ends_at: '2026-03-06T00:00:00Z',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      id: window.id,
      starts_at: '2026-03-05T00:00:00.000Z',
      created_at: window.created_at,
    });
    expect(await t.services.monitoring.runJobs()).toBe(1);
    const shifted = await allVerdicts();
    expect(shifted['x-in']).toEqual(original['x-in']);
    expect(shifted['x-us']).toEqual(original['x-us']);
    expect(shifted['x-out']!['MAIL-01']).toEqual([
      'na',
      'excluded 2026-03-05T00:00:00.000Z – 2026-03-06T00:00:00.000Z: Mail server outage',
    ]);
    await expectRollupsConsistent(database().db);

    // Removed, in the same millisecond as the edit: every verdict is back.
    const removed = await call('DELETE', `/exclusions/${window.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await call('GET', '/exclusions')).json().items).toEqual([]);
    expect(await t.services.monitoring.runJobs()).toBe(1);
    expect(await allVerdicts()).toEqual(original);
    await expectRollupsConsistent(database().db);
    expect((await call('DELETE', `/exclusions/${window.id}`)).statusCode).toBe(404);
    expect((await call('PUT', `/exclusions/${window.id}`, WINDOW)).statusCode).toBe(404);

    // Every change is in the audit log; the row stays, marked deleted.
    const audit = await database()
      .db.selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity', '=', 'exclusion_window')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'exclusion_window.create',
      'exclusion_window.update',
      'exclusion_window.delete',
    ]);
    expect(new Set(audit.map((a) => a.entity_id))).toEqual(new Set([window.id]));
    const row = await database()
      .db.selectFrom('exclusion_windows')
      .select('deleted_at')
      .where('id', '=', window.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
  });

  it('a window over every unit, channel and standard excludes every verdict in its span', async () => {
    const created = await t.services.exclusions.create(cli, {
      starts_at: '2026-03-03T07:00:00.000Z',
      ends_at: '2026-03-03T07:00:00.001Z',
      reason: 'Fire drill',
    });
    expect(created).toMatchObject({ units: [], channels: [], standards: [] });
    await t.services.monitoring.runJobs();
    const v = await allVerdicts();
    for (const id of ['x-in', 'x-it', 'x-phone']) {
      expect(Object.keys(v[id]!).length).toBeGreaterThan(0);
      for (const [verdict, reason] of Object.values(v[id]!)) {
        expect(verdict).toBe('na');
        expect(reason).toContain('Fire drill');
      }
    }
    expect(v['x-us']!['MAIL-01']![0]).toBe('fail'); // 08:00, after the window's end
    await t.services.exclusions.delete(cli, created.id);
    await t.services.monitoring.runJobs();
    await expectRollupsConsistent(database().db);
  });

  it('unknown unit and standard codes are refused, naming each; nothing is written', async () => {
    const res = await call('POST', '/exclusions', {
      ...WINDOW,
      units: ['HR', 'NOPE'],
      standards: ['MAIL-01', 'NOPE-9'],
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues as Array<{ path: string; message: string }>;
    expect(issues.map((i) => i.path)).toEqual(['units.1', 'standards.1']);
    expect(issues[0]!.message).toContain('NOPE');
    const backwards = await call('POST', '/exclusions', { ...WINDOW, ends_at: '2026-03-02T00:00:00Z' });
    expect(backwards.statusCode).toBe(400);
    expect(JSON.stringify(backwards.json().error.details)).toContain('ends_at');
    expect((await call('GET', '/exclusions')).json().items).toEqual([]);
    expect(await t.services.monitoring.jobs(cli, { active: true })).toEqual([]);
  });

  it('managers write windows; everyone who reads compliance reads them; integration tokens neither', async () => {
    const staff = await createPerson(t.services, 'staff');
    const session = await signIn(t.app, staff.email, staff.password);
    expect((await call('POST', '/exclusions', WINDOW, session)).statusCode).toBe(403);
    expect((await call('GET', '/exclusions', undefined, session)).statusCode).toBe(200);
    const manager = await createPerson(t.services, 'manager');
    const managed = await call(
      'POST',
      '/exclusions',
      WINDOW,
      await signIn(t.app, manager.email, manager.password),
    );
    expect(managed.statusCode).toBe(201);
    expect(managed.json().created_by).toBe(manager.user.name);
    const integration = (await createToken(t.services, 'integration')).headers;
    expect((await call('GET', '/exclusions', undefined, integration)).statusCode).toBe(403);
    expect(
      (await call('DELETE', `/exclusions/${managed.json().id}`, undefined, integration)).statusCode,
    ).toBe(403);
  });
});
