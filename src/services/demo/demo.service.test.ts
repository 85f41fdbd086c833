import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createPerson, createTestApp, testPasswords, type TestApp } from '../../../test/test-app';
import { actorForUser, systemActor } from '../../core';
import { parseStandardsFile } from '../../contract/standards-file.schema';
import { createDemoService } from './demo.service';
import { DEMO_CALENDAR_DEFINITION, DEMO_STANDARDS } from './demo-standards';

const system = { actor: systemActor('cli') };

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

  it('a load cut short after opening the catalog proposal publishes that same proposal when run again', async () => {
    const failing = demoWith({
      publishNow: () => Promise.reject(new Error('the power went out')),
    });
    await expect(failing.load(system, 'en')).rejects.toThrow('the power went out');
    const left = await t.services.proposals.list(system, {});
    expect(left.items.map((p) => [p.title, p.status])).toEqual([["North Wind's service standards", 'draft']]);

    const report = await t.services.demo.load(system, 'en');
    expect(report).toEqual({
      units: 0,
      employees: 0,
      cells: 0,
      standards: DEMO_STANDARDS.length + 1,
      proposals: 1,
    });
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
  });

  it('a person loading it again adds only the comment, once', async () => {
    const admin = { actor: actorForUser((await createPerson(t.services, 'admin')).user) };
    expect(await t.services.demo.load(admin, 'ru')).toEqual({
      units: 0,
      employees: 0,
      cells: 0,
      standards: 0,
      proposals: 0,
    });
    const open = (await t.services.proposals.list(admin, { status: 'open' })).items[0]!;
    const comments = await t.services.proposals.comments(admin, open.id);
    expect(comments.items.map((c) => c.body)).toEqual([expect.stringMatching(/^Для отдела кадров 4 часа/)]);
    await t.services.demo.load(admin, 'ru');
    expect((await t.services.proposals.comments(admin, open.id)).total).toBe(1);
    expect((await t.services.proposals.list(admin, {})).total).toBe(2);
  });
});
