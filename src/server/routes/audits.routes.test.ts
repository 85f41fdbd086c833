import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import {
  createEmployee,
  createPerson,
  createTestApp,
  createToken,
  publishCatalog,
  signIn,
  type TestApp,
} from '../../../test/test-app';
import { CATALOG as OBSERVED_CATALOG } from './audit-routes.fixtures';

/** The worked example of docs/AUDITS.md as standards, plus one standard audits cannot judge. */
const CATALOG = `${OBSERVED_CATALOG}  - code: TEL-01
    title: {en: Answer by the 3rd ring}
    kind: tangible
    category: responsiveness
    channels: [phone]
    measure: {type: threshold, field: rings, max: 3}
    target: 0.9
    period: month
`;

const TEMPLATE = {
  code: 'RECEPTION',
  title: { ru: 'Приёмная', en: 'Reception audit' },
  pass_mark: 0.8,
  sections: [
    { id: 'behaviour', title: { en: 'Behaviour' }, items: [{ standard: 'SMILE' }, { standard: 'EYES' }] },
    {
      id: 'environment',
      items: [{ standard: 'TIDY' }, { standard: 'SIGN-IN' }, { standard: 'DRESS' }],
    },
  ],
};

/** The worked example's answers: 3 of 4.5 → 66.7 %, failed. */
const EXAMPLE = { SMILE: 5, EYES: 1, TIDY: 'na', 'SIGN-IN': 'yes', DRESS: 1 };

type Headers = Record<string, string>;

describeEachDb('audit templates and audits', (database) => {
  let t: TestApp;
  let admin: Headers;
  let auditor: Headers;
  let auditor2: Headers;
  let staff: Headers;
  let headHr: Headers;
  let headIt: Headers;
  let viewer: Headers;
  let integration: Headers;
  let templateId: string;

  beforeAll(async () => {
    t = await createTestApp(database());
    t.clock.set('2026-03-10T09:00:00.000Z');
    await publishCatalog(t.services, CATALOG);
    const units = Object.fromEntries(
      (await database().db.selectFrom('units').select(['code', 'id']).execute()).map((u) => [u.code, u.id]),
    );
    admin = (await createToken(t.services, 'admin')).headers;
    integration = (await createToken(t.services, 'integration')).headers;
    const person = async (
      role: Parameters<typeof createPerson>[1],
      employee?: { code: string; unit: string; heads?: boolean },
    ) => {
      const p = await createPerson(t.services, role);
      if (employee)
        await createEmployee(t.services, {
          code: employee.code,
          unitId: units[employee.unit]!,
          userId: p.user.id,
          heads: employee.heads ?? false,
        });
      return signIn(t.app, p.email);
    };
    auditor = await person('auditor');
    auditor2 = await person('auditor');
    staff = await person('staff', { code: 'S1', unit: 'HR' });
    headHr = await person('head', { code: 'H-HR', unit: 'HR', heads: true });
    headIt = await person('head', { code: 'H-IT', unit: 'IT', heads: true });
    viewer = await person('viewer');
  });
  afterAll(async () => {
    await t.app.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  const issuesOf = (res: { json(): unknown }) =>
    (res.json() as { error: { details: { issues: { path: string; code?: string }[] } } }).error.details
      .issues;

  async function newAudit(headers: Headers, extra: object = {}) {
    const res = await call('POST', '/audits', headers, { template_id: templateId, unit: 'HR', ...extra });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; [k: string]: unknown };
  }

  it('documents every audits route in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/v1/audit-templates']!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/v1/audit-templates/{id}']!).sort()).toEqual(['delete', 'get', 'put']);
    expect(Object.keys(paths['/api/v1/audits']!).sort()).toEqual(['get', 'post']);
    for (const p of ['/api/v1/audits/{id}/submit', '/api/v1/audits/{id}/amendments'])
      expect(Object.keys(paths[p]!)).toEqual(['post']);
    expect(Object.keys(paths['/api/v1/audits/{id}/answers']!)).toEqual(['put']);
  });

  describe('templates', () => {
    it('refuses standards that are unknown or not judged in audits, naming each item', async () => {
      const res = await call('POST', '/audit-templates', admin, {
        ...TEMPLATE,
        sections: [{ id: 's', items: [{ standard: 'SMILE' }, { standard: 'NOPE' }, { standard: 'TEL-01' }] }],
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res)).toEqual([
        expect.objectContaining({ path: 'sections.0.items.1.standard', code: 'unknown_standard' }),
        expect.objectContaining({ path: 'sections.0.items.2.standard', code: 'not_observed' }),
      ]);
    });

    it('refuses the same standard twice', async () => {
      const res = await call('POST', '/audit-templates', admin, {
        ...TEMPLATE,
        sections: [{ id: 's', items: [{ standard: 'SMILE' }, { standard: 'SMILE' }] }],
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res)).toEqual([
        expect.objectContaining({ path: 'sections.0.items.1.id', code: 'duplicate_item' }),
      ]);
    });

    it('creates version 1 with each standard version and measure snapshotted', async () => {
      const res = await call('POST', '/audit-templates', admin, TEMPLATE);
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      templateId = body.id;
      expect(body).toMatchObject({ code: 'RECEPTION', version: 1, latest_version: 1, pass_mark: 0.8 });
      expect(body.sections[0].items[0]).toEqual({
        id: 'SMILE',
        standard: 'SMILE',
        standard_version: 1,
        title: { ru: 'Улыбка', en: 'Smile' },
        measure: { type: 'rating', scale: '1-5', pass_min: 4, weight: 2, critical: false, allow_na: true },
      });
      expect(body.sections[1].items[1].measure).toMatchObject({ critical: true, allow_na: false });
      const dup = await call('POST', '/audit-templates', admin, TEMPLATE);
      expect(dup.statusCode).toBe(409);
    });

    it('lets quality leads manage templates; others read them; integration tokens nothing', async () => {
      expect((await call('POST', '/audit-templates', auditor, { ...TEMPLATE, code: 'X' })).statusCode).toBe(
        403,
      );
      expect((await call('POST', '/audit-templates', staff, { ...TEMPLATE, code: 'X' })).statusCode).toBe(
        403,
      );
      expect((await call('PUT', `/audit-templates/${templateId}`, headHr, TEMPLATE)).statusCode).toBe(403);
      expect((await call('DELETE', `/audit-templates/${templateId}`, viewer)).statusCode).toBe(403);
      const list = await call('GET', '/audit-templates', staff);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([
        expect.objectContaining({ code: 'RECEPTION', latest_version: 1, items: 5 }),
      ]);
      expect((await call('GET', '/audit-templates', integration)).statusCode).toBe(403);
    });
  });

  describe('audits', () => {
    let auditId: string;

    it('saves a draft with partial answers; the caller is the auditor', async () => {
      const draft = await newAudit(auditor, {
        employee: 'S1',
        answers: { SMILE: 5 },
        comments: { SMILE: 'warm' },
      });
      auditId = draft.id;
      expect(draft).toMatchObject({
        status: 'draft',
        template: { code: 'RECEPTION', version: 1 },
        unit: { code: 'HR' },
        employee: { code: 'S1' },
        auditor: { kind: 'user' },
        answers: { SMILE: 5 },
        comments: { SMILE: 'warm' },
        score: null,
        outcome: null,
        submitted_at: null,
      });
      expect(draft.explanation).toMatchObject({
        complete: false,
        score: 1,
        unanswered: ['EYES', 'TIDY', 'SIGN-IN', 'DRESS'],
      });
      const saved = await call('PUT', `/audits/${auditId}/answers`, auditor, {
        answers: { EYES: 1, TIDY: 'na' },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().answers).toEqual({ SMILE: 5, EYES: 1, TIDY: 'na' });
      const cleared = await call('PUT', `/audits/${auditId}/answers`, auditor, { answers: { TIDY: null } });
      expect(cleared.json().answers).toEqual({ SMILE: 5, EYES: 1 });
    });

    it('refuses answers an item does not take, each named, and keeps the draft as it was', async () => {
      const res = await call('PUT', `/audits/${auditId}/answers`, auditor, {
        answers: { 'SIGN-IN': 'na', SMILE: 6, DRESS: 'yes', GHOST: 'yes' },
      });
      expect(res.statusCode).toBe(400);
      const issues = issuesOf(res);
      expect(issues.map((i) => [i.path, i.code]).sort()).toEqual(
        [
          ['answers.DRESS', 'invalid_answer'],
          ['answers.GHOST', 'unknown_item'],
          ['answers.SIGN-IN', 'na_not_allowed'],
          ['answers.SMILE', 'invalid_answer'],
        ].sort(),
      );
      expect((await call('GET', `/audits/${auditId}`, auditor)).json().answers).toEqual({
        SMILE: 5,
        EYES: 1,
      });
    });

    it('refuses to submit with items missing, naming each', async () => {
      const res = await call('POST', `/audits/${auditId}/submit`, auditor);
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res).map((i) => [i.path, i.code])).toEqual([
        ['answers.TIDY', 'unanswered'],
        ['answers.SIGN-IN', 'unanswered'],
        ['answers.DRESS', 'unanswered'],
      ]);
    });

    it('only its auditor (or a quality lead) changes a draft', async () => {
      const res = await call('PUT', `/audits/${auditId}/answers`, auditor2, { answers: { TIDY: 'yes' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.details.reason).toBe('not_own');
    });

    it('submits: scored by weights with N/A left out (the worked example), then immutable', async () => {
      const filled = await call('PUT', `/audits/${auditId}/answers`, auditor, { answers: EXAMPLE });
      expect(filled.statusCode, filled.body).toBe(200);
      t.clock.advance(60_000);
      const res = await call('POST', `/audits/${auditId}/submit`, auditor);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        status: 'submitted',
        outcome: 'failed',
        submitted_at: '2026-03-10T09:01:00.000Z',
      });
      expect(body.score).toBeCloseTo(3 / 4.5, 12);
      expect(body.explanation).toMatchObject({
        earned: 3,
        counted: 4.5,
        na: 1,
        passed: 2,
        failed: 2,
        critical_failed: [],
      });
      expect(body.explanation.summary.en).toContain('66.7 %');
      expect(body.explanation.summary.ru).toContain('66,7 %');
      const smile = body.explanation.items.find((i: { item_id: string }) => i.item_id === 'SMILE');
      expect(smile.contribution).toBeCloseTo(2 / 4.5, 12);
      expect(smile.says.en).toMatch(/5/);

      for (const [method, url, payload] of [
        ['PUT', `/audits/${auditId}/answers`, { answers: { TIDY: 'yes' } }],
        ['POST', `/audits/${auditId}/submit`, undefined],
      ] as const) {
        const again = await call(method, url, auditor, payload);
        expect(again.statusCode).toBe(409);
      }
    });

    it('amends with a reason: before and after kept, score computed again (a failed critical item → 0)', async () => {
      const noReason = await call('POST', `/audits/${auditId}/amendments`, auditor, {
        answers: { 'SIGN-IN': 'no' },
      });
      expect(noReason.statusCode).toBe(400);
      const empty = await call('POST', `/audits/${auditId}/amendments`, auditor, {
        answers: { 'SIGN-IN': 'no' },
        reason: '  ',
      });
      expect(issuesOf(empty)).toEqual([expect.objectContaining({ path: 'reason' })]);
      const incomplete = await call('POST', `/audits/${auditId}/amendments`, auditor, {
        answers: { DRESS: null },
        reason: 'x',
      });
      expect(issuesOf(incomplete)).toEqual([
        expect.objectContaining({ path: 'answers.DRESS', code: 'unanswered' }),
      ]);

      const res = await call('POST', `/audits/${auditId}/amendments`, auditor, {
        answers: { 'SIGN-IN': 'no', EYES: 2, TIDY: 'yes', DRESS: 3 },
        reason: 'The sign-in book was not at the desk',
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({ score: 0, outcome: 'failed', amendments: 1 });
      expect(body.explanation).toMatchObject({ critical_failed: ['SIGN-IN'], score: 0 });
      expect(body.explanation.weighted_score).toBeCloseTo(4.5 / 5.5, 12);
      expect(body.amendment_history).toEqual([
        {
          n: 1,
          answers_before: EXAMPLE,
          answers_after: { SMILE: 5, EYES: 2, TIDY: 'yes', 'SIGN-IN': 'no', DRESS: 3 },
          reason: 'The sign-in book was not at the desk',
          by: expect.stringContaining('@example.org'),
          at: '2026-03-10T09:01:00.000Z',
        },
      ]);
      const second = await call('POST', `/audits/${auditId}/amendments`, admin, {
        answers: { 'SIGN-IN': 'yes' },
        reason: 'Found the book',
      });
      expect(second.statusCode).toBe(201);
      expect(second.json()).toMatchObject({ score: 1, outcome: 'passed', amendments: 2 });
      expect(second.json().amendment_history[1].answers_before['SIGN-IN']).toBe('no');
      // A draft is not amended.
      const draft = await newAudit(auditor);
      expect(
        (await call('POST', `/audits/${draft.id}/amendments`, auditor, { answers: {}, reason: 'x' }))
          .statusCode,
      ).toBe(409);
    });

    it('a failed critical item fails the audit at submission whatever the weights', async () => {
      const a = await newAudit(auditor, {
        answers: { SMILE: 5, EYES: 2, TIDY: 'yes', 'SIGN-IN': 'no', DRESS: 3 },
      });
      const res = await call('POST', `/audits/${a.id}/submit`, auditor);
      expect(res.json()).toMatchObject({ score: 0, outcome: 'failed' });
      expect(res.json().explanation.summary.en).toMatch(/Critical item/);
    });

    it('keeps its template version after the template changes; new audits take the new version', async () => {
      const changed = await call('PUT', `/audit-templates/${templateId}`, admin, {
        ...TEMPLATE,
        pass_mark: 0.5,
        sections: [TEMPLATE.sections[0], { id: 'environment', items: [{ standard: 'SIGN-IN' }] }],
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ version: 2, latest_version: 2, pass_mark: 0.5 });
      // A title alone makes no version.
      const retitled = await call('PUT', `/audit-templates/${templateId}`, admin, {
        ...TEMPLATE,
        title: { en: 'Reception' },
        pass_mark: 0.5,
        sections: [TEMPLATE.sections[0], { id: 'environment', items: [{ standard: 'SIGN-IN' }] }],
      });
      expect(retitled.json()).toMatchObject({ version: 2, title: { en: 'Reception', ru: null } });
      const v1 = await call('GET', `/audit-templates/${templateId}?version=1`, staff);
      expect(v1.json()).toMatchObject({ version: 1, latest_version: 2, pass_mark: 0.8 });

      const old = (await call('GET', `/audits/${auditId}`, auditor)).json();
      expect(old.template.version).toBe(1);
      expect(old.pass_mark).toBe(0.8);
      expect(old.sections[1].items.map((i: { id: string }) => i.id)).toEqual(['TIDY', 'SIGN-IN', 'DRESS']);
      expect(old.score).toBe(1);

      const fresh = await newAudit(auditor, { answers: { SMILE: 5, EYES: 1, 'SIGN-IN': 'yes' } });
      expect(fresh).toMatchObject({ template: { version: 2 }, pass_mark: 0.5 });
      const submitted = (await call('POST', `/audits/${fresh.id}/submit`, auditor)).json();
      // 3 of 4 weight points reach a 50 % mark.
      expect(submitted).toMatchObject({ score: 0.75, outcome: 'passed' });
      // A template still answering for audits can be removed; its audits stay readable.
      const scratch = await call('POST', '/audit-templates', admin, { ...TEMPLATE, code: 'SCRATCH' });
      expect((await call('DELETE', `/audit-templates/${scratch.json().id}`, admin)).statusCode).toBe(204);
      expect((await call('GET', `/audit-templates/${scratch.json().id}`, admin)).statusCode).toBe(404);
      expect(
        (await call('POST', '/audits', auditor, { template_id: scratch.json().id, unit: 'HR' })).statusCode,
      ).toBe(404);
    });

    it('names bad units, employees and interaction records', async () => {
      const res = await call('POST', '/audits', auditor, {
        template_id: templateId,
        unit: 'NOPE',
        employee: 'NOBODY',
        interaction_id: 'no-such-call',
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res).map((i) => i.path)).toEqual(['unit', 'employee', 'interaction_id']);
    });
  });

  describe('who sees and does what', () => {
    let itAudit: string;
    beforeAll(async () => {
      itAudit = (
        await newAudit(auditor2, { unit: 'IT', employee: 'E2', observed_at: '2026-03-09T09:00:00+03:00' })
      ).id;
    });

    it('staff, heads, viewers and integration tokens cannot make audits', async () => {
      for (const h of [staff, headHr, viewer, integration]) {
        const res = await call('POST', '/audits', h, { template_id: templateId, unit: 'HR' });
        expect(res.statusCode).toBe(403);
      }
    });

    it('a head reads the audits of the units they head; another unit’s audit is not found', async () => {
      const hr = await call('GET', '/audits', headHr);
      expect(hr.statusCode).toBe(200);
      const units = new Set(hr.json().items.map((a: { unit: { code: string } }) => a.unit.code));
      expect([...units]).toEqual(['HR']);
      expect((await call('GET', `/audits/${itAudit}`, headHr)).statusCode).toBe(404);
      expect((await call('GET', `/audits/${itAudit}`, headIt)).statusCode).toBe(200);
      expect((await call('GET', '/audits', headIt)).json().items.map((a: { id: string }) => a.id)).toEqual([
        itAudit,
      ]);
    });

    it('staff read only the audits about themselves', async () => {
      const mine = (await call('GET', '/audits', staff)).json().items;
      expect(mine.length).toBe(1);
      expect(mine[0].employee.code).toBe('S1');
      expect((await call('GET', `/audits/${itAudit}`, staff)).statusCode).toBe(404);
    });

    it('viewers read every audit; integration tokens none', async () => {
      const all = (await call('GET', '/audits?limit=500', viewer)).json().items;
      expect(all.length).toBeGreaterThanOrEqual(5);
      expect((await call('GET', '/audits', integration)).statusCode).toBe(403);
      expect((await call('GET', `/audits/${itAudit}`, integration)).statusCode).toBe(403);
    });

    it('filters by unit, status, auditor = me and observed time, a page at a time', async () => {
      const ids = async (query: string, h: Headers = admin) =>
        (await call('GET', `/audits?${query}`, h)).json().items.map((a: { id: string }) => a.id) as string[];
      expect(await ids('unit=IT')).toEqual([itAudit]);
      expect(await ids('unit=ORG&status=draft')).toContain(itAudit);
      expect(await ids('auditor=me', auditor2)).toEqual([itAudit]);
      expect(await ids('auditor=me&unit=IT', auditor)).toEqual([]);
      expect(await ids('to=2026-03-10T00:00:00Z')).toEqual([itAudit]);
      expect(await ids('from=2026-03-10T00:00:00Z')).not.toContain(itAudit);
      const submitted = await ids('status=submitted');
      expect(submitted.length).toBe(3);
      const page1 = (await call('GET', '/audits?status=submitted&limit=2', admin)).json();
      expect(page1.items.length).toBe(2);
      const page2 = (
        await call('GET', `/audits?status=submitted&limit=2&cursor=${page1.next_cursor}`, admin)
      ).json();
      expect([...page1.items, ...page2.items].map((a: { id: string }) => a.id)).toEqual(submitted);
      expect(page2.next_cursor).toBeNull();
      expect((await call('GET', '/audits?unit=NOPE', admin)).statusCode).toBe(404);
    });

    it('refuses an observed_at in the future (beyond 5 minutes of clock skew), naming the field', async () => {
      const inMinutes = (m: number) => new Date(t.clock().getTime() + m * 60_000).toISOString();
      const ahead = await call('POST', '/audits', auditor2, {
        template_id: templateId,
        unit: 'IT',
        observed_at: inMinutes(6),
      });
      expect(ahead.statusCode).toBe(400);
      expect(issuesOf(ahead).map((i) => i.path)).toEqual(['observed_at']);
      const moved = await call('PUT', `/audits/${itAudit}/answers`, auditor2, {
        answers: {},
        observed_at: inMinutes(24 * 60),
      });
      expect(moved.statusCode).toBe(400);
      expect(issuesOf(moved).map((i) => i.path)).toEqual(['observed_at']);
      const skewed = await call('PUT', `/audits/${itAudit}/answers`, auditor2, {
        answers: {},
        observed_at: inMinutes(4),
      });
      expect(skewed.statusCode).toBe(200);
      expect(skewed.json().observed_at).toBe(inMinutes(4));
      const back = await call('PUT', `/audits/${itAudit}/answers`, auditor2, {
        answers: {},
        observed_at: '2026-03-09T09:00:00+03:00',
      });
      expect(back.json().observed_at).toBe('2026-03-09T06:00:00.000Z');
    });

    it('writes audit-log entries for every change', async () => {
      const log = await call('GET', '/audit?entity=audit', admin);
      const actions = new Set(log.json().items.map((e: { action: string }) => e.action));
      expect([...actions].sort()).toEqual(['audit.amend', 'audit.create', 'audit.submit']);
    });
  });
});
