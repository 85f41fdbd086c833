import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import { createPerson, createTestApp, publishCatalog, type TestApp } from '../../test/test-app';
import { actorForUser, AppError, systemActor, ValidationError, type Actor } from '../core';

const CATALOG = `version: etalon/v1
timezone: Europe/Moscow
units:
  - {code: ORG, name: {en: Company}}
  - {code: HR, name: {en: HR}, parent: ORG}
  - {code: IT, name: {en: IT}, parent: ORG}
calendars:
  - id: office
    timezone: Europe/Moscow
    week:
      mon: ["09:00-18:00"]
      tue: ["09:00-18:00"]
      wed: ["09:00-18:00"]
      thu: ["09:00-18:00"]
      fri: ["09:00-18:00"]
  - id: late
    timezone: Europe/Moscow
    week:
      sat: ["16:00-20:00"]
standards:
  - code: TIDY
    title: {en: A tidy desk}
    kind: tangible
    category: environment
    measure: {type: checklist}
    target: 0.8
    period: month
`;

const cli = { actor: systemActor('cli') };

describeEachDb('audit schedules: rounds, states, reminders', (database) => {
  let t: TestApp;
  let templateId: string;
  let otherTemplateId: string;
  let auditor: { actor: Actor; id: string };
  let bystander: { actor: Actor; id: string };
  const person = async (role: 'auditor' | 'staff' | 'manager') => {
    const p = await createPerson(t.services, role);
    return { actor: actorForUser({ id: p.user.id, email: p.email, role }), id: p.user.id };
  };
  const roundRows = (scheduleId: string) =>
    database()
      .db.selectFrom('audit_rounds')
      .selectAll()
      .where('schedule_id', '=', scheduleId)
      .orderBy('starts_at')
      .execute();
  const inbox = (userId: string) =>
    database()
      .db.selectFrom('notifications')
      .select(['kind', 'subject', 'excerpt'])
      .where('user_id', '=', userId)
      .where('kind', 'like', 'audit_round%')
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    t = await createTestApp(database());
    t.clock.set('2026-04-01T08:00:00.000Z');
    await publishCatalog(t.services, CATALOG);
    const template = (code: string) =>
      t.services.auditTemplates.create(cli, {
        code,
        title: { en: code },
        pass_mark: 0.8,
        sections: [{ id: 'all', items: [{ standard: 'TIDY' }] }],
      });
    // The organization works on `office`; HR and IT inherit it (`late` sorts first by code, so a
    // fallback to the first calendar would pick it instead).
    const org = await database()
      .db.selectFrom('units')
      .select('id')
      .where('code', '=', 'ORG')
      .executeTakeFirstOrThrow();
    await t.services.units.update(cli, org.id, { calendar: 'office' });
    templateId = (await template('DESK')).id;
    otherTemplateId = (await template('OTHER')).id;
    auditor = await person('auditor');
    bystander = await person('auditor');
  });
  afterAll(async () => {
    await t.app.close();
  });

  /** Weekly on Mondays 10:00 Moscow (07:00Z), due a day later, 12 hours' grace. */
  const weekly = (extra: Record<string, unknown> = {}) =>
    t.services.auditSchedules.create(cli, {
      template_id: templateId,
      unit: 'HR',
      rule: { kind: 'weekly', weekday: 1, time: '10:00' },
      due_after: 'P1D',
      grace: 'PT12H',
      starts_on: '2026-04-06',
      auditor_ids: [auditor.id],
      ...extra,
    });

  it('resolves the zone from the unit, stores rounds from starts_on to 8 weeks ahead, and again stores nothing', async () => {
    t.clock.set('2026-04-01T08:00:00.000Z');
    const s = await weekly();
    expect(s).toMatchObject({
      timezone: 'Europe/Moscow',
      due_after: 'P1D',
      grace: 'PT12H',
      unit: { code: 'HR' },
    });
    const first = await roundRows(s.id);
    // Mondays from 6 April up to 27 May (now + 56 days): 6, 13, 20, 27 April, 4, 11, 18, 25 May.
    expect(first.map((r) => r.key)).toEqual([
      '2026-04-06',
      '2026-04-13',
      '2026-04-20',
      '2026-04-27',
      '2026-05-04',
      '2026-05-11',
      '2026-05-18',
      '2026-05-25',
    ]);
    expect(first[0]).toMatchObject({
      starts_at: '2026-04-06T07:00:00.000Z',
      due_at: '2026-04-07T07:00:00.000Z',
      closes_at: '2026-04-07T19:00:00.000Z',
    });
    await t.services.auditSchedules.tick();
    await t.services.auditSchedules.tick();
    expect(await roundRows(s.id)).toEqual(first);
    // A week later one more round is stored, the others untouched.
    t.clock.set('2026-04-08T08:00:00.000Z');
    await t.services.auditSchedules.tick();
    const later = await roundRows(s.id);
    expect(later.map((r) => r.key).slice(-1)).toEqual(['2026-06-01']);
    expect(later.slice(0, first.length)).toEqual(first);
    await t.services.auditSchedules.delete(cli, s.id);
  });

  it('derives states over time: scheduled, due, overdue, missed; done once the audit is submitted', async () => {
    t.clock.set('2026-04-01T08:00:00.000Z');
    const s = await weekly();
    const stateOf = async (key: string) =>
      (
        await t.services.auditSchedules.rounds(cli, {
          schedule_id: s.id,
          from: '2026-04-01T00:00:00Z',
          limit: 100,
        })
      ).items.find((r) => r.key === key)?.state;
    expect(await stateOf('2026-04-06')).toBe('scheduled');
    t.clock.set('2026-04-06T07:00:00.000Z');
    expect(await stateOf('2026-04-06')).toBe('due');
    t.clock.set('2026-04-07T07:00:00.000Z');
    expect(await stateOf('2026-04-06')).toBe('overdue');
    t.clock.set('2026-04-07T19:00:00.000Z');
    expect(await stateOf('2026-04-06')).toBe('missed');
    // The next round: started, then submitted late (within grace) → done.
    t.clock.set('2026-04-14T08:00:00.000Z');
    const round = (await t.services.auditSchedules.rounds(auditor, { mine: true, limit: 100 })).items.find(
      (r) => r.key === '2026-04-13',
    )!;
    expect(round.state).toBe('overdue');
    const audit = await t.services.audits.create(auditor, {
      template_id: templateId,
      unit: 'HR',
      round_id: round.id,
      answers: { TIDY: 'yes' },
    });
    expect(audit.round_id).toBe(round.id);
    expect(await stateOf('2026-04-13')).toBe('overdue');
    await t.services.audits.submit(auditor, audit.id);
    expect(await stateOf('2026-04-13')).toBe('done');
    t.clock.set('2026-05-01T00:00:00.000Z');
    expect(await stateOf('2026-04-13')).toBe('done');
    expect(await stateOf('2026-04-06')).toBe('missed');
    await t.services.auditSchedules.delete(cli, s.id);
  });

  it('reminds the assigned auditor once when due and once when overdue, across ticks and a restart', async () => {
    t.clock.set('2026-06-01T06:00:00.000Z');
    const s = await weekly({ starts_on: '2026-06-08', unit: 'IT' });
    const [round] = await roundRows(s.id);
    expect(round!.key).toBe('2026-06-08');
    expect(await t.services.auditSchedules.tick()).toBe(0);
    t.clock.set('2026-06-08T07:05:00.000Z');
    expect(await t.services.auditSchedules.tick()).toBe(1);
    expect(await t.services.auditSchedules.tick()).toBe(0);
    expect(await inbox(auditor.id)).toEqual([
      { kind: 'audit_round_due', subject: round!.id, excerpt: 'DESK · IT' },
    ]);
    // A restart: another app over the same database, its clock at the same instant.
    const again = await createTestApp(database());
    try {
      again.clock.set('2026-06-08T08:00:00.000Z');
      expect(await again.services.auditSchedules.tick()).toBe(0);
      again.clock.set('2026-06-09T07:00:00.000Z');
      expect(await again.services.auditSchedules.tick()).toBe(1);
    } finally {
      await again.app.close();
    }
    t.clock.set('2026-06-09T09:00:00.000Z');
    expect(await t.services.auditSchedules.tick()).toBe(0);
    expect((await inbox(auditor.id)).map((n) => [n.kind, n.subject])).toEqual([
      ['audit_round_due', round!.id],
      ['audit_round_overdue', round!.id],
    ]);
    expect(await inbox(bystander.id)).toEqual([]);
    // The notification list names the round.
    const list = await t.services.notifications.list(auditor, { limit: 50 });
    expect(list.items.find((n) => n.kind === 'audit_round_overdue')).toMatchObject({
      subject: round!.id,
      proposal: null,
    });
    // Missed: no more reminders.
    t.clock.set('2026-06-10T07:00:00.000Z');
    expect(await t.services.auditSchedules.tick()).toBe(0);
    await t.services.auditSchedules.delete(cli, s.id);
  });

  it('sends no reminder for a round whose audit is submitted, nor once it is missed', async () => {
    t.clock.set('2026-07-06T06:00:00.000Z');
    const s = await weekly({ starts_on: '2026-07-06', unit: 'IT', grace: 'PT0M' });
    const [round] = await roundRows(s.id);
    t.clock.set('2026-07-06T07:00:00.000Z');
    const audit = await t.services.audits.create(auditor, {
      template_id: templateId,
      unit: 'IT',
      round_id: round!.id,
      answers: { TIDY: 'no' },
    });
    await t.services.audits.submit(auditor, audit.id);
    const before = (await inbox(auditor.id)).length;
    expect(await t.services.auditSchedules.tick()).toBe(0);
    // The next round, with no grace, goes from due straight to missed: the server was down meanwhile.
    t.clock.set('2026-07-14T08:00:00.000Z');
    expect(await t.services.auditSchedules.tick()).toBe(0);
    expect((await inbox(auditor.id)).length).toBe(before);
    await t.services.auditSchedules.delete(cli, s.id);
  });

  it('starting an audit from a round: the round’s template and unit, open, assigned, one audit per round', async () => {
    t.clock.set('2026-08-03T06:00:00.000Z');
    const s = await weekly({ starts_on: '2026-08-03' });
    const [first, second] = await roundRows(s.id);
    const start = (actor: Actor, extra: Record<string, unknown> = {}) =>
      t.services.audits.create(
        { actor },
        { template_id: templateId, unit: 'HR', round_id: first!.id, ...extra },
      );
    const refusal = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        if (e instanceof ValidationError) return e.issues.map((i) => `${i.path}:${i.code ?? ''}`);
        if (e instanceof AppError) return `${e.code}:${(e.details as { reason?: string }).reason ?? ''}`;
        throw e;
      }
      throw new Error('not refused');
    };
    expect(await refusal(start(auditor.actor))).toBe('conflict:round_not_open');
    t.clock.set('2026-08-03T07:30:00.000Z');
    expect(await refusal(start(auditor.actor, { template_id: otherTemplateId, unit: 'IT' }))).toEqual([
      'template_id:round_mismatch',
      'unit:round_mismatch',
    ]);
    expect(await refusal(start(auditor.actor, { round_id: '01900000-0000-7000-8000-000000000000' }))).toEqual(
      ['round_id:unknown_round'],
    );
    expect(await refusal(start(bystander.actor))).toBe('forbidden:not_assigned');
    const made = await start(auditor.actor);
    expect(await refusal(start(auditor.actor))).toBe('conflict:round_taken');
    // A quality lead may start any open round, but not one that has an audit.
    expect(await refusal(start(systemActor('cli')))).toBe('conflict:round_taken');
    await t.services.audits.saveAnswers({ actor: auditor.actor }, made.id, { answers: { TIDY: 'yes' } });
    await t.services.audits.submit({ actor: auditor.actor }, made.id);
    expect(await refusal(start(auditor.actor))).toBe('conflict:round_done');
    expect(second!.audit_id).toBeNull();
    const stored = await database()
      .db.selectFrom('audit_rounds')
      .select('audit_id')
      .where('id', '=', first!.id)
      .executeTakeFirstOrThrow();
    expect(stored.audit_id).toBe(made.id);
    await t.services.auditSchedules.delete(cli, s.id);
  });

  it('"my rounds": due and overdue, the next scheduled per schedule, missed in the last 30 days; only the assigned', async () => {
    t.clock.set('2026-09-01T06:00:00.000Z');
    const s = await weekly({ starts_on: '2026-08-03', grace: 'PT0M' });
    // Now 2026-09-08 07:30Z: 7 Sept is due; 3 Aug … 31 Aug missed (3 Aug closed > 30 days ago).
    t.clock.set('2026-09-07T07:30:00.000Z');
    await t.services.auditSchedules.tick();
    const mine = await t.services.auditSchedules.rounds(auditor, {
      mine: true,
      limit: 100,
    });
    expect(mine.items.map((r) => [r.key, r.state])).toEqual([
      ['2026-08-10', 'missed'],
      ['2026-08-17', 'missed'],
      ['2026-08-24', 'missed'],
      ['2026-08-31', 'missed'],
      ['2026-09-07', 'due'],
      ['2026-09-14', 'scheduled'],
    ]);
    const states = await t.services.auditSchedules.rounds(
      { actor: auditor.actor },
      {
        mine: true,
        state: ['due', 'overdue'],
        limit: 100,
      },
    );
    expect(states.items.map((r) => r.key)).toEqual(['2026-09-07']);
    expect(
      (await t.services.auditSchedules.rounds({ actor: bystander.actor }, { mine: true, limit: 100 })).items,
    ).toEqual([]);
    // An auditor reads every round (audits.read.all) without `mine`; staff see only their own: none.
    const all = await t.services.auditSchedules.rounds(
      { actor: bystander.actor },
      { unit: 'ORG', limit: 500 },
    );
    expect(all.items.some((r) => r.schedule_id === s.id)).toBe(true);
    const staff = await person('staff');
    expect((await t.services.auditSchedules.rounds({ actor: staff.actor }, { limit: 500 })).items).toEqual(
      [],
    );
    await t.services.auditSchedules.delete(cli, s.id);
  });

  it('n per month: n rounds a month in business hours, the same on every run; an edit remakes only the rounds ahead', async () => {
    t.clock.set('2026-10-01T00:00:00.000Z');
    const s = await t.services.auditSchedules.create(cli, {
      template_id: templateId,
      unit: 'HR',
      rule: { kind: 'n_per_month', n: 3 },
      due_after: 'PT4H',
      grace: 'PT0M',
      starts_on: '2026-10-01',
      auditor_ids: [auditor.id],
    });
    expect(s.rule).toMatchObject({ kind: 'n_per_month', n: 3 });
    const rows = await roundRows(s.id);
    expect(rows.map((r) => r.key)).toEqual([
      '2026-10#1',
      '2026-10#2',
      '2026-10#3',
      '2026-11#1',
      '2026-11#2',
      '2026-11#3',
      '2026-12#1',
      '2026-12#2',
      '2026-12#3',
    ]);
    for (const r of rows) {
      // Moscow business hours: 09:00–18:00 local = 06:00–15:00Z on weekdays.
      const d = new Date(r.starts_at);
      expect(d.getUTCHours()).toBeGreaterThanOrEqual(6);
      expect(d.getUTCHours()).toBeLessThan(15);
      expect([0, 6]).not.toContain(d.getUTCDay());
    }
    // Edit in mid-November: rounds already started stay; those ahead follow the new rule.
    t.clock.set('2026-11-15T00:00:00.000Z');
    const edited = await t.services.auditSchedules.update(cli, s.id, {
      template_id: templateId,
      unit: 'HR',
      rule: { kind: 'weekly', weekday: 5, time: '15:00' },
      due_after: 'PT4H',
      grace: 'PT0M',
      auditor_ids: [auditor.id],
    });
    expect(edited.starts_on).toBe('2026-10-01');
    const after = await roundRows(s.id);
    const started = rows.filter((r) => r.starts_at <= '2026-11-15T00:00:00.000Z');
    expect(after.slice(0, started.length)).toEqual(started);
    expect(after.slice(started.length).every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.key))).toBe(true);
    expect(after.slice(started.length)[0]).toMatchObject({
      key: '2026-11-20',
      starts_at: '2026-11-20T12:00:00.000Z',
    });
    // Deleted: the rounds ahead go, the past stays stored; lists leave the schedule out.
    await t.services.auditSchedules.delete(cli, s.id);
    expect((await roundRows(s.id)).length).toBe(started.length);
    expect((await t.services.auditSchedules.list(cli)).items.map((x) => x.id)).not.toContain(s.id);
  });

  it('n per month draws in the unit’s own (inherited) calendar when it has one', async () => {
    t.clock.set('2026-10-01T00:00:00.000Z');
    const units = await database().db.selectFrom('units').select(['id', 'code']).execute();
    const it = units.find((u) => u.code === 'IT')!.id;
    await t.services.units.update(cli, it, { calendar: 'late' });
    const s = await t.services.auditSchedules.create(cli, {
      template_id: templateId,
      unit: 'IT',
      rule: { kind: 'n_per_month', n: 4 },
      due_after: 'PT2H',
      grace: 'PT0M',
      starts_on: '2026-10-01',
      auditor_ids: [auditor.id],
    });
    const rows = await roundRows(s.id);
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      // Saturdays 16:00–20:00 Moscow = 13:00–17:00Z.
      const d = new Date(r.starts_at);
      expect(d.getUTCDay()).toBe(6);
      expect(d.getUTCHours()).toBeGreaterThanOrEqual(13);
      expect(d.getUTCHours()).toBeLessThan(17);
    }
    await t.services.auditSchedules.delete(cli, s.id);
    await t.services.units.update(cli, it, { calendar: null });
  });

  it('refuses bad schedules naming each field, and anyone but quality leads', async () => {
    const staff = await person('staff');
    const issues = async (input: Record<string, unknown>) => {
      try {
        await weekly(input);
      } catch (e) {
        if (e instanceof ValidationError) return e.issues.map((i) => `${i.path}:${i.code ?? ''}`).sort();
        throw e;
      }
      throw new Error('accepted');
    };
    expect(
      await issues({
        unit: 'NOPE',
        template_id: '01900000-0000-7000-8000-000000000000',
        auditor_ids: [staff.id, '01900000-0000-7000-8000-000000000001'],
        starts_on: '2026-04-10',
        ends_on: '2026-04-01',
      }),
    ).toEqual([
      'auditor_ids.0:not_auditor',
      'auditor_ids.1:unknown_user',
      'ends_on:ends_before_start',
      'template_id:unknown_template',
      'unit:unknown_unit',
    ]);
    expect(await issues({ timezone: 'Mars/Olympus' })).toEqual(['timezone:unknown_time_zone']);
    await expect(weekly().then(() => undefined)).resolves.toBeUndefined();
    const auditorTries = t.services.auditSchedules.create(auditor, {
      template_id: templateId,
      unit: 'HR',
      rule: { kind: 'weekly', weekday: 1, time: '10:00' },
      due_after: 'P1D',
      grace: 'PT0M',
      auditor_ids: [auditor.id],
    });
    await expect(auditorTries).rejects.toMatchObject({ code: 'forbidden' });
  });
});
