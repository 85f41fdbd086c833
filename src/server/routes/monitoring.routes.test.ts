import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import {
  createPerson,
  createTestApp,
  createToken,
  signIn,
  type TestApp,
  publishCatalog,
} from '../../../test/test-app';
import { newId } from '../../db/ids';
import { expectRollupsConsistent } from '../../../test/monitoring-rollups';
import { STANDARDS_YAML } from '../../../scripts/bench/engine-fixtures';

// Monday 2 March 2026, 12:00 in Moscow (the office calendar: 09–13, 14–18).
const NOW = '2026-03-02T09:00:00.000Z';

const email = (id: string, startedAt: string, extra: Record<string, unknown> = {}) => ({
  id,
  channel: 'email',
  unit: 'HR',
  employee: 'E1',
  started_at: startedAt,
  template: 'T-STD-1',
  ...extra,
});
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

describeEachDb('monitoring API: ingesting records', (database) => {
  let t: TestApp;
  let admin: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp(database());
    t.clock.set(NOW);
    await publishCatalog(t.services, STANDARDS_YAML);
    admin = (await createToken(t.services, 'admin')).headers;
  });
  afterAll(async () => {
    await t.app.close();
  });

  const post = (payload: unknown, headers: Record<string, string> = admin, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/interactions${query}`,
      headers,
      payload: payload as object,
    });
  const postNdjson = (records: unknown[], headers: Record<string, string> = admin) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/interactions',
      headers: { ...headers, 'content-type': 'application/x-ndjson' },
      payload: records.map((r) => JSON.stringify(r)).join('\n') + '\n',
    });
  const verdictsOf = async (id: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/interactions/${id}`, headers: admin });
    expect(res.statusCode).toBe(200);
    return Object.fromEntries(
      (res.json() as { verdicts: Array<{ standard: string; verdict: string; reason: string }> }).verdicts.map(
        (v) => [v.standard, v.verdict],
      ),
    );
  };

  it('the same records again change nothing; a changed one is updated and judged again', async () => {
    const records = [
      email('m-1', '2026-03-02T08:00:00.000Z'),
      email('m-2', '2026-03-02T07:00:00.000Z', { answered_at: '2026-03-02T07:30:00.000Z' }),
      phone('p-1', '2026-03-02T07:00:00.000Z', 2),
    ];
    const first = await post({ interactions: records });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 3, updated: 0, unchanged: 0, rejected_count: 0, rejected: [] });
    // An unanswered e-mail within its 4 business hours: pending.
    expect((await verdictsOf('m-1'))['MAIL-01']).toBe('pending');
    expect((await verdictsOf('m-2'))['MAIL-01']).toBe('pass');

    const again = await postNdjson(records);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected_count: 0 });

    // The pending e-mail answered later: updated, and its verdict changes.
    const answered = await postNdjson([
      email('m-1', '2026-03-02T08:00:00.000Z', { answered_at: '2026-03-02T08:45:00.000Z' }),
      records[1],
    ]);
    expect(answered.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await verdictsOf('m-1'))['MAIL-01']).toBe('pass');
    const compliance = await t.app.inject({
      method: 'GET',
      url: '/api/v1/compliance?from=2026-03-01&to=2026-03-31&standard=MAIL-01',
      headers: admin,
    });
    expect(compliance.json().results).toEqual([
      expect.objectContaining({
        standard: 'MAIL-01',
        unit: 'HR',
        period: '2026-03',
        pass: 2,
        fail: 0,
        pending: 0,
      }),
    ]);
    await expectRollupsConsistent(database().db);
  });

  it('a bad record is listed with its index, id, field and reason; the good ones are kept', async () => {
    const res = await post({
      interactions: [
        email('b-1', '2026-03-02T06:00:00.000Z', { answered_at: '2026-03-02T06:10:00.000Z' }),
        { ...email('b-2', '2026-03-02T06:00:00.000Z'), channel: 'fax' },
        email('b-3', '2026-03-02T06:00:00.000Z', { answered_at: '2026-03-02T05:00:00.000Z' }),
        { ...email('b-4', '2026-03-02T06:00:00.000Z'), unit: 'NOPE' },
        { ...email('b-5', '2026-03-02T06:00:00.000Z'), employee: 'NOBODY' },
        email('b-6', '2026-03-02T06:00:00.000Z', { answered_at: '2026-03-02T06:20:00.000Z' }),
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected_count: 4 });
    expect(
      body.rejected.map((r: { index: number; id: string; field: string }) => [r.index, r.id, r.field]),
    ).toEqual([
      [1, 'b-2', 'channel'],
      [2, 'b-3', 'answered_at'],
      [3, 'b-4', 'unit'],
      [4, 'b-5', 'employee'],
    ]);
    expect(body.rejected[2].reason).toContain('NOPE');
    expect(body.rejected[3].reason).toContain('NOBODY');
    for (const r of body.rejected as Array<{ reason: string }>) expect(r.reason.length).toBeGreaterThan(3);
    expect((await verdictsOf('b-1'))['MAIL-01']).toBe('pass');
    expect((await verdictsOf('b-6'))['MAIL-01']).toBe('pass');
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/interactions/b-4', headers: admin });
    expect(missing.statusCode).toBe(404);
    await expectRollupsConsistent(database().db);
  });

  it('an NDJSON line that is not JSON is rejected alone; the lines around it are kept', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/interactions',
      headers: { ...admin, 'content-type': 'application/x-ndjson' },
      payload: [
        JSON.stringify(email('n-1', '2026-03-02T06:00:00.000Z', { answered_at: '2026-03-02T06:10:00.000Z' })),
        '{"id": "n-2", "channel": ',
        JSON.stringify(email('n-3', '2026-03-02T06:00:00.000Z', { answered_at: '2026-03-02T06:10:00.000Z' })),
      ].join('\n'),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 2, rejected_count: 1 });
    expect(body.rejected).toEqual([
      { index: 1, id: null, field: 'record', reason: expect.stringMatching(/^line 2 is not JSON/) },
    ]);
  });

  it('atomic=true: one bad record refuses the batch with 422 and writes nothing', async () => {
    const before = await database().db.selectFrom('interactions').select('id').execute();
    const res = await postNdjson(
      [
        email('a-1', '2026-03-02T06:00:00.000Z'),
        { ...email('a-2', '2026-03-02T06:00:00.000Z'), unit: 'NOPE' },
      ],
      admin,
    );
    expect(res.statusCode).toBe(200); // not atomic: the good one is kept
    const atomic = await post(
      {
        interactions: [
          email('a-3', '2026-03-02T06:00:00.000Z'),
          { ...email('a-4', '2026-03-02T06:00:00.000Z'), channel: 'fax' },
        ],
      },
      admin,
      '?atomic=true',
    );
    expect(atomic.statusCode).toBe(422);
    expect(atomic.json().error.code).toBe('import_refused');
    expect(JSON.stringify(atomic.json().error.details)).toContain('a-4');
    const after = await database().db.selectFrom('interactions').select('id').execute();
    expect(after.map((r) => r.id).sort()).toEqual([...before.map((r) => r.id), 'a-1'].sort());
  });

  it('atomic=false keeps the good records; an atomic that is not true or false is a 400 naming it', async () => {
    const batch = (id: string) => ({
      interactions: [
        email(id, '2026-03-02T06:00:00.000Z'),
        { ...email(`${id}-bad`, '2026-03-02T06:00:00.000Z'), channel: 'fax' },
      ],
    });
    const res = await post(batch('af-1'), admin, '?atomic=false');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, rejected_count: 1 });
    const bad = await post(batch('af-2'), admin, '?atomic=yes');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toContain('atomic');
  });

  it('more than 10,000 records a request: 413', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => email(`big-${i}`, '2026-03-02T06:00:00.000Z'));
    const res = await post({ interactions: many });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    const written = await database()
      .db.selectFrom('interactions')
      .select('id')
      .where('id', 'like', 'big-%')
      .execute();
    expect(written).toEqual([]);
  });

  it('an integration token writes records but reads nothing; staff cannot write', async () => {
    const integration = (await createToken(t.services, 'integration')).headers;
    const ok = await post({ interactions: [email('i-1', '2026-03-02T06:00:00.000Z')] }, integration);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().created).toBe(1);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/compliance?from=2026-03-01&to=2026-03-31',
      headers: integration,
    });
    expect(read.statusCode).toBe(403);
    const detail = await t.app.inject({
      method: 'GET',
      url: '/api/v1/interactions/i-1',
      headers: integration,
    });
    expect(detail.statusCode).toBe(403);

    const staff = await createPerson(t.services, 'staff');
    const session = await signIn(t.app, staff.email, staff.password);
    const denied = await post({ interactions: [email('s-1', '2026-03-02T06:00:00.000Z')] }, session);
    expect(denied.statusCode).toBe(403);
    const staffReads = await t.app.inject({
      method: 'GET',
      url: '/api/v1/compliance?from=2026-03-01&to=2026-03-31',
      headers: session,
    });
    expect(staffReads.statusCode).toBe(200);
    expect(staffReads.json().results).toEqual([]); // no records of their own
  });

  it('jobs: file imports (their file names and errors) are shown to those who manage monitoring only', async () => {
    const id = newId(Date.parse(NOW));
    await database()
      .db.insertInto('monitoring_jobs')
      .values({
        id,
        kind: 'import',
        status: 'failed',
        title: 'salaries-and-calls.csv',
        scope: '{}',
        total: 10,
        done: 10,
        counts: JSON.stringify({ created: 0, updated: 0, unchanged: 0, rejected_count: 0, records: 0 }),
        error: 'salaries-and-calls.csv:2: bad header',
        created_by: null,
        created_at: NOW,
        started_at: NOW,
        finished_at: NOW,
      })
      .execute();
    const staff = await createPerson(t.services, 'staff');
    const session = await signIn(t.app, staff.email, staff.password);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/monitoring/jobs', headers: session });
    expect(list.statusCode).toBe(200);
    expect(JSON.stringify(list.json())).not.toContain(id);
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/jobs/${id}`, headers: session });
    expect(one.statusCode).toBe(404);
    const managed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/monitoring/jobs/${id}`,
      headers: admin,
    });
    expect(managed.statusCode).toBe(200);
  });
});
