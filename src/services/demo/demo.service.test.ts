import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, testPasswords, type TestApp } from '../../../test/test-app';
import { actorForUser, systemActor } from '../../core';
import { parseStandardsFile } from '../../contract/standards-file.schema';
import { createDemoService } from './demo.service';
import { DEMO_CALENDAR_DEFINITION, DEMO_STANDARDS } from './demo-standards';
import { demoInteractions, demoRecordsStart } from './demo-interactions';
import { DEMO_AMENDMENT, DEMO_AUDIT_UNITS, DEMO_AUDITORS, DEMO_TEMPLATE, demoAudits } from './demo-audits';

const system = { actor: systemActor('cli') };
/** A load writes some thousands of interaction records: seconds on PostgreSQL on a busy machine. */
const LOAD_TIMEOUT = 120_000;

describeEachDb('demo standards', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database());
  });
  afterAll(() => t.app.close());

  /** The demo with the given proposal service calls replaced (to cut a load short). */
  const demoWith = (proposals: Partial<TestApp['services']['proposals']>) =>
    createDemoService(
      {
        db: database().db,
        dialect: database().dialect,
        clock: t.clock,
        passwords: testPasswords,
        version: 'test',
        sessionHours: 12,
        dataDir: '',
      },
      { ...t.services, proposals: { ...t.services.proposals, ...proposals } },
    );

  it('the definitions are a valid etalon/v1 file', () => {
    const result = parseStandardsFile({
      version: 'etalon/v1',
      calendars: [DEMO_CALENDAR_DEFINITION],
      standards: DEMO_STANDARDS,
    });
    // Units and employees live in the organization, not in this file: only those references fail.
    const problems = result.ok ? [] : result.issues.filter((i) => !/unknown unit/.test(i.message));
    expect(problems).toEqual([]);
  });

  it(
    'a load cut short after opening the catalog proposal publishes that same proposal when run again',
    { timeout: LOAD_TIMEOUT },
    async () => {
      const failing = demoWith({
        publishNow: () => Promise.reject(new Error('the power went out')),
      });
      await expect(failing.load(system, 'en')).rejects.toThrow('the power went out');
      const left = await t.services.proposals.list(system, {});
      expect(left.items.map((p) => [p.title, p.status])).toEqual([
        ["North Wind's service standards", 'draft'],
      ]);

      const report = await t.services.demo.load(system, 'en');
      expect(report).toEqual({
        units: 0,
        employees: 0,
        cells: 0,
        standards: DEMO_STANDARDS.length + 1,
        proposals: 1,
        interactions: expect.any(Number),
      });
      expect(report.interactions).toBeGreaterThan(4000);
      const proposals = (await t.services.proposals.list(system, {})).items;
      expect(proposals.map((p) => [p.number, p.status, p.author_label])).toEqual([
        [2, 'open', 'demo'],
        [1, 'published', 'demo'],
      ]);
      const published = await t.services.proposals.get(system, proposals[1]!.id);
      expect(published.published_directly).toBe(true);
      // Back-dated to the start of the test clock's year in Moscow.
      const tel = await t.services.catalog.getStandard(system, 'TEL-01');
      expect(tel.current.effective_from).toBe('2025-12-31T21:00:00.000Z');
      expect(tel.status).toBe('active');
      const calendar = await t.services.catalog.getCalendar(system, 'MSK-OFFICE');
      expect(calendar.current.definition!.holidays).toContain('--01-07');
      expect(calendar.used_by).toContain('MAIL-02');

      // The change in discussion: MAIL-02 from 8 to 4 business hours, on version 1.
      const open = await t.services.proposals.get(system, proposals[0]!.id);
      expect(open.changes).toHaveLength(1);
      expect(open.changes[0]).toMatchObject({
        entity: 'standard',
        action: 'change',
        code: 'MAIL-02',
        base_version: 1,
      });
      expect((open.changes[0]!.after as { measure: unknown }).measure).toEqual({
        type: 'response_time',
        within: '4h',
        clock: 'business',
      });
      // Comments are signed by people: the CLI's load leaves none.
      expect((await t.services.proposals.comments(system, open.id)).total).toBe(0);
    },
  );

  it('a person loading it again adds only the comment, once', { timeout: LOAD_TIMEOUT }, async () => {
    const admin = { actor: actorForUser((await createPerson(t.services, 'admin')).user) };
    expect(await t.services.demo.load(admin, 'ru')).toEqual({
      units: 0,
      employees: 0,
      cells: 0,
      standards: 0,
      proposals: 0,
      interactions: 0,
    });
    const open = (await t.services.proposals.list(admin, { status: 'open' })).items[0]!;
    const comments = await t.services.proposals.comments(admin, open.id);
    expect(comments.items.map((c) => c.body)).toEqual([expect.stringMatching(/^Для отдела кадров 4 часа/)]);
    await t.services.demo.load(admin, 'ru');
    expect((await t.services.proposals.comments(admin, open.id)).total).toBe(1);
    expect((await t.services.proposals.list(admin, {})).total).toBe(2);
  });
});

describe('demo interaction records (generated)', () => {
  const now = Date.parse('2026-11-27T20:00:00.000Z');
  const from = demoRecordsStart(new Date(now));

  it('start on the 1st of the month two months back, Moscow time', () => {
    expect(new Date(from).toISOString()).toBe('2026-08-31T21:00:00.000Z');
    expect(new Date(demoRecordsStart(new Date('2026-03-02T09:00:00.000Z'))).toISOString()).toBe(
      '2025-12-31T21:00:00.000Z',
    );
    // In January, from November: the demo's catalog is then back-dated to 1 November.
    expect(new Date(demoRecordsStart(new Date('2027-01-05T09:00:00.000Z'))).toISOString()).toBe(
      '2026-10-31T21:00:00.000Z',
    );
  });

  it('are the same for the same date whenever they are generated; only what had not happened yet differs', () => {
    const a = demoInteractions(from, now);
    const b = demoInteractions(from, now + 7 * 86_400_000);
    expect(a.length).toBeGreaterThan(8000);
    expect(a.length).toBeLessThan(20_000);
    expect(new Set(a.map((r) => r.id)).size).toBe(a.length);
    const later = new Map(b.map((r) => [r.id, r]));
    const differ = a.filter((r) => JSON.stringify(r) !== JSON.stringify(later.get(r.id)));
    // Only e-mails and letters whose reply had not come by `now` change (they get it later).
    expect(differ.length).toBeGreaterThan(0);
    expect(
      differ.every((r) => r.answered_at === undefined && later.get(r.id)!.answered_at !== undefined),
    ).toBe(true);
    expect(new Set(a.map((r) => r.channel))).toEqual(new Set(['phone', 'email', 'letter', 'visit']));
    expect(a.every((r) => Date.parse(String(r.started_at)) < now)).toBe(true);
  });

  it('greet in Russian and in English, some without a part of the standard greeting', () => {
    const greetings = demoInteractions(from, now).flatMap((r) => (r.greeting ? [String(r.greeting)] : []));
    expect(greetings.some((g) => /^Добрый день, Отдел кадров, .+, слушаю\.$/.test(g))).toBe(true);
    expect(greetings.some((g) => /^Good morning, IT service desk, .+ speaking\.$/.test(g))).toBe(true);
    expect(greetings.filter((g) => g === 'Алло?' || g === 'Hello?').length).toBeGreaterThan(0);
  });
});

describe('demo audits (generated)', () => {
  const now = Date.parse('2026-11-27T20:00:00.000Z');
  const from = Date.parse('2025-12-31T21:00:00.000Z');
  const DAY = 86_400_000;

  it('are weekly per unit for about three months, on weekdays 10:00–16:00 in Moscow, the same every run', () => {
    const a = demoAudits(now, from);
    expect(a).toEqual(demoAudits(now, from));
    expect(a).toHaveLength(13 * DEMO_AUDIT_UNITS.length);
    const times = a.map((x) => Date.parse(x.observedAt));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(Math.min(...times)).toBeGreaterThan(now - 14 * 7 * DAY);
    expect(Math.max(...times)).toBeLessThan(now - DAY);
    for (const t of times) {
      const msk = new Date(t + 3 * 3600_000);
      expect([1, 2, 3, 4, 5]).toContain(msk.getUTCDay());
      expect(msk.getUTCHours()).toBeGreaterThanOrEqual(10);
      expect(msk.getUTCHours()).toBeLessThan(16);
    }
    for (const unit of DEMO_AUDIT_UNITS) expect(a.filter((x) => x.unit === unit)).toHaveLength(13);
    expect(new Set(a.map((x) => x.auditor))).toEqual(new Set([0, 1]));
  });

  it('answer every item of the template with varied, plausible answers', () => {
    const a = demoAudits(now, from);
    const items = DEMO_TEMPLATE.sections.flatMap((s) => s.items.map((i) => i.standard)).sort();
    for (const x of a) expect(Object.keys(x.answers).sort()).toEqual(items);
    const values = (item: string) => new Set(a.map((x) => x.answers[item]));
    expect(values('ENV-03')).toEqual(new Set(['yes', 'no']));
    expect(values('ENV-02')).toEqual(new Set(['yes', 'no']));
    expect(values('BEH-02')).toEqual(new Set([1, 2]));
    expect(values('BEH-04')).toEqual(new Set(['yes', 'no', 'na']));
    expect([...values('BEH-01')].every((v) => typeof v === 'number' && v >= 1 && v <= 5)).toBe(true);
    // The critical sign-in is rarely missed; accounts forget more than the reception does.
    expect(a.filter((x) => x.answers['ENV-03'] === 'no').length).toBeLessThan(a.length / 5);
    const misses = (unit: string) =>
      a
        .filter((x) => x.unit === unit)
        .reduce((n, x) => n + Object.values(x.answers).filter((v) => v === 'no' || v === 1).length, 0);
    expect(misses('ACC')).toBeGreaterThan(misses('RECEPTION'));
    // The reception's latest audit says "no eye contact": the amendment corrects it.
    expect(a.filter((x) => x.unit === DEMO_AMENDMENT.unit).at(-1)!.answers[DEMO_AMENDMENT.item]).toBe(1);
  });

  it('start a day after the catalog takes effect', () => {
    const late = Date.parse('2026-10-01T00:00:00.000Z');
    const a = demoAudits(now, late);
    expect(a.length).toBeGreaterThan(0);
    expect(a.length).toBeLessThan(13 * DEMO_AUDIT_UNITS.length);
    expect(a.every((x) => Date.parse(x.observedAt) >= late + DAY)).toBe(true);
  });
});

describeEachDb('demo interaction records (loaded)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database());
    // The test clock: Monday 2 March 2026, 12:00 in Moscow — records from 1 January.
    await t.services.demo.load(system, 'en');
  }, LOAD_TIMEOUT);
  afterAll(() => t.app.close());

  const count = async (channel?: string) =>
    Number(
      (
        await database()
          .db.selectFrom('interactions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .$if(channel !== undefined, (q) => q.where('channel', '=', channel as never))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('are stored and judged: some units meet their targets, some clearly miss them', async () => {
    expect(await count()).toBeGreaterThan(4000);
    for (const channel of ['phone', 'email', 'letter', 'visit'])
      expect(await count(channel)).toBeGreaterThan(0);

    const { results } = await t.services.monitoring.compliance(system, {
      from: '2026-01-01',
      to: '2026-02-28',
      by: 'unit',
    });
    const row = (standard: string, unit: string, period: string) =>
      results.find((r) => r.standard === standard && r.unit === unit && r.period === period);
    expect(results.some((r) => r.met === true)).toBe(true);
    expect(results.some((r) => r.met === false)).toBe(true);
    // The reception picks up late; HR does not. Legal writes without templates.
    expect(row('TEL-01', 'RECEPTION', '2026-02')).toMatchObject({ met: false });
    expect(row('TEL-01', 'HR', '2026-02')).toMatchObject({ met: true });
    expect(row('MAIL-01', 'LEGAL', '2026-02')).toMatchObject({ met: false });
    expect(row('MAIL-01', 'HR', '2026-02')).toMatchObject({ met: true });
    // Accounts reply late more weeks than not; HR replies within a business day nearly every week.
    const weeks = (unit: string) => results.filter((r) => r.standard === 'MAIL-02' && r.unit === unit);
    const missed = (unit: string) => weeks(unit).filter((r) => r.met === false).length;
    expect(weeks('ACC').length).toBeGreaterThan(6);
    expect(missed('ACC')).toBeGreaterThan(weeks('ACC').length / 2);
    expect(missed('HR')).toBeLessThan(missed('ACC'));
  });

  it('leave a few recent e-mails pending, which become breaches when their day runs out', async () => {
    const pendingNow = async () => {
      const { results } = await t.services.monitoring.compliance(system, {
        from: '2026-02-23',
        to: '2026-03-02',
        by: 'unit',
        standard: ['MAIL-02'],
      });
      return results.reduce((sum, r) => sum + r.pending, 0);
    };
    const before = await pendingNow();
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(30);
    t.clock.advance(3 * 86_400_000);
    await t.services.monitoring.settleDue();
    expect(await pendingNow()).toBe(0);
    t.clock.advance(-3 * 86_400_000);
  });

  it('mark the IT desk phone outage as an exclusion window: calls in it are not judged, with the reason', async () => {
    const windows = (await t.services.exclusions.list(system)).items;
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatchObject({
      units: ['IT-DESK'],
      channels: ['phone'],
      standards: ['TEL-01', 'TEL-02'],
      starts_at: '2026-02-18T11:00:00.000Z',
      ends_at: '2026-02-18T14:30:00.000Z',
    });
    const inside = await database()
      .db.selectFrom('interactions')
      .select('id')
      .where('channel', '=', 'phone')
      .where('started_at', '>=', Date.parse(windows[0]!.starts_at))
      .where('started_at', '<', Date.parse(windows[0]!.ends_at))
      .execute();
    const details = await Promise.all(inside.map((r) => t.services.monitoring.interaction(system, r.id)));
    const it = details.filter((d) => d.unit.code === 'IT-DESK');
    expect(it.length).toBeGreaterThan(5);
    for (const d of it)
      for (const v of d.verdicts.filter((x) => x.standard === 'TEL-01'))
        expect(v).toMatchObject({ verdict: 'na', reason: expect.stringMatching(/PBX outage/) });
    // Other units' calls that afternoon are judged as usual.
    expect(
      details.some((d) => d.unit.code !== 'IT-DESK' && d.verdicts.some((v) => v.verdict === 'pass')),
    ).toBe(true);
  });

  it('include the reception audit template and the audits since the catalog took effect, one amended', async () => {
    const templates = (await t.services.auditTemplates.list(system)).items;
    expect(templates.map((x) => [x.code, x.items, x.latest_version, x.pass_mark])).toEqual([
      [DEMO_TEMPLATE.code, 6, 1, 0.8],
    ]);
    const audits = (await t.services.audits.list(system, { limit: 500 })).items;
    // The test clock is 2 March 2026; the catalog is in force from 1 January.
    const plan = demoAudits(t.clock().getTime(), Date.parse('2025-12-31T21:00:00.000Z'));
    expect(plan.length).toBeGreaterThan(20);
    expect(audits).toHaveLength(plan.length);
    expect(audits.every((a) => a.status === 'submitted')).toBe(true);
    expect(new Set(audits.map((a) => a.outcome))).toEqual(new Set(['passed', 'failed']));
    expect(new Set(audits.map((a) => a.unit.code))).toEqual(new Set(DEMO_AUDIT_UNITS));
    // Made by the two demo auditors, each at its own past instant.
    expect(new Set(audits.map((a) => `${a.auditor.kind} ${a.auditor.label}`))).toEqual(
      new Set(DEMO_AUDITORS.map((x) => `user ${x.name.en}`)),
    );
    const users = (await t.services.users.list(system, { limit: 100, offset: 0 })).items;
    for (const a of DEMO_AUDITORS)
      expect(users.find((u) => u.email === a.email)).toMatchObject({ role: 'auditor', status: 'active' });
    const amended = audits.filter((a) => a.amendments > 0);
    expect(amended).toHaveLength(1);
    const detail = await t.services.audits.get(system, amended[0]!.id);
    expect(detail.unit.code).toBe('RECEPTION');
    expect(detail.answers[DEMO_AMENDMENT.item]).toBe(2);
    expect(detail.amendment_history[0]).toMatchObject({ reason: DEMO_AMENDMENT.reason.en });
    expect(Date.parse(detail.submitted_at!)).toBeLessThan(t.clock().getTime());
  });

  it('schedule the reception audit weekly in each audited unit, with rounds from this week on', async () => {
    const schedules = (await t.services.auditSchedules.list(system)).items;
    expect(schedules.map((s) => s.unit.code).sort()).toEqual([...DEMO_AUDIT_UNITS].sort());
    expect(schedules.every((s) => s.template.code === DEMO_TEMPLATE.code)).toBe(true);
    const rounds = (await t.services.auditSchedules.rounds(system, {} as never)).items;
    // Each unit has a round this week (due, overdue or missed by now) and rounds ahead.
    for (const unit of DEMO_AUDIT_UNITS) {
      const mine = rounds.filter((r) => r.unit.code === unit);
      expect(mine.some((r) => r.state === 'scheduled')).toBe(true);
      expect(mine.every((r) => Date.parse(r.starts_at) >= t.clock().getTime() - 7 * 86_400_000)).toBe(true);
    }
  });

  it('hold one revealed calibration session: the auditors agree on the environment, not on the smile', async () => {
    const sessions = (await t.services.calibration.list(system)).items;
    expect(sessions).toHaveLength(1);
    const session = await t.services.calibration.get(system, sessions[0]!.id);
    expect(session.status).toBe('revealed');
    const results = session.results!;
    expect(results.auditors).toHaveLength(DEMO_AUDITORS.length);
    const verdict = (item: string) => results.items.find((i) => i.item_id === item)!.agreement;
    expect(verdict('ENV-03')).toMatchObject({ level: 'nominal', verdict: 'reliable', alpha: 1 });
    expect(verdict('BEH-01').level).toBe('ordinal');
    expect(verdict('BEH-01').alpha!).toBeLessThan(0.667);
    expect(verdict('BEH-01').verdict).toBe('disagree');
    // The second auditor rates the smile higher: more lenient on the ordinal scale.
    const lenient = (name: string) => {
      const id = results.auditors.find((a) => a.name === name)!.user_id;
      return results.leniency.find((l) => l.user_id === id && l.level === 'ordinal')!.mean_deviation!;
    };
    expect(lenient(DEMO_AUDITORS[1]!.name.en)).toBeGreaterThan(0);
    expect(lenient(DEMO_AUDITORS[0]!.name.en)).toBeLessThan(0);
  });

  it('are not duplicated by a second load', { timeout: LOAD_TIMEOUT }, async () => {
    const audits = (await t.services.audits.list(system, { limit: 500 })).items.length;
    const before = await count();
    expect((await t.services.demo.load(system, 'en')).interactions).toBe(0);
    expect(await count()).toBe(before);
    expect((await t.services.exclusions.list(system)).items).toHaveLength(1);
    expect((await t.services.audits.list(system, { limit: 500 })).items).toHaveLength(audits);
    expect((await t.services.auditTemplates.list(system)).items).toHaveLength(1);
    expect((await t.services.auditSchedules.list(system)).items).toHaveLength(DEMO_AUDIT_UNITS.length);
    expect((await t.services.calibration.list(system)).items).toHaveLength(1);
  });
});

describeEachDb('demo loaded in January', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database());
  });
  afterAll(() => t.app.close());

  it(
    'back-dates its catalog to November, so the records since then are judged',
    { timeout: LOAD_TIMEOUT },
    async () => {
      t.clock.set('2027-01-05T09:00:00.000Z');
      const report = await t.services.demo.load(system, 'en');
      expect(report.interactions).toBeGreaterThan(4000);
      const tel = await t.services.catalog.getStandard(system, 'TEL-01');
      expect(tel.current.effective_from).toBe('2026-10-31T21:00:00.000Z');
      const { results } = await t.services.monitoring.compliance(system, {
        from: '2026-11-01',
        to: '2026-11-30',
        by: 'unit',
        standard: ['TEL-01'],
      });
      expect(results.reduce((sum, r) => sum + r.pass + r.fail, 0)).toBeGreaterThan(1000);
    },
  );
});
