import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, signIn, type TestApp } from '../../../test/test-app';
import { systemActor, type Role } from '../../core';
import { CONTENT_TYPES } from '../../contract/org-transfer.schema';
import { readTableFile, writeXlsx } from '../../services/files/table-file';

type Headers = Record<string, string>;
type Sheet = { name: string; header: string[]; rows: string[][] };
const ctx = { actor: systemActor('test') };

/** The sheets of a file as plain data (XLSX bytes carry dates, so files are compared by data). */
async function data(bytes: Buffer): Promise<Sheet[]> {
  const read = await readTableFile(bytes, { csvSheet: 'CSV' });
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return read.sheets.map((s) => ({ name: s.name, header: s.header, rows: s.rows.map((r) => r.cells) }));
}
const book = (sheets: Sheet[]) => writeXlsx(sheets, new Date(0));
const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');

describeEachDb('grid import and export API', (database) => {
  let t: TestApp;
  const as: Partial<Record<Role, Headers>> = {};
  const type: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(database());
    for (const role of ['manager', 'staff', 'viewer'] as const) {
      as[role] = await signIn(t.app, (await createPerson(t.services, role)).email);
    }
    const unit = async (code: string, name: { ru?: string; en?: string }, parent_id: string | null) =>
      (
        await t.services.units.create(ctx, {
          code,
          name,
          parent_id,
          timezone: null,
          calendar: null,
          contact: null,
          head_ids: [],
        })
      ).id;
    const org = await unit('ORG', { ru: 'Компания' }, null);
    const hr = await unit('HR', { ru: 'Отдел кадров', en: 'HR' }, org);
    const pay = await unit('HR-PAY', { en: 'Payroll' }, hr);
    const it = await unit('IT', { ru: 'ИТ' }, org);
    const person = async (code: string, unit_id: string) =>
      (
        await t.services.employees.create(ctx, {
          code,
          name: { ru: `Сотрудник ${code}` },
          position: null,
          unit_id,
          email: null,
          extensions: [],
          user_id: null,
        })
      ).id;
    const e1 = await person('E1', hr);
    const e2 = await person('E2', it);
    for (const st of (await t.services.supportTypes.list(ctx)).items) type[st.code] = st.id;
    await t.services.grid.createCell(ctx, {
      provider: { kind: 'unit', id: hr },
      recipient_unit_id: it,
      support_type_ids: [type.paperwork!, type.information!],
      instructions: 'Пишите на hr@example.org, "срочно" — звоните',
      expected_response: 'в течение дня',
      contact_employee_id: e1,
    });
    await t.services.grid.createCell(ctx, {
      provider: { kind: 'employee', id: e2 },
      recipient_unit_id: hr,
      support_type_ids: [type.consultation!],
      instructions: null,
      expected_response: null,
      contact_employee_id: null,
    });
    await t.services.grid.createCell(ctx, {
      provider: { kind: 'unit', id: it },
      recipient_unit_id: pay,
      support_type_ids: [type.escalation!],
      instructions: null,
      expected_response: 'within 4 business hours',
      contact_employee_id: null,
    });
  });
  afterAll(() => t.app.close());

  const exportFile = (format: string, role: Role = 'viewer') =>
    t.app.inject({ method: 'GET', url: `/api/v1/grid/export?format=${format}`, headers: as[role] });
  const importFile = (body: Buffer, query = '', type = CONTENT_TYPES.xlsx, role: Role = 'manager') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/grid/import?${query}`,
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
  const matrix = async () => (await t.services.grid.matrix(ctx, {})).cells;

  const GRID_HEADER = ['recipient_code', 'recipient_name', 'ORG', 'HR', 'HR-PAY', 'IT', 'employee:E2'];

  it("exports the seed's layout: recipients down, providers across, the free text in Details", async () => {
    const res = await exportFile('xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(CONTENT_TYPES.xlsx);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="etalon-grid-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const [grid, details] = await data(res.rawPayload);
    expect(grid).toEqual({
      name: 'Grid',
      header: GRID_HEADER,
      rows: [
        ['', '', 'Компания', 'Отдел кадров', 'Payroll', 'ИТ', 'Сотрудник E2 (IT)'],
        ['ORG', 'Компания', '', '', '', '', ''],
        ['HR', 'Отдел кадров', '', '', '', '', 'consultation'],
        ['HR-PAY', 'Payroll', '', '', '', 'escalation', ''],
        ['IT', 'ИТ', '', 'information; paperwork', '', '', ''],
      ],
    });
    expect(details).toEqual({
      name: 'Details',
      header: [
        'provider_kind',
        'provider_code',
        'recipient_code',
        'support_types',
        'instructions',
        'expected_response',
        'contact_code',
      ],
      rows: [
        ['employee', 'E2', 'HR', 'consultation', '', '', ''],
        ['unit', 'IT', 'HR-PAY', 'escalation', '', 'within 4 business hours', ''],
        [
          'unit',
          'HR',
          'IT',
          'information; paperwork',
          'Пишите на hr@example.org, "срочно" — звоните',
          'в течение дня',
          'E1',
        ],
      ],
    });
  });

  it('round trip: importing the export changes nothing; exporting again gives the same data', async () => {
    const first = (await exportFile('xlsx')).rawPayload;
    const audits = await auditCount();
    const res = await importFile(first);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dry_run: false, created: 0, updated: 0, deleted: 0, unchanged: 3 });
    expect(await auditCount()).toBe(audits);
    expect(await data((await exportFile('xlsx')).rawPayload)).toEqual(await data(first));
  });

  it('names every bad cell and changes nothing', async () => {
    const before = await matrix();
    const audits = await auditCount();
    const [grid, details] = await data((await exportFile('xlsx')).rawPayload);
    grid!.header.push('NOPE', 'employee:GHOST');
    for (const row of grid!.rows) row.push('', '');
    grid!.rows[1]![3] = 'information'; // ORG × HR: a good new cell
    grid!.rows[2]![3] = 'paperwork'; // HR × HR: its own provider
    grid!.rows[4]![4] = 'information; teleportation'; // IT × HR-PAY: unknown type
    grid!.rows[3]![7] = 'information'; // HR-PAY × NOPE
    grid!.rows.push(['SALES', 'Продажи', 'information', '', '', '', '', '', '']);
    details!.rows.push(['unit', 'ORG', 'HR', '', 'no such cell', '', '']);
    details!.rows[2]![6] = 'E9';
    const res = await importFile(await book([grid!, details!]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('import_refused');
    const problems = res.json().error.details.problems as {
      sheet: string;
      line: number;
      column?: string;
      message: string;
    }[];
    expect(problems.map((p) => `${p.sheet}:${p.line}:${p.column ?? ''} ${p.message}`)).toEqual([
      'Grid:1:H no unit with code NOPE',
      'Grid:1:I no employee with code GHOST',
      'Grid:4:D unit HR cannot be its own provider',
      'Grid:6:E unknown support type "teleportation" (write its code, e.g. information, or its name)',
      'Grid:7:A no unit with code SALES',
      'Details:4:G no employee with code E9',
      'Details:5:B a Details row for the cell ORG → HR, which is empty in the Grid sheet',
    ]);
    expect(await matrix()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('applies edits: a filled cell creates or updates, an emptied one deletes; twice changes nothing', async () => {
    const [grid, details] = await data((await exportFile('xlsx')).rawPayload);
    grid!.rows[1]![3] = 'консультация;  INFORMATION '; // ORG × HR: new, by name and by code in any case
    grid!.rows[4]![3] = 'paperwork'; // IT × HR: one type fewer
    grid!.rows[2]![6] = ''; // HR × employee:E2: removed
    details!.rows = details!.rows.filter((r) => r[2] !== 'HR'); // its Details row goes too
    details!.rows.find((r) => r[2] === 'IT')![3] = 'paperwork';
    const file = await book([grid!, details!]);

    const dry = await importFile(file, 'dry_run=true');
    expect(dry.json()).toEqual({ dry_run: true, created: 1, updated: 1, deleted: 1, unchanged: 1 });
    const audits = await auditCount();
    const res = await importFile(file);
    expect(res.json()).toEqual({ dry_run: false, created: 1, updated: 1, deleted: 1, unchanged: 1 });
    expect(await auditCount()).toBe(audits + 3);
    const history = (await t.services.grid.history(ctx, { limit: 3 })).items.map((e) => e.action).sort();
    expect(history).toEqual(['grid_cell.create', 'grid_cell.delete', 'grid_cell.update']);

    const [after] = await data((await exportFile('xlsx')).rawPayload);
    expect(after!.rows.slice(1)).toEqual([
      ['ORG', 'Компания', '', 'information; consultation', '', ''],
      ['HR', 'Отдел кадров', '', '', '', ''],
      ['HR-PAY', 'Payroll', '', '', '', 'escalation'],
      ['IT', 'ИТ', '', 'paperwork', '', ''],
    ]);
    // The employee provides nowhere now, so their column is gone from the export; HR × IT kept its text.
    expect(after!.header).toEqual(GRID_HEADER.slice(0, -1));
    const again = await importFile(file);
    expect(again.json()).toEqual({ dry_run: false, created: 0, updated: 0, deleted: 0, unchanged: 3 });
    expect(await auditCount()).toBe(audits + 3);
  });

  it('CSV: the Details layout with a BOM; an empty support_types removes the cell', async () => {
    const res = await exportFile('csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFprovider_kind,provider_code,recipient_code,support_types,')).toBe(true);
    expect(text).toContain(
      '\r\nunit,HR,IT,paperwork,"Пишите на hr@example.org, ""срочно"" — звоните",в течение дня,E1\r\n',
    );
    expect((await importFile(res.rawPayload, '', 'text/csv')).json()).toMatchObject({ unchanged: 3 });

    const edit = csv([
      'provider_kind,provider_code,recipient_code,support_types',
      'unit,IT,HR-PAY,',
      'employee,E2,ORG,Информационная поддержка',
    ]);
    const applied = await importFile(edit, '', 'text/csv');
    expect(applied.json()).toEqual({ dry_run: false, created: 1, updated: 0, deleted: 1, unchanged: 0 });
    const bad = await importFile(
      csv([
        'provider_kind,provider_code,recipient_code,support_types',
        'team,E2,ORG,information',
        'unit,ORG,ORG,nope',
      ]),
      '',
      'text/csv',
    );
    expect(bad.statusCode).toBe(422);
    expect(
      (bad.json().error.details.problems as { line: number; field: string; message: string }[]).map(
        (p) => `${p.line} ${p.field}: ${p.message}`,
      ),
    ).toEqual([
      '2 provider_kind: "team" is not a provider kind: unit or employee',
      '3 support_types: unknown support type "nope" (write its code, e.g. information, or its name)',
    ]);
  });

  it('permissions: staff cannot import (403); anyone signed in can export', async () => {
    const file = (await exportFile('xlsx')).rawPayload;
    const staff = await importFile(file, '', CONTENT_TYPES.xlsx, 'staff');
    expect(staff.statusCode).toBe(403);
    expect((await exportFile('csv', 'staff')).statusCode).toBe(200);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/v1/grid/import'].post.responses).toHaveProperty('422');
    expect(doc.paths).toHaveProperty(['/api/v1/grid/export']);
  });
});
