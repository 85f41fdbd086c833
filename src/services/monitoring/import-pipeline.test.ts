import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../../test/test-database';
import { createTestApp, type TestApp, publishCatalog } from '../../../test/test-app';
import { expectRollupsConsistent } from '../../../test/monitoring-rollups';
import { STANDARDS_YAML, writeFixtures } from '../../../scripts/bench/engine-fixtures';
import { systemActor } from '../../core';
import type { RejectedRecord } from '../../contract/monitoring.schema';
import type { Db } from '../../db/database';

const cli = { actor: systemActor('cli') };

/** Everything an import leaves behind, in a fixed order, without the batch number and write time. */
async function snapshot(db: Db) {
  const q = async (text: string) => (await sql.raw<Record<string, unknown>>(text).execute(db)).rows;
  return {
    interactions: await q(
      'select id, channel, unit_id, employee_id, started_at, answered_at, data, verdicts from interactions order by id',
    ),
    findings: await q('select * from findings order by interaction_id, standard'),
    unit: await q('select * from rollups_unit order by grain, period, standard, unit_id, channel, version'),
    employee: await q(
      'select * from rollups_employee order by grain, period, standard, unit_id, employee_id, channel, version',
    ),
  };
}

async function wipe(db: Db) {
  for (const table of ['interactions', 'findings', 'rollups_unit', 'rollups_employee'])
    await sql.raw(`delete from ${table}`).execute(db);
}

/** Four imports of a few thousand records each and two worker threads started: work, not timing. */
const IMPORTS_TIMEOUT = 90_000;

describeEachDb('a file imported in a worker thread', (database) => {
  let t: TestApp;
  let dir: string;
  let first: string;
  let second: string;
  beforeAll(async () => {
    t = await createTestApp(database());
    dir = mkdtempSync(join(tmpdir(), 'etalon-pipeline-'));
    t.clock.set('2027-01-10T00:00:00.000Z');
    await publishCatalog(t.services, STANDARDS_YAML);
    first = join(dir, 'first.csv');
    await writeFixtures(3000, first, '/dev/null');
    // The second file: 1,000 records as they were, 500 changed (started an hour earlier: still before their answers), 500 new,
    // and two bad lines.
    const [header, ...all] = readFileSync(first, 'utf8').trimEnd().split('\n');
    // Lines without quoted cells, so a cell can be changed by splitting at commas.
    const lines = all.filter((line) => !line.includes('"'));
    expect(lines.length).toBeGreaterThan(2000);
    const earlier = (line: string) => {
      const cells = line.split(',');
      cells[4] = new Date(Date.parse(cells[4]!) - 3_600_000).toISOString();
      return cells.join(',');
    };
    const fresh = (line: string) => line.replace(/^r(\d+),/, (_, n: string) => `new${n},`);
    second = join(dir, 'second.csv');
    writeFileSync(
      second,
      [
        header,
        ...lines.slice(0, 1000),
        ...lines.slice(1000, 1500).map(earlier),
        ...lines.slice(1500, 2000).map(fresh),
        'bad1,phone,NOWHERE,,2026-03-02T09:00:00Z,,,,,,',
        'bad2,phone,HR,,not a date,,,,,,',
      ].join('\n') + '\n',
    );
  });
  afterAll(async () => {
    await t.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'stores exactly what importing in one thread stores: records, verdicts, findings, roll-ups',
    { timeout: IMPORTS_TIMEOUT },
    async () => {
      const db = database().db;
      const run = async (inWorker: boolean) => {
        const rejected: RejectedRecord[] = [];
        const a = await t.services.monitoring.importFile(cli, first, {}, { inWorker, chunkSize: 700 });
        expect(a).toEqual({ created: 3000, updated: 0, unchanged: 0, rejected_count: 0, records: 3000 });
        const b = await t.services.monitoring.importFile(
          cli,
          second,
          {},
          { inWorker, chunkSize: 700, onRejected: (r) => rejected.push(r) },
        );
        return { a, b, rejected, stored: await snapshot(db) };
      };
      const inWorker = await run(true);
      expect(inWorker.b).toEqual({
        created: 500,
        updated: 500,
        unchanged: 1000,
        rejected_count: 2,
        records: 2002,
      });
      expect(inWorker.rejected.map((r) => [r.line, r.id, r.field])).toEqual([
        [2002, 'bad1', 'unit'],
        [2003, 'bad2', 'started_at'],
      ]);
      expect(inWorker.stored.interactions).toHaveLength(3500);
      expect(inWorker.stored.findings.length).toBeGreaterThan(1000);
      await expectRollupsConsistent(db);

      await wipe(db);
      const inOneThread = await run(false);
      expect(inOneThread.a).toEqual(inWorker.a);
      expect(inOneThread.b).toEqual(inWorker.b);
      expect(inOneThread.rejected).toEqual(inWorker.rejected);
      expect(inOneThread.stored.interactions).toEqual(inWorker.stored.interactions);
      expect(inOneThread.stored.findings).toEqual(inWorker.stored.findings);
      expect(inOneThread.stored.unit).toEqual(inWorker.stored.unit);
      expect(inOneThread.stored.employee).toEqual(inWorker.stored.employee);
    },
  );

  it(
    'reports a broken file as importing in one thread does, keeping what was written before',
    { timeout: IMPORTS_TIMEOUT },
    async () => {
      const broken = join(dir, 'broken.csv');
      const [header, ...lines] = readFileSync(first, 'utf8').trimEnd().split('\n');
      // An unclosed quote on the last line: the reader fails when it reaches the end of the file.
      writeFileSync(broken, [header, ...lines.slice(0, 1500), 'x9,"phone,HR'].join('\n'));
      const db = database().db;
      const failure = async (inWorker: boolean) => {
        await wipe(db);
        const error = await t.services.monitoring
          .importFile(cli, broken, {}, { inWorker, chunkSize: 500 })
          .then(
            () => undefined,
            (e: unknown) => e as Error & { code?: string },
          );
        const count = await sql<{ n: number }>`select count(*) as n from interactions`.execute(db);
        return {
          name: error?.name,
          code: error?.code,
          message: error?.message,
          stored: Number(count.rows[0]!.n),
        };
      };
      const worker = await failure(true);
      expect(worker.code).toBe('validation_failed');
      expect(worker.message).toMatch(/line 1502/);
      // The batches read before the broken line were written.
      expect(worker.stored).toBe(1500);
      await expectRollupsConsistent(db);
      expect(await failure(false)).toEqual(worker);

      const missing = await t.services.monitoring
        .importFile(cli, join(dir, 'no-such.csv'), {})
        .catch((e: unknown) => e as Error & { code?: string });
      expect(missing).toMatchObject({ code: 'not_found' });
    },
  );
});
