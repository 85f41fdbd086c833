import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../test/test-database';
import { createTestApp, type TestApp, publishCatalog } from '../../test/test-app';
import { systemActor } from '../core';
import { STANDARDS_YAML, writeFixtures } from '../../scripts/bench/engine-fixtures';
import { evaluateFiles } from './evaluation/evaluate-files';
import { readInteractionRecordBatches } from './files/interaction-records.reader';

const cli = { actor: systemActor('cli') };

describeEachDb('monitoring: the API answers what `etalon evaluate` answers', (database) => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp(database());
    dir = mkdtempSync(join(tmpdir(), 'etalon-monitoring-'));
    t.clock.set('2027-01-10T00:00:00.000Z');
    await publishCatalog(t.services, STANDARDS_YAML);
  });
  afterAll(async () => {
    await t.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('for the same records and standards, by unit and by employee, rows are identical', async () => {
    const csv = join(dir, 'records.csv');
    await writeFixtures(4000, csv, join(dir, 'records.ndjson'));
    const standards = join(dir, 'standards.yaml');
    writeFileSync(standards, STANDARDS_YAML);
    const fields = await t.services.monitoring.readerFields();
    const progress = await t.services.monitoring.importEntries(
      cli,
      readInteractionRecordBatches(csv, fields),
    );
    expect(progress.rejected_count).toBe(0);
    expect(progress.created).toBe(4000);
    for (const by of ['unit', 'employee'] as const) {
      const expected = await evaluateFiles({
        standardsPath: standards,
        interactionsPath: csv,
        asOfMs: t.clock().getTime(),
        by,
        skipInvalid: false,
      });
      const got = await t.services.monitoring.compliance(cli, { from: '2025-12-01', to: '2027-01-31', by });
      expect(got.results.length).toBeGreaterThan(50);
      expect(got.results).toEqual(expected.rows);
    }
    // The same file again changes nothing.
    const again = await t.services.monitoring.importEntries(cli, readInteractionRecordBatches(csv, fields));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4000 });
  });
});
