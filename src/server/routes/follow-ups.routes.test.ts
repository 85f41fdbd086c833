import { afterAll, beforeAll, expect, it } from 'vitest';
import { systemActor } from '../../core';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { describeEachDb } from '../../../test/test-database';
import type { FollowUp } from '../../contract/follow-up.schema';
import { auditLogOf, EXAMPLE, setUpAudits, type Headers } from './audit-routes.fixtures';

const cli = { actor: systemActor('test') };

describeEachDb('follow-ups from failed audit items', (database) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof setUpAudits>>;
  let auditor: Headers;
  let audit: string;

  beforeAll(async () => {
    t = await createTestApp(database());
    t.clock.set('2026-03-10T09:00:00.000Z');
    s = await setUpAudits(t, database());
    auditor = s.people.auditor.headers;
    // HR inherits Moscow (UTC+3) from ORG; IT is in New York (UTC−4 in March after the 8th).
    await t.services.units.update(cli, s.units.ORG!, { timezone: 'Europe/Moscow' });
    await t.services.units.update(cli, s.units.IT!, { timezone: 'America/New_York' });
    audit = await s.submitted(auditor);
  });
  afterAll(() => t.app.close());

  const raise = (auditId: string, body: object, headers: Headers = auditor) =>
    s.call('POST', `/audits/${auditId}/follow-ups`, headers, body);
  const refusal = (res: { json(): unknown }) =>
    (res.json() as { error: { code: string; details: { issues: { path: string; code: string }[] } } }).error;
  const list = async (headers: Headers, query = '') => {
    const res = await s.call('GET', `/follow-ups${query}`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: FollowUp[]; total: number };
  };

  it('only for a failed item of a submitted audit: 422 naming the field otherwise', async () => {
    const owner = s.people.headHr.id;
    const draft = await s.newAudit(auditor, { answers: EXAMPLE });
    const onDraft = await raise(draft, { item: 'EYES', owner, due_on: '2026-03-17' });
    expect(onDraft.statusCode).toBe(422);
    expect(refusal(onDraft)).toMatchObject({
      code: 'unprocessable',
      details: { issues: [{ path: 'audit', code: 'not_submitted' }] },
    });
    for (const item of ['SMILE', 'TIDY']) {
      const res = await raise(audit, { item, owner, due_on: '2026-03-17' });
      expect(res.statusCode).toBe(422);
      expect(refusal(res).details.issues).toEqual([
        expect.objectContaining({ path: 'item', code: 'not_failed' }),
      ]);
    }
    const unknown = await raise(audit, { item: 'NOPE', owner, due_on: '2026-03-17' });
    expect(refusal(unknown).details.issues[0]).toMatchObject({ path: 'item', code: 'unknown_item' });
    const nobody = await raise(audit, {
      item: 'EYES',
      owner: '0190a0a0-0000-7000-8000-000000000000',
      due_on: '2026-03-17',
    });
    expect(nobody.statusCode).toBe(422);
    expect(refusal(nobody).details.issues[0]).toMatchObject({ path: 'owner' });
    const badDate = await raise(audit, { item: 'EYES', owner, due_on: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(await list(s.people.admin)).toMatchObject({ total: 0 });
  });

  it('raised by the auditor with a worded title; the owner is told in-app; written to the audit log', async () => {
    const res = await raise(audit, { item: 'EYES', owner: s.people.headHr.id, due_on: '2026-03-17' });
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json() as FollowUp;
    expect(f).toMatchObject({
      audit_id: audit,
      item_id: 'EYES',
      standard: 'EYES',
      owner: { id: s.people.headHr.id },
      unit: { code: 'HR' },
      due_on: '2026-03-17',
      status: 'open',
      overdue: false,
      done_at: null,
    });
    expect(f.title).toMatch(/^Eye contact: .*failed/);
    const inbox = await s.call('GET', '/notifications', s.people.headHr.headers);
    expect(inbox.json().items).toEqual([
      expect.objectContaining({ kind: 'follow_up_assigned', excerpt: f.title, read_at: null }),
    ]);
    // Nobody else was told.
    expect((await s.call('GET', '/notifications', s.people.headIt.headers)).json().items).toEqual([]);
    expect(await auditLogOf(database(), 'follow_up.create', f.id)).toHaveLength(1);
  });

  it('quality leads raise from any audit; another auditor or a head may not', async () => {
    const lead = await raise(
      audit,
      {
        item: 'DRESS',
        owner: s.people.staff.id,
        due_on: '2026-03-12',
        title: 'New uniforms',
        note: 'Order two',
      },
      s.people.admin,
    );
    expect(lead.statusCode, lead.body).toBe(201);
    expect(lead.json()).toMatchObject({ title: 'New uniforms', note: 'Order two' });
    for (const who of [s.people.auditor2, s.people.headHr, s.people.viewer]) {
      const res = await raise(audit, { item: 'DRESS', owner: who.id, due_on: '2026-03-12' }, who.headers);
      expect(res.statusCode).toBe(403);
    }
    // Outside the reader's scope the audit does not exist.
    const outside = await raise(
      audit,
      { item: 'DRESS', owner: s.people.headIt.id, due_on: '2026-03-12' },
      s.people.headIt.headers,
    );
    expect(outside.statusCode).toBe(404);
  });

  it('the owner picker offers the unit’s heads and quality leads, not a head elsewhere', async () => {
    const res = await s.call('GET', `/audits/${audit}/follow-up-owners`, auditor);
    expect(res.statusCode, res.body).toBe(200);
    const ids = (res.json() as { items: { id: string }[] }).items.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([s.people.headHr.id, s.people.auditor.id]));
    expect(ids).not.toContain(s.people.headIt.id);
    expect(
      (await s.call('GET', `/audits/${audit}/follow-up-owners`, s.people.auditor2.headers)).statusCode,
    ).toBe(403);
  });

  it('lists by scope: everyone with audits.read.all, a head their units’ and their own, others their own', async () => {
    expect((await list(s.people.viewer.headers)).total).toBe(2);
    const hr = await list(s.people.headHr.headers);
    expect(hr.total).toBe(2);
    expect((await list(s.people.headHr.headers, '?owner=me')).items.map((f) => f.item_id)).toEqual(['EYES']);
    expect(await list(s.people.headIt.headers)).toEqual({ items: [], total: 0 });
    // Staff: the DRESS follow-up is theirs (the audit is not about them).
    expect((await list(s.people.staff.headers)).items.map((f) => f.item_id)).toEqual(['DRESS']);
    expect((await list(s.people.admin, '?unit=IT')).total).toBe(0);
    expect((await list(s.people.admin, '?unit=ORG')).total).toBe(2);
    expect((await list(s.people.admin, `?audit=${audit}&status=open`)).total).toBe(2);
    // Open first, then by due date.
    expect((await list(s.people.admin)).items.map((f) => f.due_on)).toEqual(['2026-03-12', '2026-03-17']);
  });

  it('PATCH: the owner marks done with a note and reopens; cancelling is for quality leads; others may not', async () => {
    const [dress] = (await list(s.people.staff.headers)).items;
    const staff = s.people.staff.headers;
    const patch = (headers: Headers, body: object) =>
      s.call('PATCH', `/follow-ups/${dress!.id}`, headers, body);
    expect((await patch(s.people.headIt.headers, { status: 'done' })).statusCode).toBe(404);
    const auditor2 = await patch(s.people.auditor2.headers, { status: 'done' });
    expect(auditor2.statusCode).toBe(403);
    const cancel = await patch(staff, { status: 'cancelled' });
    expect(cancel.statusCode).toBe(403);
    expect(cancel.json().error.details).toMatchObject({ reason: 'cancel' });

    const done = await patch(staff, { status: 'done', done_note: 'Uniforms ordered' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', done_note: 'Uniforms ordered', overdue: false });
    expect(done.json().done_at).toBe(t.clock().toISOString());
    const reopened = await patch(staff, { status: 'open' });
    expect(reopened.json()).toMatchObject({ status: 'open', done_at: null, done_note: null });
    const cancelled = await patch(s.people.admin, { status: 'cancelled', done_note: 'Dress code changed' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', overdue: false });
    expect((await list(s.people.admin)).items.at(-1)!.id).toBe(dress!.id);
    expect(await auditLogOf(database(), 'follow_up.update', dress!.id)).toHaveLength(3);
  });
  it('overdue is open and due before today in the unit’s own zone', async () => {
    const itAudit = await s.submitted(auditor, EXAMPLE, { unit: 'IT' });
    const made = [
      await raise(audit, { item: 'EYES', owner: s.people.headHr.id, due_on: '2026-03-10' }),
      await raise(itAudit, { item: 'EYES', owner: s.people.headIt.id, due_on: '2026-03-10' }),
    ];
    for (const res of made) expect(res.statusCode, res.body).toBe(201);
    // The admin's token, not a session: the clock moves past a session's idle hours.
    const overdue = async () =>
      Object.fromEntries(
        (await list(s.people.admin)).items
          .filter((f) => f.due_on === '2026-03-10')
          .map((f) => [f.unit.code, f.overdue]),
      );
    t.clock.set('2026-03-10T20:30:00.000Z'); // Moscow 23:30 on the 10th, New York 16:30
    expect(await overdue()).toEqual({ HR: false, IT: false });
    t.clock.set('2026-03-10T21:30:00.000Z'); // Moscow 00:30 on the 11th
    expect(await overdue()).toEqual({ HR: true, IT: false });
    t.clock.set('2026-03-11T04:30:00.000Z'); // New York 00:30 on the 11th
    expect(await overdue()).toEqual({ HR: true, IT: true });
    const one = await s.call('GET', `/follow-ups/${made[1]!.json().id}`, s.people.admin);
    expect(one.json()).toMatchObject({ overdue: true, unit: { code: 'IT' } });
  });
});
