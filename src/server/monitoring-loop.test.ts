import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import { createTestApp, type TestApp, publishCatalog } from '../../test/test-app';
import { systemActor } from '../core';
import { STANDARDS_YAML } from '../../scripts/bench/engine-fixtures';
import { monitoringLoop } from './monitoring-loop';

const cli = { actor: systemActor('cli') };

describeEachDb("the server's monitoring loop", (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database());
    t.clock.set('2026-03-02T09:00:00.000Z');
    await publishCatalog(t.services, STANDARDS_YAML);
  });
  afterAll(async () => {
    await t.app.close();
  });

  /** Stored verdicts, read without settling first. */
  const verdictsOf = async (id: string) => {
    const row = await database()
      .db.selectFrom('interactions')
      .select('verdicts')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return Object.fromEntries((JSON.parse(row.verdicts) as string[][]).map((v) => [v[0], v[2]]));
  };

  it('runs the queued jobs and settles what is due at start; stopping waits for both', async () => {
    // An unanswered e-mail, pending until 13:00Z (4 business hours in Moscow), and an answered one
    // the day before, inside an exclusion window (its re-judging does not reach the first).
    await t.services.monitoring.ingest(
      cli,
      [
        { id: 'loop-1', channel: 'email', unit: 'HR', started_at: '2026-03-02T08:00:00.000Z' },
        {
          id: 'loop-0',
          channel: 'email',
          unit: 'HR',
          started_at: '2026-03-01T08:00:00.000Z',
          answered_at: '2026-03-01T09:00:00.000Z',
          template: 'T-STD-1',
        },
      ],
      false,
    );
    expect(await verdictsOf('loop-0')).toMatchObject({ 'MAIL-02': 'pass' });
    await t.services.exclusions.create(cli, {
      starts_at: '2026-03-01T00:00:00.000Z',
      ends_at: '2026-03-02T00:00:00.000Z',
      standards: ['MAIL-02'],
      reason: 'Template store down',
    });
    expect(await t.services.monitoring.jobs(cli, { active: true })).toHaveLength(1);
    t.clock.set('2026-03-02T14:00:00.000Z');
    const errors: unknown[] = [];
    const log = { info: () => undefined, error: (o: unknown) => errors.push(o) } as never;
    const loop = monitoringLoop(t.services, log);
    loop.start();
    await loop.stop();
    expect(errors).toEqual([]);
    expect(await t.services.monitoring.jobs(cli, { active: true })).toEqual([]);
    expect(await verdictsOf('loop-1')).toMatchObject({ 'MAIL-01': 'fail' });
    expect(await verdictsOf('loop-0')).toMatchObject({ 'MAIL-02': 'na' });
  });
});
