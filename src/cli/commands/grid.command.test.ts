import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runEtalonOn } from '../../../test/run-etalon';
import { createTestApp } from '../../../test/test-app';
import { describeEachDb } from '../../../test/test-database';
import { systemActor } from '../../core';

/** Each run starts a Node process: seconds each on a busy two-core machine. */
const CLI_TIMEOUT = 120_000;

const dir = mkdtempSync(join(tmpdir(), 'etalon-grid-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachDb('etalon grid export / import', (database) => {
  const etalon = (args: string[]) => runEtalonOn(database(), args);
  const file = (name: string, text: string) => {
    const path = join(dir, `${database().dialect}-${name}`);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    const { services, app } = await createTestApp(database());
    const ctx = { actor: systemActor('test') };
    for (const code of ['HR', 'IT'])
      await services.units.create(ctx, {
        code,
        name: { en: code },
        parent_id: null,
        timezone: null,
        calendar: null,
        contact: null,
        head_ids: [],
      });
    await app.close();
  });

  it('refuses a bad file: exit 2, every bad row named', { timeout: CLI_TIMEOUT }, async () => {
    const bad = file(
      'bad.csv',
      'provider_kind,provider_code,recipient_code,support_types\nunit,HR,IT,information\nunit,NOPE,IT,information\nunit,IT,HR,magic\n',
    );
    const run = await etalon(['grid', 'import', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The file was not imported: 2 problem(s); nothing was changed');
    expect(run.stderr).toContain('CSV:3 [B] provider_code (IT): no unit with code NOPE');
    expect(run.stderr).toContain('CSV:4 [D] support_types (HR): unknown support type "magic"');
  });

  it(
    'imports a CSV, exports it back, and a dry run of the XLSX export changes nothing',
    { timeout: CLI_TIMEOUT },
    async () => {
      const good = file(
        'good.csv',
        'provider_kind,provider_code,recipient_code,support_types,instructions\nunit,HR,IT,information; Консультация,Звоните 2041\n',
      );
      const run = await etalon(['grid', 'import', good]);
      expect(run).toMatchObject({
        code: 0,
        stdout: 'Imported: cells 1 created, 0 updated, 0 deleted, 0 unchanged\n',
      });
      const csv = await etalon(['grid', 'export', '--format', 'csv']);
      expect(csv.stdout).toBe(
        '\uFEFFprovider_kind,provider_code,recipient_code,support_types,instructions,expected_response,contact_code\r\n' +
          'unit,HR,IT,information; consultation,Звоните 2041,,\r\n',
      );
      const book = join(dir, `${database().dialect}-grid.xlsx`);
      expect((await etalon(['grid', 'export', '-o', book])).code).toBe(0);
      expect(readFileSync(book).subarray(0, 2).toString('latin1')).toBe('PK');
      const dry = await etalon(['grid', 'import', book, '--dry-run']);
      expect(dry.stdout).toBe(
        'Dry run, nothing written — would change: cells 0 created, 0 updated, 0 deleted, 1 unchanged\n',
      );
    },
  );
});
