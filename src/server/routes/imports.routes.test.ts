import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { setTimeout as tick } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, signIn, type TestApp, publishCatalog } from '../../../test/test-app';
import { systemActor } from '../../core';
import { STANDARDS_YAML } from '../../../scripts/bench/engine-fixtures';
import type { ImportMapping, Job } from '../../contract/monitoring.schema';

const cli = { actor: systemActor('cli') };

/** A CSV from another system: its own column names, two good records and three bad ones. */
const FOREIGN_CSV = [
  'Call ID,Kind,Dept,Agent,Start,Answered,Rings',
  'r1,phone,HR,E1,2026-03-02T09:15:03Z,2026-03-02T09:15:12Z,2',
  'r2,phone,HR,E1,2026-03-02T09:20:00Z,2026-03-02T09:20:30Z,5',
  'r3,phone,NOPE,E1,2026-03-02T09:21:00Z,,1',
  'r4,fax,HR,,2026-03-02T09:22:00Z,,',
  '=1+1,phone,NOPE,,2026-03-02T09:23:00Z,,',
].join('\n');

const FOREIGN_MAPPING = {
  id: 'Call ID',
  channel: 'Kind',
  unit: 'Dept',
  employee: 'Agent',
  started_at: 'Start',
  answered_at: 'Answered',
  rings: 'Rings',
};

/** A cdr_csv row (18 fields) to extension `dst` at local `start`, answered after 10 s or not. */
function cdrRow(dst: string, start: string, answered: boolean, uniqueid: string): string {
  const answer = answered ? start.replace(/:00$/, ':10') : '';
  const cells = [
    '',
    '70000000001',
    dst,
    'from-trunk',
    '',
    'SIP/trunk-1',
    '',
    'Dial',
    '',
    start,
    answer,
    start.replace(/:00$/, ':50'),
    '50',
    answered ? '40' : '0',
    answered ? 'ANSWERED' : 'NO ANSWER',
    'DOCUMENTATION',
    uniqueid,
    '',
  ];
  return cells.map((c) => (/^\d+$/.test(c) && c.length < 4 ? c : `"${c}"`)).join(',');
}

describeEachDb('file imports through the server', (database) => {
  let t: TestApp;
  let manager: Record<string, string>;
  let staff: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(database());
    t.clock.set('2027-01-10T00:00:00.000Z');
    await publishCatalog(t.services, STANDARDS_YAML);
    manager = await signIn(t.app, (await createPerson(t.services, 'manager')).email);
    staff = await signIn(t.app, (await createPerson(t.services, 'staff')).email);
  });
  afterAll(() => t.app.close());

  const upload = (
    body: string,
    query: Record<string, string>,
    headers: Record<string, string> = manager,
    type = 'application/octet-stream',
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/imports?${new URLSearchParams(query).toString()}`,
      headers: { ...headers, 'content-type': type },
      payload: body,
    });

  const job = async (id: string): Promise<Job> =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/monitoring/jobs/${id}`, headers: manager })).json();

  const rejectedCsv = (id: string, headers: Record<string, string> = manager) =>
    t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}/rejected.csv`, headers });

  /** The files waiting in the uploads directory. */
  const uploads = () => {
    const dir = t.services.imports.directory;
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  it('a CSV with a foreign header and a mapping: queued, run, counted; its rejected rows downloadable', async () => {
    const res = await upload(FOREIGN_CSV, { name: 'calls.csv', mapping: JSON.stringify(FOREIGN_MAPPING) });
    expect(res.statusCode).toBe(202);
    const queued = res.json<Job>();
    expect(queued).toMatchObject({
      kind: 'import',
      status: 'queued',
      title: 'calls.csv',
      total: Buffer.byteLength(FOREIGN_CSV),
      done: 0,
    });
    expect(uploads()).toEqual([`${queued.id}.upload`]);

    expect(await t.services.monitoring.runJobs()).toBe(1);
    const done = await job(queued.id);
    expect(done).toMatchObject({
      status: 'done',
      error: null,
      done: Buffer.byteLength(FOREIGN_CSV),
      counts: { created: 2, updated: 0, unchanged: 0, rejected_count: 3, records: 5 },
    });
    expect(uploads()).toEqual([]);
    // The records are there, read through the mapping.
    const r1 = await t.app.inject({ method: 'GET', url: '/api/v1/interactions/r1', headers: manager });
    expect(r1.json()).toMatchObject({ record: { id: 'r1', unit: 'HR', employee: 'E1', rings: 2 } });

    const csv = await rejectedCsv(queued.id);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename=".*rejected\.csv"$/);
    const rows = csv.body.trimEnd().split('\r\n');
    expect(rows[0]).toBe('index,line,id,field,reason');
    expect(rows.slice(1).map((r) => r.split(',').slice(0, 4).join(','))).toEqual([
      '0,4,r3,unit',
      '1,5,r4,channel',
      // A cell that a spreadsheet would run as a formula is quoted away.
      "2,6,'=1+1,unit",
    ]);
    expect(rows[1]).toBe('0,4,r3,unit,"unknown unit ""NOPE"""');
  });

  it('the same file again changes nothing', async () => {
    const res = await upload(FOREIGN_CSV, { name: 'calls.csv', mapping: JSON.stringify(FOREIGN_MAPPING) });
    expect(res.statusCode).toBe(202);
    await t.services.monitoring.runJobs();
    expect((await job(res.json<Job>().id)).counts).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      rejected_count: 3,
      records: 5,
    });
  });

  it('NDJSON (format from the name, sent as application/x-ndjson); a changed record is updated', async () => {
    const ndjson = [
      '{"id":"n1","channel":"email","unit":"HR","started_at":"2026-03-06T15:10:00Z","answered_at":"2026-03-06T16:00:00Z"}',
      '',
      '{"id":"r2","channel":"phone","unit":"HR","employee":"E1","started_at":"2026-03-02T09:20:00Z","rings":1}',
      'not json',
    ].join('\n');
    const res = await upload(ndjson, { name: 'mail.ndjson' }, manager, 'application/x-ndjson');
    expect(res.statusCode).toBe(202);
    await t.services.monitoring.runJobs();
    const done = await job(res.json<Job>().id);
    expect(done).toMatchObject({
      status: 'done',
      counts: { created: 1, updated: 1, unchanged: 0, rejected_count: 1, records: 3 },
    });
    const rows = (await rejectedCsv(done.id)).body.trimEnd().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^0,4,,,"is not valid JSON: .*""not json""/);
  });

  it('an Asterisk CDR: extensions are the employees’ own, in the given zone', async () => {
    const employees = await database()
      .db.selectFrom('employees')
      .select(['id', 'code'])
      .where('code', 'in', ['E1', 'E2'])
      .execute();
    const idOf = new Map(employees.map((e) => [e.code, e.id]));
    await t.services.employees.update(cli, idOf.get('E1')!, { extensions: ['200'] });
    await t.services.employees.update(cli, idOf.get('E2')!, { extensions: ['201'] });
    const master = [
      cdrRow('200', '2026-03-02 09:15:00', true, '1772432100.1'),
      cdrRow('201', '2026-03-02 09:20:00', false, '1772432400.2'),
      cdrRow('999', '2026-03-02 09:25:00', true, '1772432700.3'),
    ].join('\n');
    const missingZone = await upload(master, { name: 'Master.csv', format: 'asterisk-cdr' });
    expect(missingZone.statusCode).toBe(400);
    expect(missingZone.json().error.details.issues[0].path).toBe('timezone');

    const res = await upload(master, {
      name: 'Master.csv',
      format: 'asterisk-cdr',
      timezone: 'Europe/Moscow',
    });
    expect(res.statusCode).toBe(202);
    await t.services.monitoring.runJobs();
    const done = await job(res.json<Job>().id);
    expect(done).toMatchObject({
      status: 'done',
      counts: { created: 2, rejected_count: 1, records: 3 },
    });
    const call = await t.app.inject({
      method: 'GET',
      url: '/api/v1/interactions/1772432400.2',
      headers: manager,
    });
    expect(call.json()).toMatchObject({
      record: { unit: 'IT', employee: 'E2', started_at: '2026-03-02T06:20:00.000Z' },
      unit: { code: 'IT' },
    });
    const rows = (await rejectedCsv(done.id)).body.trimEnd().split('\r\n');
    expect(rows[1]).toBe('0,3,,,"unknown extension ""999"" (uniqueid 1772432700.3)"');
  });

  it('a saved mapping by id is used; an unknown id, bad JSON or an unknown format is a 400 naming the field', async () => {
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/import-mappings',
      headers: manager,
      payload: { name: 'Old PBX export', format: 'csv', mapping: FOREIGN_MAPPING },
    });
    expect(saved.statusCode).toBe(201);
    const res = await upload(FOREIGN_CSV.replace(/r1,/, 'r1b,'), {
      name: 'again.csv',
      mapping: saved.json<ImportMapping>().id,
    });
    expect(res.statusCode).toBe(202);
    await t.services.monitoring.runJobs();
    // r2 was changed by the NDJSON above: this file changes it back.
    expect((await job(res.json<Job>().id)).counts).toMatchObject({
      created: 1,
      updated: 1,
      rejected_count: 3,
    });

    for (const [query, field] of [
      [{ name: 'a.csv', mapping: '019b0000-0000-7000-8000-000000000000' }, 'mapping'],
      [{ name: 'a.csv', mapping: '{"id": ' }, 'mapping'],
      [{ name: 'a.csv', mapping: '{"id": ""}' }, 'mapping'],
      [{ name: 'a.txt' }, 'format'],
      [{ name: 'Master.csv', format: 'asterisk-cdr', timezone: 'Mars/Olympus' }, 'timezone'],
    ] as const) {
      const bad = await upload(FOREIGN_CSV, query);
      expect(bad.statusCode, JSON.stringify(query)).toBe(400);
      expect(bad.json().error.details.issues[0]).toMatchObject({ in: 'query', path: field });
    }
    expect(uploads()).toEqual([]);
  });

  it('a staff member may neither upload nor read rejections; an empty file is refused', async () => {
    const forbidden = await upload(FOREIGN_CSV, { name: 'calls.csv' }, staff);
    expect(forbidden.statusCode).toBe(403);
    const jobs = await t.services.monitoring.jobs(cli, { kind: 'import' });
    expect((await rejectedCsv(jobs[0]!.id, staff)).statusCode).toBe(403);
    expect((await rejectedCsv('019b0000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    const empty = await upload('', { name: 'calls.csv' });
    expect(empty.statusCode).toBe(400);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports?name=calls.csv',
      headers: manager,
      payload: { interactions: [] },
    });
    expect(json.statusCode).toBe(415);
    expect(uploads()).toEqual([]);
    expect(await t.services.monitoring.jobs(cli, { kind: 'import' })).toHaveLength(jobs.length);
  });

  it('a file far over the JSON body limit is taken whole, streamed', async () => {
    const notes = 'x'.repeat(2000);
    const big = [
      'id,channel,unit,started_at,notes',
      ...Array.from({ length: 1500 }, (_, i) => `big${i},email,IT,2026-03-03T10:00:00Z,${notes}`),
    ].join('\n');
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const res = await upload(big, { name: 'big.csv' });
    expect(res.statusCode).toBe(202);
    // Read the job while it runs: its bytes move before it ends.
    let finished = false;
    const running = t.services.monitoring.runJobs().finally(() => {
      finished = true;
    });
    const seen: Array<Pick<Job, 'status' | 'done'>> = [];
    while (!finished) {
      const { status, done } = await job(res.json<Job>().id);
      seen.push({ status, done });
      // SQLite answers synchronously: let the import's own turns come between two reads.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await running;
    expect(seen.some((j) => j.status === 'running' && j.done > 0)).toBe(true);
    expect(await job(res.json<Job>().id)).toMatchObject({
      status: 'done',
      total: big.length,
      done: big.length,
      counts: { created: 1500, rejected_count: 0, records: 1500 },
    });
  });

  it('an upload the client gives up on over a real connection leaves no job and no file', async () => {
    const port = database().dialect === 'sqlite' ? 3940 : 3941;
    await t.app.listen({ port, host: '127.0.0.1' });
    const before = (await t.services.monitoring.jobs(cli, { kind: 'import' })).length;
    const req = httpRequest({
      port,
      host: '127.0.0.1',
      method: 'POST',
      path: '/api/v1/imports?name=calls.csv',
      headers: { ...manager, 'content-type': 'application/octet-stream', 'content-length': '1000000' },
    });
    req.on('error', () => undefined);
    req.write(FOREIGN_CSV);
    /** Waits (polling, up to 5 s) until the condition holds. */
    const until = async (what: string, ok: () => boolean) => {
      for (let i = 0; i < 500 && !ok(); i++) await tick(10);
      expect(ok(), what).toBe(true);
    };
    await until('the upload is being written', () => uploads().length === 1);
    req.destroy();
    await until('the broken upload is removed', () => uploads().length === 0);
    expect(await t.services.monitoring.jobs(cli, { kind: 'import' })).toHaveLength(before);
  });

  it('saved mappings: list, rename, a taken name is a 409 naming `name`, delete; audited', async () => {
    const create = (name: string, mapping: Record<string, string> = { id: 'Call ID' }) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/import-mappings',
        headers: manager,
        payload: { name, format: 'csv', mapping },
      });
    const a = (await create('Mapping A')).json<ImportMapping>();
    expect(a).toMatchObject({ name: 'Mapping A', format: 'csv', mapping: { id: 'Call ID' } });
    const duplicate = await create('Mapping A');
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.details).toEqual({ field: 'name' });
    expect((await create('Blank column', { id: '  ' })).statusCode).toBe(400);
    const b = (await create('Mapping B')).json<ImportMapping>();

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/import-mappings', headers: staff });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: ImportMapping[] }>().items.map((m) => m.name)).toEqual(
      expect.arrayContaining(['Mapping A', 'Mapping B']),
    );
    const staffWrite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/import-mappings',
      headers: staff,
      payload: { name: 'Mine', format: 'csv', mapping: { id: 'x' } },
    });
    expect(staffWrite.statusCode).toBe(403);

    const put = (id: string, name: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/import-mappings/${id}`,
        headers: manager,
        payload: { name, format: 'ndjson', mapping: { id: 'ref' } },
      });
    expect((await put(b.id, 'Mapping A')).statusCode).toBe(409);
    const renamed = await put(b.id, 'Mapping B2');
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      id: b.id,
      name: 'Mapping B2',
      format: 'ndjson',
      mapping: { id: 'ref' },
    });

    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/import-mappings/${a.id}`,
      headers: manager,
    });
    expect(del.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/import-mappings/${a.id}`, headers: manager }))
        .statusCode,
    ).toBe(404);
    const audit = await database()
      .db.selectFrom('audit_log')
      .select('action')
      .where('entity_id', 'in', [a.id, b.id])
      .execute();
    expect(audit.map((r) => r.action).sort()).toEqual([
      'import_mapping.create',
      'import_mapping.create',
      'import_mapping.delete',
      'import_mapping.update',
    ]);
  });
});
