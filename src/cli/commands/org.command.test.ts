import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runEtalonOn } from '../../../test/run-etalon';
import { describeEachDb } from '../../../test/test-database';
import { scratchDir } from '../../../test/scratch-dir';

/** Each run starts a Node process: seconds each on a busy two-core machine. */
const CLI_TIMEOUT = 120_000;

const { dir, write } = scratchDir('etalon-org-cli-');

describeEachDb('etalon org export / import', (database) => {
  const etalon = (args: string[]) => runEtalonOn(database(), args);

  it(
    'refuses a file with a bad row: exit 2, every bad row named, nothing written',
    { timeout: CLI_TIMEOUT },
    async () => {
      const file = write(
        `bad-${database().dialect}.csv`,
        'code,name_ru,parent_code\nORG,Компания,\nHR,Кадры,NOPE\nHR,Дубль,ORG\n',
      );
      const run = await etalon(['org', 'import', file, '--kind', 'units']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('The file was not imported: 2 problem(s); nothing was changed');
      expect(run.stderr).toContain('Units:3 [C] parent_code (HR): no unit with code NOPE');
      expect(run.stderr).toContain('Units:4 [A] code (HR): code HR is listed twice (first on line 3)');
      const csv = await etalon(['org', 'export', '--format', 'csv', '--kind', 'units']);
      expect(csv.code).toBe(0);
      expect(csv.stdout.trim().split('\n')).toHaveLength(1); // the header only
    },
  );

  it(
    'imports, exports CSV to stdout and XLSX to a file, and a dry run of that file changes nothing',
    { timeout: CLI_TIMEOUT },
    async () => {
      const file = write(
        `good-${database().dialect}.csv`,
        'code,name_ru,parent_code\nHR,Кадры,ORG\nORG,Компания,\n',
      );
      const run = await etalon(['org', 'import', file, '--kind', 'units']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toBe(
        'Imported: units 2 created, 0 updated, 0 unchanged; employees 0 created, 0 updated, 0 unchanged\n',
      );
      const csv = await etalon(['org', 'export', '--format', 'csv', '--kind', 'units']);
      expect(csv.stdout.startsWith('\uFEFFcode,name_ru,name_en,parent_code,')).toBe(true);
      expect(csv.stdout).toContain('\r\nORG,Компания,,,');
      expect(csv.stdout).toContain('\r\nHR,Кадры,,ORG,');

      const book = join(dir, `org-${database().dialect}.xlsx`);
      const exported = await etalon(['org', 'export', '--format', 'xlsx', '-o', book]);
      expect(exported.code).toBe(0);
      expect(readFileSync(book).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
      const dry = await etalon(['org', 'import', book, '--dry-run']);
      expect(dry).toMatchObject({ code: 0 });
      expect(dry.stdout).toBe(
        'Dry run, nothing written — would change: units 0 created, 0 updated, 2 unchanged; employees 0 created, 0 updated, 0 unchanged\n',
      );
    },
  );

  it('a CSV without --kind, or a missing file: exit 2', { timeout: CLI_TIMEOUT }, async () => {
    const file = write('kindless.csv', 'code,name_ru\nX,Икс\n');
    const kindless = await etalon(['org', 'import', file]);
    expect(kindless.code).toBe(2);
    expect(kindless.stderr).toContain('units or employees');
    const missing = await etalon(['org', 'import', join(dir, 'nope.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.xlsx');
  });
});
