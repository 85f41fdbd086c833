import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, signIn, STRONG_PASSWORD, type TestApp } from '../../../test/test-app';
import { DEMO_CELLS, DEMO_EMPLOYEES, DEMO_UNITS } from '../../services/demo/demo-organization';
import { DEMO_STANDARDS } from '../../services/demo/demo-standards';

type Headers = Record<string, string>;
/** A load writes some thousands of interaction records: seconds on PostgreSQL on a busy machine. */
const LOAD_TIMEOUT = 120_000;

describeEachDb('demo organization', (database) => {
  let t: TestApp;
  let admin: Headers;
  beforeAll(async () => {
    t = await createTestApp(database());
  });
  afterAll(() => t.app.close());

  const get = (url: string, headers: Headers) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
  const load = (headers: Headers, locale = 'ru') =>
    t.app.inject({ method: 'POST', url: '/api/v1/demo', headers, payload: { locale } });

  it(
    'the setup page can load it along with the first administrator, texts in the chosen language',
    { timeout: LOAD_TIMEOUT },
    async () => {
      const setup = await t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: {
          name: 'Ada',
          email: 'ada@example.org',
          password: STRONG_PASSWORD,
          locale: 'ru',
          demo: true,
        },
      });
      expect(setup.statusCode).toBe(201);
      admin = await signIn(t.app, 'ada@example.org');

      const units = (await get('/units?limit=100', admin)).json();
      expect(units.total).toBe(DEMO_UNITS.length);
      const hr = units.items.find((u: { code: string }) => u.code === 'HR');
      expect(hr.name).toEqual({ ru: 'Отдел кадров', en: 'HR department' });
      expect(hr.head_ids).toHaveLength(1);
      expect(hr.contact.note).toMatch(/^Приём по личным вопросам/);

      expect((await get('/employees?limit=100', admin)).json().total).toBe(DEMO_EMPLOYEES.length);
      const matrix = (await get('/grid', admin)).json();
      expect(matrix.cells).toHaveLength(DEMO_CELLS.length);
      expect(matrix.providers.filter((p: { kind: string }) => p.kind === 'employee')).toHaveLength(1);

      // The question has an answer in the demo: who helps HR with paperwork?
      const paperwork = matrix.support_types.find((s: { code: string }) => s.code === 'paperwork').id;
      const ask = (await get(`/grid/ask?unit_id=${hr.id}&support_type_id=${paperwork}`, admin)).json();
      expect(ask.items.map((a: { provider: { code: string } }) => a.provider.code).sort()).toEqual([
        'ACC',
        'LEGAL',
      ]);
      expect(ask.items[0].instructions).toMatch(/[а-я]/);

      // Loaded through the services: audited like a person's edits.
      const audit = (await get('/audit?action=grid_cell.create&limit=500', admin)).json();
      expect(audit.items).toHaveLength(DEMO_CELLS.length);

      // The seed's standards, in force since the start of the year; one change in discussion.
      const standards = (await get('/standards', admin)).json();
      expect(standards.items.map((s: { code: string }) => s.code).sort()).toEqual(
        DEMO_STANDARDS.map((s) => s.code).sort(),
      );
      expect(standards.items.every((s: { status: string }) => s.status === 'active')).toBe(true);
      const mail = standards.items.find((s: { code: string }) => s.code === 'MAIL-02');
      expect(mail.current.effective_from).toBe('2025-12-31T21:00:00.000Z');
      expect(mail.pending).toHaveLength(1);
      const proposals = (await get('/proposals', admin)).json().items;
      expect(proposals.map((p: { status: string }) => p.status)).toEqual(['open', 'published']);
      expect(proposals[1].title).toBe('Стандарты обслуживания «Северного ветра»');
      const open = (await get(`/proposals/${proposals[0].id}`, admin)).json();
      // The demo's heads have no accounts, so the manager's approval is the one required.
      expect(open.approvals.map((a: { requirement: string }) => a.requirement)).toEqual(['manager']);
      // Written by "demo", not by the administrator who loaded it, who may therefore decide it.
      expect(open.author_label).toBe('demo');
      expect(open.can.decide).toEqual([open.approvals[0].id]);
      const comments = (await get(`/proposals/${open.id}/comments`, admin)).json();
      expect(comments.items).toHaveLength(1);
      expect(comments.items[0].body).toMatch(/^Для отдела кадров/);
    },
  );

  it('loading again changes nothing', { timeout: LOAD_TIMEOUT }, async () => {
    const again = await load(admin);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({
      units: 0,
      employees: 0,
      cells: 0,
      standards: 0,
      proposals: 0,
      interactions: 0,
    });
    expect((await get('/proposals', admin)).json().total).toBe(2);
  });

  it(
    'completes a load that was cut short, creating only what is missing',
    { timeout: LOAD_TIMEOUT },
    async () => {
      const matrix = (await get('/grid', admin)).json();
      for (const cell of matrix.cells.slice(0, 3)) {
        const gone = await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/grid/cells/${cell.id}`,
          headers: admin,
        });
        expect(gone.statusCode).toBe(204);
      }
      expect((await load(admin)).json()).toEqual({
        units: 0,
        employees: 0,
        cells: 3,
        standards: 0,
        proposals: 0,
        interactions: 0,
      });
      expect((await get('/grid', admin)).json().cells).toHaveLength(DEMO_CELLS.length);
    },
  );

  it('refuses to load into an organization of its own (409) and refuses roles that cannot edit it (403)', async () => {
    const staff = await signIn(t.app, (await createPerson(t.services, 'staff')).email);
    expect((await load(staff)).statusCode).toBe(403);

    // Without the demo's root, the units here are someone's own organization.
    const root = (await get('/units?q=DEMO', admin)).json().items[0];
    const rename = (code: string) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/units/${root.id}`, headers: admin, payload: { code } });
    expect((await rename('OURS')).statusCode).toBe(200);
    const refused = await load(admin);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/only into an empty organization/);
    expect((await get('/units?limit=100', admin)).json().total).toBe(DEMO_UNITS.length);
    await rename('DEMO');
  });
});
