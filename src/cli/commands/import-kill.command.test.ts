import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { runEtalon, runEtalonOn } from '../../../test/run-etalon';
import { describeEachDb, type TestDatabase } from '../../../test/test-database';
import {
  expectRollupsMatchVerdicts,
  expectSameResults,
  STANDARDS_YAML,
  writeSettledCsv,
} from './monitoring-cli.fixture';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'etalon-import-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The environment runEtalonOn gives a command: this database only, quiet logs. */
function envOf(database: TestDatabase): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ETALON_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  env.ETALON_DATA_DIR = database.options.dataDir;
  if (database.options.databaseUrl) env.DATABASE_URL = database.options.databaseUrl;
  return env;
}

describeEachDb('etalon import killed with SIGKILL, then run again', (database) => {
  it(
    'the second run completes it: exactly N records, roll-ups equal to the stored verdicts, the report equal to evaluate',
    { timeout: 400_000 },
    async () => {
      const standards = join(dir, `standards-${database().dialect}.yaml`);
      writeFileSync(standards, STANDARDS_YAML);
      const file = join(dir, `big-${database().dialect}.csv`);
      const n = await writeSettledCsv(file, 40_000);
      const applied = await runEtalonOn(database(), [
        'standards',
        'apply',
        '-f',
        standards,
        '--publish',
        '--effective-from',
        '2025-12-31',
      ]);
      expect(applied.code).toBe(0);

      const db = database().db;
      const stored = async () =>
        Number(
          (
            await db
              .selectFrom('interactions')
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );

      // Small transactions, so that several are committed before the kill and more are still to come.
      const child = spawn(process.execPath, ['bin/etalon.mjs', 'import', file, '--batch', '2000'], {
        cwd: ROOT,
        env: envOf(database()),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = once(child, 'exit');
      // Wait (polling the database) until some chunks are committed, then kill it mid-import.
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the import ended before it was killed: ${stderr}`);
        if ((await stored()) >= 10_000) break;
        await delay(50);
      }
      child.kill('SIGKILL');
      const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
      expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
      const committed = await stored();
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBeLessThan(n);

      const again = await runEtalonOn(database(), ['import', file]);
      expect(again.stderr).toContain(`${n} record(s) in`);
      // What the killed run committed is there whole: nothing half-written, nothing twice.
      expect(again.stderr).toContain(
        `${n - committed} created, 0 updated, ${committed} unchanged, 0 rejected`,
      );
      expect(again.code).toBe(0);
      expect(await stored()).toBe(n);
      const distinct = await db
        .selectFrom('interactions')
        .select((e) => e.fn.count('id').distinct().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(distinct.n)).toBe(n);

      const counts = await expectRollupsMatchVerdicts(db);
      // Phone calls alone (3 in 8) carry two verdicts each: the recount is not of an empty table.
      expect(Object.values(counts).reduce((s, c) => s + c.reduce((a, b) => a + b, 0), 0)).toBeGreaterThan(
        n / 2,
      );

      // From December: the first hours of 1 January (UTC) are 31 December at the New York desk (CHAT-01).
      const report = await runEtalonOn(database(), [
        'report',
        '--from',
        '2025-12-01',
        '--to',
        '2026-12-31',
        '--format',
        'json',
      ]);
      expect(report.code).toBe(0);
      const asOf = (JSON.parse(report.stdout) as { as_of: string }).as_of;
      const evaluated = await runEtalon([
        'evaluate',
        '--standards',
        standards,
        '--interactions',
        file,
        '--as-of',
        asOf,
        '--format',
        'json',
      ]);
      expect(evaluated.code).toBe(0);
      expectSameResults(report.stdout, evaluated.stdout);
    },
  );
});
