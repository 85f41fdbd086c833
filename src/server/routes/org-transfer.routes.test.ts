import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, signIn, type TestApp } from '../../../test/test-app';
import { systemActor, type Role } from '../../core';
import { CONTENT_TYPES } from '../../contract/org-transfer.schema';
import { readTableFile, writeXlsx } from '../../services/files/table-file';

type Headers = Record<string, string>;
const ctx = { actor: systemActor('test') };

/** The sheets of a file as plain data: what "the same export" means (XLSX bytes carry dates). */
async function data(bytes: Buffer) {
  const read = await readTableFile(bytes, { csvSheet: 'CSV' });
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.sheets.map((s) => ({ name: s.name, header: s.header, rows: s.rows.map((r) => r.cells) }));
}

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
const UNIT_HEADER = 'code,name_ru,name_en,parent_code,timezone,status';

describeEachDb('organization import and export API', (database) => {
  let t: TestApp;
  const as: Partial<Record<Role, Headers>> = {};
  let linkedEmail = '';
  beforeAll(async () => {
    t = await createTestApp(database());
    for (const role of ['admin', 'manager', 'staff', 'viewer'] as const) {
      as[role] = await signIn(t.app, (await createPerson(t.services, role)).email);
    }
    const linked = await createPerson(t.services, 'staff');
    linkedEmail = linked.email;
    // A small organization made through the ordinary services.
    const org = await t.services.units.create(ctx, {
      code: 'ORG',
      name: { ru: 'Компания', en: 'Company' },
      parent_id: null,
      timezone: 'Europe/Moscow',
      calendar: 'ru-5x8',
      contact: { email: 'office@example.org', phone: '+7 495 000-00-00', note: 'Приёмная, 1 этаж' },
      head_ids: [],
    });
    const hr = await t.services.units.create(ctx, {
      code: 'HR',
      name: { ru: 'Отдел кадров' },
      parent_id: org.id,
      timezone: null,
      calendar: null,
      contact: null,
      head_ids: [],
    });
    await t.services.units.create(ctx, {
      code: 'HR-PAY',
      name: { en: 'Payroll, "the" team' },
      parent_id: hr.id,
      timezone: null,
      calendar: null,
      contact: { url: 'https://intra.example.org/pay' },
      head_ids: [],
    });
    const joan = await t.services.employees.create(ctx, {
      code: 'E1',
      name: { ru: 'Джоан Смит', en: 'Joan Smith' },
      position: 'Инспектор',
      unit_id: hr.id,
      email: 'joan@example.org',
      extensions: ['2041', '+7 495 123-45-67 ext. 12'],
      user_id: linked.user.id,
    });
    await t.services.employees.create(ctx, {
      code: '0042',
      name: { en: 'Zero Forty-Two' },
      position: null,
      unit_id: org.id,
      email: null,
      extensions: [],
      user_id: null,
    });
    await t.services.units.update(ctx, hr.id, { head_ids: [joan.id] });
  });
  afterAll(() => t.app.close());

  const exportFile = (query: string, role: Role = 'viewer') =>
    t.app.inject({ method: 'GET', url: `/api/v1/org/export?${query}`, headers: as[role] });
  const importFile = (body: Buffer, query: string, type: string, role: Role = 'manager') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/org/import?${query}`,
      headers: { ...as[role], 'content-type': type },
      payload: body,
    });
  const auditCount = async () =>
    Number(
      (
        await database()
          .db.selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const units = async () => (await t.services.units.list(ctx, { limit: 500, offset: 0 })).items;

  it('exports an XLSX workbook with Units and Employees, readable by anyone with org.read', async () => {
    const res = await exportFile('format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(CONTENT_TYPES.xlsx);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="etalon-organization-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const [unitSheet, employeeSheet] = await data(res.rawPayload);
    expect(unitSheet!.name).toBe('Units');
    expect(unitSheet!.rows).toEqual([
      [
        'ORG',
        'Компания',
        'Company',
        '',
        'Europe/Moscow',
        'ru-5x8',
        'office@example.org',
        '+7 495 000-00-00',
        '',
        '',
        'Приёмная, 1 этаж',
        '',
        'active',
      ],
      ['HR', 'Отдел кадров', '', 'ORG', '', '', '', '', '', '', '', 'E1', 'active'],
      [
        'HR-PAY',
        '',
        'Payroll, "the" team',
        'HR',
        '',
        '',
        '',
        '',
        '',
        'https://intra.example.org/pay',
        '',
        '',
        'active',
      ],
    ]);
    expect(employeeSheet).toEqual({
      name: 'Employees',
      header: [
        'code',
        'name_ru',
        'name_en',
        'position',
        'unit_code',
        'email',
        'extensions',
        'user_email',
        'status',
      ],
      rows: [
        ['0042', '', 'Zero Forty-Two', '', 'ORG', '', '', '', 'active'],
        [
          'E1',
          'Джоан Смит',
          'Joan Smith',
          'Инспектор',
          'HR',
          'joan@example.org',
          '2041; +7 495 123-45-67 ext. 12',
          linkedEmail,
          'active',
        ],
      ],
    });
  });

  it('round trip: importing the export changes nothing, and exporting again gives the same data', async () => {
    const first = (await exportFile('format=xlsx')).rawPayload;
    const audits = await auditCount();
    const res = await importFile(first, '', CONTENT_TYPES.xlsx);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dry_run: false,
      units: { created: 0, updated: 0, unchanged: 3 },
      employees: { created: 0, updated: 0, unchanged: 2 },
    });
    expect(await auditCount()).toBe(audits);
    expect(await data((await exportFile('format=xlsx')).rawPayload)).toEqual(await data(first));
  });

  it('CSV export: one kind, UTF-8 with a BOM, RFC 4180 quoting; kind is required', async () => {
    const res = await exportFile('format=csv&kind=units');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename="etalon-units-.*\.csv"/);
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFcode,name_ru,name_en,parent_code,')).toBe(true);
    expect(text).toContain('\r\nHR-PAY,,"Payroll, ""the"" team",HR,');
    expect((await exportFile('format=csv')).statusCode).toBe(400);
  });

  it('a file with one bad row among good ones changes nothing and names that line', async () => {
    const before = await units();
    const audits = await auditCount();
    const res = await importFile(
      csv([
        UNIT_HEADER,
        'SALES,Продажи,Sales,ORG,,active',
        'SALES-B2B,,B2B,SALES,,active',
        'SUPPORT,,Support,NOPE,,active',
        'HR,Отдел персонала,,ORG,,active',
      ]),
      'kind=units',
      'text/csv',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'import_refused',
      details: {
        problems: [
          {
            sheet: 'Units',
            line: 4,
            code: 'SUPPORT',
            field: 'parent_code',
            column: 'D',
            message: expect.stringContaining('no unit with code NOPE'),
          },
        ],
      },
    });
    expect(res.json().error.details.problems).toHaveLength(1);
    expect(await units()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses cycles the file closes, alone or together with the existing tree', async () => {
    const res = await importFile(
      csv([
        'code,name_en,parent_code',
        'ORG,Company,HR-PAY', // the existing HR-PAY is below ORG
        'LOOP-A,A,LOOP-B',
        'LOOP-B,B,LOOP-A',
        'SELF,Self,SELF',
      ]),
      'kind=units',
      'text/csv',
    );
    expect(res.statusCode).toBe(422);
    const problems = res.json().error.details.problems as { line: number; field: string; message: string }[];
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'parent_code'],
      [3, 'parent_code'],
      [4, 'parent_code'],
      [5, 'parent_code'],
    ]);
    expect(problems[0]!.message).toBe('would close a loop: ORG → HR-PAY → HR → ORG (each under the next)');
    expect(problems[3]!.message).toBe('a unit cannot be its own parent');
    expect((await units()).find((u) => u.code === 'ORG')!.parent_id).toBeNull();
  });

  it('names every bad row at once: header, codes, names, references, states', async () => {
    const res = await importFile(
      csv(['code,name_ru,name_en,parent_code,head_codes,status,colour', 'A,А,,ORG,,active,red']),
      'kind=units',
      'text/csv',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toEqual([
      expect.objectContaining({
        line: 1,
        field: 'colour',
        column: 'G',
        message: expect.stringContaining('unknown column "colour"'),
      }),
    ]);

    const rows = await importFile(
      csv([
        'code,name_ru,name_en,parent_code,head_codes,status,timezone',
        'GOOD,Хорошо,,ORG,,active,',
        'bad code!,Плохо,,ORG,,active,',
        'GOOD,Дубль,,ORG,,active,',
        'NONAME,,,ORG,,active,',
        'HEADLESS,Без,,ORG,E1; NOBODY,active,',
        'ORG,Компания,Company,,,archived,',
        'ZONE,Зона,,ORG,,paused,Mars/Olympus',
      ]),
      'kind=units',
      'text/csv',
    );
    expect(rows.statusCode).toBe(422);
    const problems = rows.json().error.details.problems as { line: number; field: string; message: string }[];
    expect(problems.map((p) => `${p.line} ${p.field}: ${p.message}`)).toEqual([
      '3 code: "bad code!" must start with a letter or digit and use only letters, digits, . _ - (64 at most)',
      '4 code: code GOOD is listed twice (first on line 2)',
      '5 name_ru: a name is required: name_ru, name_en or both',
      '6 head_codes: no employee with code NOBODY (neither in the file nor in Etalon)',
      '7 status: cannot archive ORG: it still has active unit(s) GOOD, HEADLESS, HR, NONAME, ZONE and active employee(s) 0042',
      '8 status: "paused" is not a status: active or archived',
      '8 timezone: "Mars/Olympus" is not a known IANA time zone (like Europe/Moscow)',
    ]);
    expect((await units()).map((u) => u.code)).not.toContain('GOOD');
  });

  it('employees: unknown unit, unknown account, archived unit, missing column', async () => {
    const missing = await importFile(csv(['code,name_en', 'E9,Nine']), 'kind=employees', 'text/csv');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.details.problems).toEqual([
      expect.objectContaining({
        line: 1,
        field: 'unit_code',
        message: 'the required column "unit_code" is missing',
      }),
    ]);
    const res = await importFile(
      csv([
        'code,name_en,unit_code,user_email,email,extensions',
        'E7,Seven,NOWHERE,,,',
        'E8,Eight,HR,ghost@example.org,not-an-email,',
      ]),
      'kind=employees',
      'text/csv',
    );
    expect(res.statusCode).toBe(422);
    expect(
      (res.json().error.details.problems as { line: number; field: string; message: string }[]).map(
        (p) => `${p.line} ${p.field}: ${p.message}`,
      ),
    ).toEqual([
      '2 unit_code: no unit with code NOWHERE (neither in the file nor in Etalon)',
      '3 user_email: no Etalon user has the e-mail ghost@example.org',
      '3 email: "not-an-email" is not an e-mail address',
    ]);
  });

  it('applies a valid file once: the second time nothing changes; a dry run writes nothing', async () => {
    const file = csv([
      'code,name_ru,name_en,parent_code,head_codes,status',
      'SALES-B2B,Корпоративные,B2B,SALES,,active', // child listed before its new parent
      'SALES,Продажи,Sales,ORG,,active',
      'HR,Отдел персонала,,ORG,E1,active',
    ]);
    const dry = await importFile(file, 'kind=units&dry_run=true', 'text/csv');
    expect(dry.json()).toEqual({
      dry_run: true,
      units: { created: 2, updated: 1, unchanged: 0 },
      employees: { created: 0, updated: 0, unchanged: 0 },
    });
    expect((await units()).map((u) => u.code)).not.toContain('SALES');

    const audits = await auditCount();
    const first = await importFile(file, 'kind=units', 'text/csv');
    expect(first.statusCode).toBe(200);
    expect(first.json().units).toEqual({ created: 2, updated: 1, unchanged: 0 });
    expect(await auditCount()).toBe(audits + 3);
    const all = await units();
    const sales = all.find((u) => u.code === 'SALES')!;
    expect(all.find((u) => u.code === 'SALES-B2B')).toMatchObject({
      parent_id: sales.id,
      name: { ru: 'Корпоративные', en: 'B2B' },
    });
    expect(all.find((u) => u.code === 'HR')).toMatchObject({ name: { ru: 'Отдел персонала', en: null } });

    const second = await importFile(file, 'kind=units', 'text/csv');
    expect(second.json().units).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await auditCount()).toBe(audits + 3);
    expect(await units()).toEqual(all);
  });

  it('CSV with a BOM and Cyrillic, absent columns left alone, status and moves audited', async () => {
    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      csv([
        'Code,Name_RU,Unit_Code,Extensions,Status',
        'E1,Джоан Смит-Иванова,SALES,2041;2042,active',
        'Н1,,ORG,,',
      ]),
    ]);
    const bad = await importFile(file, 'kind=employees', 'text/csv');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.problems).toEqual([
      expect.objectContaining({ line: 3, field: 'code', message: expect.stringContaining('"Н1"') }),
    ]);

    const good = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      csv([
        'Code,Name_RU,Unit_Code,Extensions,Status',
        'E1,Джоан Смит-Иванова,SALES,2041;2042,active',
        'N1,Новиков,ORG,,',
      ]),
    ]);
    const res = await importFile(good, 'kind=employees', 'text/csv; charset=utf-8');
    expect(res.statusCode).toBe(200);
    expect(res.json().employees).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const { items } = await t.services.employees.list(ctx, { limit: 50, offset: 0, subtree: false, q: 'E1' });
    expect(items[0]).toMatchObject({
      name: { ru: 'Джоан Смит-Иванова', en: 'Joan Smith' }, // name_en column absent: kept
      email: 'joan@example.org',
      extensions: ['2041', '2042'],
      status: 'active',
    });
    const audit = await t.services.audit.list(ctx, { entity: 'employee', entity_id: items[0]!.id, limit: 5 });
    expect(audit.items[0]).toMatchObject({
      action: 'employee.update',
      before: { extensions: ['2041', '+7 495 123-45-67 ext. 12'] },
    });
  });

  it('archives a unit and lets its people leave in the same file', async () => {
    const res = await importFile(
      csv(['code,name_en,unit_code,status', 'N1,Novikov,ORG,left']),
      'kind=employees',
      'text/csv',
    );
    expect(res.json().employees).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const refused = await importFile(
      csv(['code,name_en,status', 'SALES,Sales,archived']),
      'kind=units',
      'text/csv',
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.problems[0].message).toBe(
      'cannot archive SALES: it still has active unit(s) SALES-B2B and active employee(s) E1',
    );
    // One workbook: the units are archived and their last active employee moves out, together.
    const book = await writeXlsx(
      [
        {
          name: 'units',
          header: ['code', 'name_en', 'status'],
          rows: [
            ['SALES', 'Sales', 'archived'],
            ['SALES-B2B', 'B2B', 'archived'],
          ],
        },
        { name: 'EMPLOYEES', header: ['code', 'name_en', 'unit_code'], rows: [['E1', 'Joan Smith', 'HR']] },
      ],
      new Date(0),
    );
    const ok = await importFile(book, '', 'application/octet-stream');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      units: { created: 0, updated: 2, unchanged: 0 },
      employees: { created: 0, updated: 1, unchanged: 0 },
    });
    const archived = (await units()).filter((u) => u.status === 'archived').map((u) => u.code);
    expect(archived.sort()).toEqual(['SALES', 'SALES-B2B']);
    const audit = await t.services.audit.list(ctx, { action: 'unit.archive', limit: 10 });
    expect(audit.items).toHaveLength(2);
  });

  it('data the services allow round-trips: a head who left since, an employee back in an archived unit', async () => {
    const unit = await t.services.units.create(ctx, {
      code: 'OLD',
      name: { en: 'Old office' },
      parent_id: null,
      timezone: null,
      calendar: null,
      contact: null,
      head_ids: [],
    });
    const boss = await t.services.employees.create(ctx, {
      code: 'BOSS',
      name: { en: 'Boss' },
      position: null,
      unit_id: unit.id,
      email: null,
      extensions: [],
      user_id: null,
    });
    await t.services.units.update(ctx, unit.id, { head_ids: [boss.id] });
    await t.services.employees.update(ctx, boss.id, { status: 'left' });
    await t.services.units.update(ctx, unit.id, { status: 'archived' });
    await t.services.employees.update(ctx, boss.id, { status: 'active' }); // allowed: the unit did not change

    const file = (await exportFile('format=xlsx')).rawPayload;
    const res = await importFile(file, '', CONTENT_TYPES.xlsx);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      units: { created: 0, updated: 0 },
      employees: { created: 0, updated: 0 },
    });
    // Moving someone into the archived unit is still refused.
    const move = await importFile(
      csv(['code,name_en,unit_code', '0042,Zero Forty-Two,OLD']),
      'kind=employees',
      'text/csv',
    );
    expect(move.statusCode).toBe(422);
    expect(move.json().error.details.problems[0].message).toBe(
      'unit OLD is archived; an active employee cannot be in it',
    );
  });

  it('permissions: staff cannot import (403), a viewer can export; bad media types are refused', async () => {
    const staff = await importFile(csv([UNIT_HEADER]), 'kind=units', 'text/csv', 'staff');
    expect(staff.statusCode).toBe(403);
    expect(staff.json().error.code).toBe('forbidden');
    expect((await exportFile('format=csv&kind=employees', 'staff')).statusCode).toBe(200);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org/import?kind=units',
      headers: as.manager,
      payload: { code: 'X' },
    });
    expect(json.statusCode).toBe(415);
    // Files may be larger than the 1 MiB JSON limit (up to 20 MiB).
    const big = csv(['code,name_en,bogus', ...Array.from({ length: 70_000 }, (_, i) => `U${i},Unit ${i},x`)]);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const bigRes = await importFile(big, 'kind=units', 'text/csv');
    expect(bigRes.statusCode).toBe(422);
    expect(bigRes.json().error.details.problems).toEqual([expect.objectContaining({ field: 'bogus' })]);
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/org/export' });
    expect(anon.statusCode).toBe(401);
  });

  it('a CSV needs a kind; a broken XLSX is refused with a reason', async () => {
    const noKind = await importFile(csv([UNIT_HEADER]), '', 'text/csv');
    expect(noKind.statusCode).toBe(400);
    const broken = await importFile(Buffer.from('PK\x03\x04 not really a zip'), '', CONTENT_TYPES.xlsx);
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.details.problems[0].message).toMatch(/^not a readable XLSX workbook/);
  });

  it('is described in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/org/export', '/api/v1/org/import']),
    );
    expect(doc.paths['/api/v1/org/import'].post.responses).toHaveProperty('422');
  });
});

describe('table files', () => {
  it('reads an XLSX sheet without a header as empty and names cells beyond the header', async () => {
    const book = await writeXlsx(
      [{ name: 'Units', header: ['code', 'name_en'], rows: [['A', 'Alpha', 'extra']] }],
      new Date(0),
    );
    const read = await readTableFile(book, { csvSheet: 'x' });
    expect(read).toEqual({
      ok: false,
      problems: [{ sheet: 'Units', line: 2, message: 'a cell beyond the 2 column(s) of the header' }],
    });
  });
});
