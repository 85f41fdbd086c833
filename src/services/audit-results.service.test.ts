import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import { createEmployee, createTestApp, publishCatalog, type TestApp } from '../../test/test-app';
import { systemActor } from '../core';
import type { ComplianceRow } from '../contract/monitoring.schema';

/**
 * Observed standards in the results (issue 7): a submitted audit's judged items count in the same
 * roll-ups, heatmap and drill-down as records' verdicts; drafts count nothing; an amendment
 * replaces what the audit counted.
 */

const CATALOG = `version: etalon/v1
timezone: Europe/Moscow
units:
  - {code: ORG, name: {en: Company}}
  - {code: HALL, name: {en: Front hall}, parent: ORG}
standards:
  - code: TIDY
    title: {en: A tidy desk}
    kind: tangible
    category: environment
    measure: {type: checklist}
    target: 0.8
    period: month
  - code: GREET
    title: {en: Greets by name}
    kind: intangible
    category: behaviour
    measure: {type: rating, scale: "1-4", pass_min: 3}
    target: 0.9
    period: month
  - code: PHONE-VOICE
    title: {en: A pleasant voice on the phone}
    kind: intangible
    category: behaviour
    channels: [phone]
    measure: {type: rating, scale: "1-5", pass_min: 4}
    target: 0.9
    period: month
`;

const cli = { actor: systemActor('cli') };
const APRIL = { from: '2026-04-01', to: '2026-04-30' };

describeEachDb('observed standards in the results', (database) => {
  let t: TestApp;
  let desk: string;
  let call: string;

  const rows = async (q: Record<string, unknown> = {}) =>
    (await t.services.monitoring.compliance(cli, { ...APRIL, by: 'unit', ...q } as never)).results;
  const row = (all: ComplianceRow[], standard: string) => all.find((r) => r.standard === standard);
  const submitted = async (
    template: string,
    answers: Record<string, string | number>,
    extra: Record<string, unknown> = {},
  ) => {
    const a = await t.services.audits.create(cli, {
      template_id: template,
      unit: 'HALL',
      observed_at: '2026-04-10T09:00:00.000Z',
      answers,
      ...extra,
    } as never);
    return t.services.audits.submit(cli, a.id);
  };
  const recount = async (standard: string) => {
    const r = await database()
      .db.selectFrom('rollups_unit')
      .select((eb) => [eb.fn.sum<number>('pass').as('pass'), eb.fn.sum<number>('fail').as('fail')])
      .where('grain', '=', 'day')
      .where('standard', '=', standard)
      .executeTakeFirstOrThrow();
    return { pass: Number(r.pass ?? 0), fail: Number(r.fail ?? 0) };
  };

  beforeAll(async () => {
    t = await createTestApp(database());
    t.clock.set('2026-04-20T08:00:00.000Z');
    await publishCatalog(t.services, CATALOG);
    const hall = await database()
      .db.selectFrom('units')
      .select('id')
      .where('code', '=', 'HALL')
      .executeTakeFirstOrThrow();
    await createEmployee(t.services, { code: 'E-ANNA', unitId: hall.id });
    desk = (
      await t.services.auditTemplates.create(cli, {
        code: 'DESK',
        title: { en: 'Desk round' },
        pass_mark: 0.75,
        sections: [{ id: 'all', items: [{ standard: 'TIDY' }, { standard: 'GREET' }] }],
      })
    ).id;
    call = (
      await t.services.auditTemplates.create(cli, {
        code: 'CALL',
        title: { en: 'Mystery call' },
        pass_mark: 0.5,
        sections: [{ id: 'voice', items: [{ standard: 'PHONE-VOICE' }] }],
      })
    ).id;
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('counts nothing for a draft, and each judged item of a submitted audit once', async () => {
    const draft = await t.services.audits.create(cli, {
      template_id: desk,
      unit: 'HALL',
      observed_at: '2026-04-09T09:00:00.000Z',
      answers: { TIDY: 'yes', GREET: 1 },
    } as never);
    expect(draft.status).toBe('draft');
    expect(await rows()).toEqual([]);

    const a = await submitted(
      desk,
      { TIDY: 'yes', GREET: 2 },
      { employee: 'E-ANNA', comments: { GREET: 'no name used' } },
    );
    const all = await rows();
    expect(row(all, 'TIDY')).toMatchObject({
      unit: 'HALL',
      period: '2026-04',
      pass: 1,
      fail: 0,
      compliance: 1,
      met: true,
    });
    expect(row(all, 'GREET')).toMatchObject({
      unit: 'HALL',
      pass: 0,
      fail: 1,
      compliance: 0,
      target: 0.9,
      met: false,
    });
    const byEmployee = await rows({ by: 'employee' });
    expect(byEmployee.map((r) => [r.standard, r.employee])).toEqual(
      expect.arrayContaining([
        ['GREET', 'E-ANNA'],
        ['TIDY', 'E-ANNA'],
      ]),
    );

    // The drill-down names the audit and says why, with the auditor's comment.
    const findings = await t.services.monitoring.findings(cli, {
      ...APRIL,
      standard: 'GREET',
      verdict: 'fail',
      limit: 50,
      offset: 0,
    } as never);
    expect(findings.total).toBe(1);
    expect(findings.items[0]).toMatchObject({
      interaction_id: null,
      audit_id: a.id,
      unit: 'HALL',
      employee: 'E-ANNA',
      channel: 'visit',
      started_at: '2026-04-10T09:00:00.000Z',
    });
    expect(findings.items[0]!.reason).toContain('audit DESK');
    expect(findings.items[0]!.reason).toContain('no name used');

    // The heatmap has the observed standards as columns, with the audit's counts in the cell.
    const summary = await t.services.monitoring.summary(cli, { ...APRIL } as never);
    expect(summary.standards.map((s) => [s.code, s.observed])).toEqual([
      ['GREET', true],
      ['PHONE-VOICE', true],
      ['TIDY', true],
    ]);
    expect(summary.cells.filter((c) => c.unit === 'HALL').map((c) => [c.standard, c.pass, c.fail])).toEqual([
      ['GREET', 0, 1],
      ['TIDY', 1, 0],
    ]);
  });

  it('an amendment replaces what the audit counted: the old verdicts leave, the new ones arrive', async () => {
    const before = { tidy: await recount('TIDY'), greet: await recount('GREET') };
    const a = await submitted(desk, { TIDY: 'no', GREET: 1 });
    expect(await recount('TIDY')).toEqual({ pass: before.tidy.pass, fail: before.tidy.fail + 1 });
    expect(await recount('GREET')).toEqual({ pass: before.greet.pass, fail: before.greet.fail + 1 });

    await t.services.audits.amend(cli, a.id, {
      answers: { TIDY: 'na', GREET: 4 },
      reason: 'misread the form',
    });
    // TIDY is now N/A: it counts nothing; GREET passes.
    expect(await recount('TIDY')).toEqual(before.tidy);
    expect(await recount('GREET')).toEqual({ pass: before.greet.pass + 1, fail: before.greet.fail });
    const findings = await t.services.monitoring.findings(cli, {
      ...APRIL,
      standard: 'TIDY',
      verdict: 'fail',
      limit: 50,
      offset: 0,
    } as never);
    expect(findings.items.map((f) => f.audit_id)).not.toContain(a.id);
  });

  it("counts a mystery call under its standards' one channel, and an observed record under the record's", async () => {
    await submitted(call, { 'PHONE-VOICE': 5 });
    const phone = await rows({ channel: 'phone' });
    expect(phone.map((r) => [r.standard, r.pass, r.fail])).toEqual([['PHONE-VOICE', 1, 0]]);
    expect(row(await rows({ channel: 'visit' }), 'PHONE-VOICE')).toBeUndefined();

    await t.services.monitoring.ingest(
      cli,
      [
        {
          id: 'CALL-1',
          channel: 'chat',
          unit: 'HALL',
          started_at: '2026-04-11T10:00:00Z',
          answered_at: '2026-04-11T10:00:30Z',
        },
      ] as never,
      false,
    );
    await submitted(call, { 'PHONE-VOICE': 2 }, { interaction_id: 'CALL-1' });
    expect((await rows({ channel: 'chat' })).map((r) => [r.standard, r.pass, r.fail])).toEqual([
      ['PHONE-VOICE', 0, 1],
    ]);
  });
});
