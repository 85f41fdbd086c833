import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, publishCatalog, signIn, type TestApp } from '../../../test/test-app';
import { systemActor } from '../../core';

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
    measure: {type: checklist}
    target: 0.8
    period: month
`;

type Headers = Record<string, string>;

describeEachDb('audit schedules API', (database) => {
  let t: TestApp;
  let lead: Headers;
  let auditor: Headers;
  let auditorId: string;
  let other: Headers;
  let templateId: string;
  let emails: string[] = [];
  /** Signs everyone in again (sessions end after 12 idle hours of the hand clock). */
  const signAll = async () => {
    const [l, a, o] = await Promise.all(emails.map((e) => signIn(t.app, e)));
    [lead, auditor, other] = [l!, a!, o!];
  };

  const call = (headers: Headers, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload }) });
  const body = (extra: Record<string, unknown> = {}) => ({
    template_id: templateId,
    unit: 'HR',
    rule: { kind: 'weekly', weekday: 1, time: '10:00' },
    due_after: 'P1D',
    grace: 'PT12H',
    starts_on: '2026-04-06',
    auditor_ids: [auditorId],
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(database());
    t.clock.set('2026-04-01T08:00:00.000Z');
    await publishCatalog(t.services, CATALOG);
    templateId = (
      await t.services.auditTemplates.create(
        { actor: systemActor('cli') },
        {
          code: 'DESK',
          title: { en: 'Desk' },
          pass_mark: 0.8,
          sections: [{ id: 'a', items: [{ standard: 'TIDY' }] }],
        },
      )
    ).id;
    const m = await createPerson(t.services, 'manager');
    const a = await createPerson(t.services, 'auditor');
    const o = await createPerson(t.services, 'auditor');
    auditorId = a.user.id;
    emails = [m.email, a.email, o.email];
    await signAll();
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('validates the body naming each field, all at once', async () => {
    const r = await call(lead, 'POST', '/audit-schedules', {
      ...body(),
      rule: { kind: 'weekly', weekday: 8, time: '25:00' },
      due_after: 'P1Y',
      auditor_ids: [],
    });
    expect(r.statusCode).toBe(400);
    const paths = (r.json().error.details.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(['auditor_ids', 'due_after', 'rule.time', 'rule.weekday']);
    const unknown = await call(
      lead,
      'POST',
      '/audit-schedules',
      body({ unit: 'NOPE', ends_on: '2026-01-01' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(
      unknown
        .json()
        .error.details.issues.map((i: { path: string; code: string }) => `${i.path}:${i.code}`)
        .sort(),
    ).toEqual(['ends_on:ends_before_start', 'unit:unknown_unit']);
  });

  it('lets quality leads keep schedules; auditors only read them', async () => {
    expect((await call(auditor, 'POST', '/audit-schedules', body())).statusCode).toBe(403);
    const created = await call(lead, 'POST', '/audit-schedules', body());
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s).toMatchObject({
      unit: { code: 'HR' },
      template: { code: 'DESK' },
      rule: { kind: 'weekly', weekday: 1, time: '10:00' },
      timezone: 'Europe/Moscow',
      due_after: 'P1D',
      grace: 'PT12H',
      starts_on: '2026-04-06',
      ends_on: null,
      auditors: [{ id: auditorId }],
    });
    expect(
      (await call(auditor, 'GET', '/audit-schedules')).json().items.map((x: { id: string }) => x.id),
    ).toEqual([s.id]);
    expect((await call(auditor, 'GET', `/audit-schedules/${s.id}`)).statusCode).toBe(200);
    expect((await call(auditor, 'PUT', `/audit-schedules/${s.id}`, body())).statusCode).toBe(403);
    const edited = await call(
      lead,
      'PUT',
      `/audit-schedules/${s.id}`,
      body({ due_after: 'P2DT4H', grace: 'PT0M' }),
    );
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ due_after: 'P2DT4H', grace: 'PT0M' });
    expect((await call(lead, 'DELETE', `/audit-schedules/${s.id}`)).statusCode).toBe(204);
    expect((await call(lead, 'GET', `/audit-schedules/${s.id}`)).statusCode).toBe(404);
    expect((await call(lead, 'GET', '/audit-schedules')).json().items).toEqual([]);
  });

  it('my rounds, states as a filter, and starting the audit of a round (once)', async () => {
    t.clock.set('2026-04-01T08:00:00.000Z');
    const s = (await call(lead, 'POST', '/audit-schedules', body())).json();
    t.clock.set('2026-04-06T08:00:00.000Z');
    await signAll();
    const mine = (await call(auditor, 'GET', '/audit-rounds?mine=true')).json().items;
    expect(mine.map((r: { key: string; state: string }) => [r.key, r.state])).toEqual([
      ['2026-04-06', 'due'],
      ['2026-04-13', 'scheduled'],
    ]);
    expect((await call(other, 'GET', '/audit-rounds?mine=true')).json().items).toEqual([]);
    const due = (
      await call(other, 'GET', `/audit-rounds?state=due,overdue&unit=ORG&schedule_id=${s.id}`)
    ).json().items;
    expect(due.map((r: { key: string }) => r.key)).toEqual(['2026-04-06']);
    expect((await call(other, 'GET', '/audit-rounds?state=late')).statusCode).toBe(400);
    const round = mine[0];
    const mismatch = await call(auditor, 'POST', '/audits', {
      template_id: templateId,
      unit: 'IT',
      round_id: round.id,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details.issues).toMatchObject([{ path: 'unit', code: 'round_mismatch' }]);
    const started = await call(auditor, 'POST', '/audits', {
      template_id: templateId,
      unit: 'HR',
      round_id: round.id,
    });
    expect(started.statusCode).toBe(201);
    expect(started.json().round_id).toBe(round.id);
    const again = await call(auditor, 'POST', '/audits', {
      template_id: templateId,
      unit: 'HR',
      round_id: round.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ reason: 'round_taken', audit_id: started.json().id });
    const one = (await call(auditor, 'GET', `/audit-rounds/${round.id}`)).json();
    expect(one).toMatchObject({ state: 'due', audit: { id: started.json().id, status: 'draft' } });
    await call(auditor, 'PUT', `/audits/${started.json().id}/answers`, { answers: { TIDY: 'yes' } });
    expect((await call(auditor, 'POST', `/audits/${started.json().id}/submit`)).statusCode).toBe(200);
    expect((await call(auditor, 'GET', `/audit-rounds/${round.id}`)).json().state).toBe('done');
    expect(
      (await call(auditor, 'GET', '/audit-rounds?mine=true')).json().items.map((r: { key: string }) => r.key),
    ).toEqual(['2026-04-13']);
  });
});
