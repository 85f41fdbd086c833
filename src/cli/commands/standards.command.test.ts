import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runEtalonOn } from '../../../test/run-etalon';
import { describeEachDb } from '../../../test/test-database';
import { BOOTSTRAP } from '../../services/standards-code/standards-code.fixture';
import { scratchDir } from '../../../test/scratch-dir';

/** Each run starts a Node process: seconds each on a busy two-core machine. */
const CLI_TIMEOUT = 120_000;

const { dir, write } = scratchDir('etalon-standards-cli-');

describeEachDb('etalon standards export / apply', (database) => {
  const etalon = (args: string[]) => runEtalonOn(database(), args);

  it(
    'a file that does not validate: exit 2, every problem with file, line, standard and field; nothing written',
    { timeout: CLI_TIMEOUT },
    async () => {
      const file = write(
        `bad-${database().dialect}.yaml`,
        BOOTSTRAP.replace('units: [HR]', 'units: [SALES]').replace('max: 3}', 'min: 5, max: 3}'),
      );
      const run = await etalon(['standards', 'apply', '-f', file, '--publish']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        `bad-${database().dialect}.yaml was not applied: 2 problem(s); nothing was changed`,
      );
      expect(run.stderr).toContain(
        `  bad-${database().dialect}.yaml:30: standard TEL-01: units.0: unknown unit "SALES"\n`,
      );
      expect(run.stderr).toContain(
        `  bad-${database().dialect}.yaml:33: standard TEL-01: measure: min 5 is above max 3\n`,
      );
      const exported = await etalon(['standards', 'export']);
      expect(exported.code).toBe(0);
      expect(exported.stdout).toContain('standards: []');
      expect(exported.stdout).toContain('units: []');
    },
  );

  it(
    'applies with --dry-run (nothing written), then --publish back-dated; the export applies back as "no changes"',
    { timeout: CLI_TIMEOUT },
    async () => {
      const file = write(`standards-${database().dialect}.yaml`, BOOTSTRAP);
      const dry = await etalon(['standards', 'apply', '-f', file, '--dry-run']);
      expect(dry).toMatchObject({ code: 0, stderr: '' });
      expect(dry.stdout).toBe(
        [
          '+ calendar office  Office',
          '+ standard TEL-01  Answer by the 3rd ring',
          '+ standard MAIL-01  Reply to written requests within a business day',
          '+ standard GRT-01  Standard greeting',
          '+ standard SMILE-01  Smile',
          '+ standard DESK-01  A tidy reception desk',
          '+ unit ORG',
          '+ unit HR',
          '+ unit IT',
          '+ employee E1',
          '+ employee E2',
          'dry run: nothing written',
          '',
        ].join('\n'),
      );
      const applied = await etalon([
        'standards',
        'apply',
        '-f',
        file,
        '--publish',
        '--effective-from',
        '2026-01-01',
        '--title',
        'First catalog',
      ]);
      expect(applied).toMatchObject({ code: 0, stderr: '' });
      expect(applied.stdout.trim().split('\n').at(-1)).toBe('proposal #1 published');

      const out = join(dir, `export-${database().dialect}.yaml`);
      const exported = await etalon(['standards', 'export', '--output', out]);
      expect(exported.code).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text).toContain('code: TEL-01');
      const again = await etalon(['standards', 'apply', '-f', out]);
      expect(again).toMatchObject({ code: 0, stdout: 'no changes\n' });

      const changed = write(
        `changed-${database().dialect}.yaml`,
        text.replace('target: 0.9\n', 'target: 0.95\n'),
      );
      const proposal = await etalon(['standards', 'apply', '-f', changed]);
      expect(proposal.code).toBe(0);
      expect(proposal.stdout).toMatch(
        /^~ standard (MAIL|TEL)-01 \(v1 → v2\): target 0.9 → 0.95\nproposal #2 opened\n$/,
      );

      const hr = await etalon(['standards', 'export', '--unit', 'IT']);
      expect(hr.stdout).not.toContain('code: TEL-01');
      expect(hr.stdout).toContain('code: DESK-01');
      const bad = await etalon(['standards', 'apply', '-f', file, '--effective-from', 'soon']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--effective-from "soon" is not an ISO instant or a day YYYY-MM-DD');
    },
  );
});
