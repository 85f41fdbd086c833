import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import {
  createEmployee,
  createPerson,
  createTestApp,
  publishCatalog,
  type TestApp,
} from '../../test/test-app';
import { actorForUser, AppError, systemActor, type Actor } from '../core';

const CATALOG = `version: etalon/v1
timezone: Europe/Moscow
units:
  - {code: ORG, name: {en: Company}}
  - {code: HR, name: {en: HR}, parent: ORG}
  - {code: IT, name: {en: IT}, parent: ORG}
standards:
  - code: TIDY
    title: {en: A tidy desk}
    kind: tangible
    category: environment
    measure: {type: checklist, weight: 3}
    target: 0.8
    period: month
  - code: GREET
    title: {en: Greets by name}
    kind: intangible
    category: behaviour
    measure: {type: rating, scale: "1-4", pass_min: 3}
    target: 0.8
    period: month
`;

const cli = { actor: systemActor('cli') };

describeEachDb('audits service', (database) => {
  let t: TestApp;
  let templateId: string;
  let units: Record<string, string>;
  const as = (actor: Actor) => ({ actor });
  const person = async (role: 'auditor' | 'head' | 'staff') => {
    const p = await createPerson(t.services, role);
    return { actor: actorForUser({ id: p.user.id, email: p.email, role }), id: p.user.id };
  };

  beforeAll(async () => {
    t = await createTestApp(database());
    t.clock.set('2026-04-01T08:00:00.000Z');
    await publishCatalog(t.services, CATALOG);
    units = Object.fromEntries(
      (await database().db.selectFrom('units').select(['code', 'id']).execute()).map((u) => [u.code, u.id]),
    );
    templateId = (
      await t.services.auditTemplates.create(cli, {
        code: 'DESK',
        title: { en: 'Desk round' },
        pass_mark: 0.75,
        sections: [{ id: 'all', items: [{ standard: 'TIDY' }, { standard: 'GREET' }] }],
      })
    ).id;
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('scores by weights: a failed light item under a passed heavy one still passes (3 of 4)', async () => {
    const a = await t.services.audits.create(cli, {
      template_id: templateId,
      unit: 'HR',
      observed_at: '2026-04-01T10:30:00+03:00',
      answers: { TIDY: 'yes', GREET: 2 },
    });
    expect(a.observed_at).toBe('2026-04-01T07:30:00.000Z');
    expect(a.auditor).toEqual({ kind: 'system', id: 'cli', label: 'cli' });
    const done = await t.services.audits.submit(cli, a.id);
    expect(done).toMatchObject({ score: 0.75, outcome: 'passed' });
    expect(done.explanation.items.map((i) => [i.item_id, i.verdict, i.lost])).toEqual([
      ['TIDY', 'pass', 0],
      ['GREET', 'fail', 0.25],
    ]);
  });

  it('every item N/A: submitted without a score (not_scored)', async () => {
    const a = await t.services.audits.create(cli, {
      template_id: templateId,
      unit: 'IT',
      answers: { TIDY: 'na', GREET: 'na' },
    });
    expect(await t.services.audits.submit(cli, a.id)).toMatchObject({ score: null, outcome: 'not_scored' });
  });

  it('a head of a parent unit reads the audits of the units below it; a head of a sibling does not', async () => {
    const orgHead = await person('head');
    await createEmployee(t.services, { code: 'HO', unitId: units.ORG!, userId: orgHead.id, heads: true });
    const hrHead = await person('head');
    await createEmployee(t.services, { code: 'HH', unitId: units.HR!, userId: hrHead.id, heads: true });
    const codes = async (actor: Actor) =>
      (await t.services.audits.list(as(actor), { limit: 50 })).items.map((a) => a.unit.code).sort();
    expect(await codes(orgHead.actor)).toEqual(['HR', 'IT']);
    expect(await codes(hrHead.actor)).toEqual(['HR']);
    const nobody = await person('head');
    expect(await codes(nobody.actor)).toEqual([]);
  });

  it('an auditor amends only their own audits; a quality lead amends any', async () => {
    const mine = await person('auditor');
    const other = await person('auditor');
    const a = await t.services.audits.create(as(mine.actor), {
      template_id: templateId,
      unit: 'HR',
      answers: { TIDY: 'no', GREET: 4 },
    });
    await t.services.audits.submit(as(mine.actor), a.id);
    const refused = t.services.audits.amend(as(other.actor), a.id, { answers: { TIDY: 'yes' }, reason: 'x' });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'not_own' } });
    const amended = await t.services.audits.amend(cli, a.id, {
      answers: { TIDY: 'yes' },
      reason: 'Re-checked',
    });
    expect(amended).toMatchObject({ score: 1, outcome: 'passed', amendments: 1 });
    const mineOnly = await t.services.audits.list(as(mine.actor), { limit: 50, auditor: 'me' });
    expect(mineOnly.items.map((i) => i.id)).toEqual([a.id]);
  });

  it('a staff member with no audits about them sees none', async () => {
    const s = await person('staff');
    await createEmployee(t.services, { code: 'S9', unitId: units.IT!, userId: s.id });
    expect((await t.services.audits.list(as(s.actor), { limit: 50 })).items).toEqual([]);
  });

  it('submitting twice at once: exactly one wins, the other is a conflict, one audit-log entry', async () => {
    const a = await t.services.audits.create(cli, {
      template_id: templateId,
      unit: 'HR',
      answers: { TIDY: 'yes', GREET: 3 },
    });
    const results = await Promise.allSettled([
      t.services.audits.submit(cli, a.id),
      t.services.audits.submit(cli, a.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    const log = await database()
      .db.selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', a.id)
      .where('action', '=', 'audit.submit')
      .execute();
    expect(log).toHaveLength(1);
  });
});
