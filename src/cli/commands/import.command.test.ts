import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runEtalonOn } from '../../../test/run-etalon';
import { createTestApp, createToken } from '../../../test/test-app';
import { describeEachDb } from '../../../test/test-database';
import { STANDARDS_YAML } from './monitoring-cli.fixture';
import { scratchDir } from '../../../test/scratch-dir';

/** Each run starts a Node process: seconds each on a busy two-core machine (tens when loaded). */
const CLI_TIMEOUT = 120_000;

const { dir, write } = scratchDir('etalon-import-cli-');

const HEADER = 'id,channel,unit,employee,started_at,answered_at,ended_at,rings';
const BROKEN = [
  HEADER,
  'b1,phone,HR,E1,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,2026-03-02T09:05:00Z,2',
  'b2,phone,HR,E1,not-a-date,,,',
  'b3,phone,NOPE,,2026-03-02T10:00:00Z,,,',
  'b4,email,IT,E2,2026-03-03T09:00:00Z,2026-03-03T10:00:00Z,,',
  'b1,phone,HR,E1,2026-03-02T09:00:00Z,,,',
].join('\n');

/** Their export: other column names (read through --mapping), `count` calls, two of them bad. */
function theirCalls(count: number, badLocal: number, badUnit: number) {
  const lines = ['Call ID,Kind,Dept,Agent,Start,Answered,Rings'];
  for (let i = 0; i < count; i++) {
    const started = Date.parse('2026-02-02T06:00:00Z') + i * 60_000;
    const unit = i === badUnit ? 'GHOST' : i % 2 === 0 ? 'HR' : 'IT';
    const start = i === badLocal ? 'yesterday' : new Date(started).toISOString();
    lines.push(
      `m${i},phone,${unit},${i % 2 === 0 ? 'E1' : 'E2'},${start},${new Date(started + 12_000).toISOString()},${i % 5}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
const MAPPING = JSON.stringify({ id: 'Call ID', channel: 'Kind', unit: 'Dept', employee: 'Agent' }).replace(
  '}',
  ',"started_at":"Start","answered_at":"Answered","rings":"Rings"}',
);

describeEachDb('etalon import', (database) => {
  const etalon = (args: string[]) => runEtalonOn(database(), args);
  const dialect = () => database().dialect;
  const stored = async (prefix: string) =>
    (
      await database()
        .db.selectFrom('interactions')
        .select('id')
        .where('id', 'like', `${prefix}%`)
        .orderBy('id')
        .execute()
    ).map((r) => r.id);

  beforeAll(async () => {
    const standards = write(`standards-${dialect()}.yaml`, STANDARDS_YAML);
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
  }, CLI_TIMEOUT);

  it(
    'a broken file: --atomic writes nothing; without it the good records are written, each rejected line named, exit 2',
    { timeout: CLI_TIMEOUT * 2 },
    async () => {
      const file = write(`broken-${dialect()}.csv`, BROKEN);
      const name = `broken-${dialect()}.csv`;
      const problems = [
        `  ${name}:3 (id b2) started_at: "not-a-date" is not an ISO 8601 date-time like 2026-03-02T09:15:03+03:00\n`,
        `  ${name}:4 (id b3) unit: unknown unit "NOPE"\n`,
        `  ${name}:6 (id b1) id: duplicate id "b1" (first on line 2)\n`,
      ].join('');
      const atomic = await etalon(['import', file, '--atomic']);
      expect(atomic.code).toBe(2);
      expect(atomic.stdout).toBe('');
      expect(atomic.stderr).toContain(problems);
      expect(atomic.stderr).toContain(
        '0 created, 0 updated, 0 unchanged, 3 rejected\netalon: --atomic: nothing was written\n',
      );
      expect(await stored('b')).toEqual([]);

      const run = await etalon(['import', file]);
      expect(run.code).toBe(2);
      expect(run.stderr.startsWith(problems)).toBe(true);
      expect(run.stderr).toMatch(
        new RegExp(
          `etalon: ${name}: 5 record\\(s\\) in [\\d.]+ s \\(\\d+ records/s\\): 2 created, 0 updated, 0 unchanged, 3 rejected\\n$`,
        ),
      );
      // Not a terminal: no progress bar drawn.
      expect(run.stderr).not.toContain('\r');
      expect(await stored('b')).toEqual(['b1', 'b4']);

      const again = await etalon(['import', file]);
      expect(again.stderr).toContain('0 created, 0 updated, 2 unchanged, 3 rejected');
    },
  );

  it(
    'the first 20 problems, then how many more; a file that is not there: exit 2, named',
    { timeout: CLI_TIMEOUT * 2 },
    async () => {
      const lines = [HEADER];
      for (let i = 0; i < 25; i++) lines.push(`x${i},phone,HR,E1,2026-03-0${1 + (i % 9)}T09:00:00Z,,,-1`);
      const name = `many-${dialect()}.csv`;
      const run = await etalon(['import', write(name, lines.join('\n'))]);
      expect(run.code).toBe(2);
      const shown = run.stderr.split('\n').filter((l) => l.startsWith(`  ${name}:`));
      expect(shown).toHaveLength(20);
      expect(shown[0]).toBe(`  ${name}:2 (id x0) rings: must not be negative (-1)`);
      expect(run.stderr).toContain('  … and 5 more\n');
      expect(await stored('x')).toEqual([]);

      const missing = await etalon(['import', join(dir, 'no-such-file.csv')]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(
        `etalon: cannot read ${join(dir, 'no-such-file.csv')}: ENOENT (not_found)\n`,
      );
    },
  );

  it(
    'asterisk-cdr: extensions from the employees of the organization, or from --extensions',
    { timeout: CLI_TIMEOUT * 2 },
    async () => {
      const db = database().db;
      await db.updateTable('employees').set({ extensions: '["200"]' }).where('code', '=', 'E1').execute();
      await db
        .updateTable('employees')
        .set({ extensions: '["201", "202"]' })
        .where('code', '=', 'E2')
        .execute();
      const row = (dst: string, start: string, answer: string, end: string, status: string, uid: string) =>
        `"","70000000001","${dst}","from-trunk","""Caller"" <70000000001>","SIP/trunk-1","SIP/${dst}-1","Dial","SIP/${dst},30,tT","${start}","${answer}","${end}",10,5,"${status}","DOCUMENTATION","${uid}",""`;
      const cdr = write(
        `Master-${dialect()}.csv`,
        [
          row(
            '200',
            '2026-03-02 09:15:03',
            '2026-03-02 09:15:12',
            '2026-03-02 09:17:40',
            'ANSWERED',
            'cdr.1',
          ),
          row(
            '202',
            '2026-03-02 09:20:41',
            '2026-03-02 09:20:45',
            '2026-03-02 09:21:11',
            'ANSWERED',
            'cdr.2',
          ),
        ].join('\n'),
      );
      const noZone = await etalon(['import', cdr, '--format', 'asterisk-cdr']);
      expect(noZone.code).toBe(2);
      expect(noZone.stderr).toContain('timezone: an Asterisk CDR file needs --timezone');

      const run = await etalon(['import', cdr, '--format', 'asterisk-cdr', '--timezone', 'Europe/Moscow']);
      expect(run.stderr).toContain('2 created, 0 updated, 0 unchanged, 0 rejected');
      expect(run.code).toBe(0);
      const rows = await db
        .selectFrom('interactions')
        .innerJoin('employees', 'employees.id', 'interactions.employee_id')
        .innerJoin('units', 'units.id', 'interactions.unit_id')
        .select(['employees.code as employee', 'units.code as unit', 'interactions.started_at'])
        .orderBy('interactions.started_at')
        .where('interactions.channel', '=', 'phone')
        .where('interactions.started_at', '>=', Date.parse('2026-03-02T06:15:03Z'))
        .where('interactions.started_at', '<=', Date.parse('2026-03-02T06:20:41Z'))
        .execute();
      expect(rows.map((r) => [r.employee, r.unit, Number(r.started_at)])).toEqual([
        ['E1', 'HR', Date.parse('2026-03-02T06:15:03Z')],
        ['E2', 'IT', Date.parse('2026-03-02T06:20:41Z')],
      ]);

      // The operator's own map instead: extension 202 is E3 in SALES now.
      const map = write(`extensions-${dialect()}.csv`, 'extension,unit,employee\n200,HR,E1\n202,SALES,E3\n');
      const mapped = await etalon([
        'import',
        cdr,
        '--format',
        'asterisk-cdr',
        '--timezone',
        'Europe/Moscow',
        '--extensions',
        map,
      ]);
      expect(mapped.stderr).toContain('0 created, 1 updated, 1 unchanged, 0 rejected');
      expect(mapped.code).toBe(0);
    },
  );

  it(
    'against a running server: batches of 10 000 as NDJSON, mapped columns, rejected lines named by file line; admin and integration tokens',
    { timeout: CLI_TIMEOUT * 4 },
    async () => {
      const t = await createTestApp(database());
      const port = dialect() === 'sqlite' ? 3950 : 3951;
      await t.app.listen({ host: '127.0.0.1', port });
      try {
        const server = `http://127.0.0.1:${port}`;
        const admin = await createToken(t.services, 'admin');
        const integration = await createToken(t.services, 'integration');
        const name = `their-${dialect()}.csv`;
        // 12 000 calls: line 3 broken here (never sent), line 10 005 an unknown unit (in the second batch).
        const file = write(name, theirCalls(12_000, 1, 10_003));
        const run = await etalon([
          'import',
          file,
          '--mapping',
          MAPPING,
          '--server',
          server,
          '--token',
          admin.secret,
        ]);
        expect(run.stderr).toContain(
          `  ${name}:3 (id m1) started_at: "yesterday" is not an ISO 8601 date-time like 2026-03-02T09:15:03+03:00\n` +
            `  ${name}:10005 (id m10003) unit: unknown unit "GHOST"\n`,
        );
        expect(run.stderr).toContain(`${name}: 12000 record(s) in`);
        expect(run.stderr).toContain('11998 created, 0 updated, 0 unchanged, 2 rejected');
        expect(run.code).toBe(2);
        expect(await stored('m')).toHaveLength(11_998);

        // The mapping from a file, the integration role: the same records again are unchanged.
        const mappingFile = write(`mapping-${dialect()}.json`, MAPPING);
        const again = await etalon([
          'import',
          file,
          '--mapping',
          mappingFile,
          '--server',
          `${server}/`,
          '--token',
          integration.secret,
        ]);
        expect(again.stderr).toContain('0 created, 0 updated, 11998 unchanged, 2 rejected');
        expect(again.code).toBe(2);

        // --atomic against a server: per batch; a bad line stops before its batch is sent.
        const clean = write(`clean-${dialect()}.csv`, theirCalls(3, -1, -1));
        const atomic = await etalon([
          'import',
          file,
          '--mapping',
          MAPPING,
          '--server',
          server,
          '--token',
          integration.secret,
          '--atomic',
        ]);
        expect(atomic.code).toBe(2);
        expect(atomic.stderr).toContain(
          '--atomic: line 3 is invalid; earlier batches were written, the rest was not sent',
        );
        const cleanRun = await etalon([
          'import',
          clean,
          '--mapping',
          MAPPING,
          '--server',
          server,
          '--token',
          integration.secret,
          '--atomic',
        ]);
        expect(cleanRun.stderr).toContain(`clean-${dialect()}.csv: 3 record(s)`);
        // m1 was the broken line of the big file: new now; m0 and m2 are stored already.
        expect(cleanRun.stderr).toContain('1 created, 0 updated, 2 unchanged, 0 rejected');
        expect(cleanRun.code).toBe(0);

        // Failures: the status and the server's message; a server that is not there.
        const denied = await etalon([
          'import',
          clean,
          '--mapping',
          MAPPING,
          '--server',
          server,
          '--token',
          'not-a-token',
        ]);
        expect(denied.code).toBe(1);
        expect(denied.stderr).toMatch(
          new RegExp(
            `^etalon: ${server}/api/v1/interactions answered 401 Unauthorized: .+\\(unauthenticated\\)\\n$`,
          ),
        );
        const away = await etalon([
          'import',
          clean,
          '--mapping',
          MAPPING,
          '--server',
          'http://127.0.0.1:3959',
          '--token',
          admin.secret,
        ]);
        expect(away.code).toBe(1);
        expect(away.stderr).toBe('etalon: cannot reach http://127.0.0.1:3959: ECONNREFUSED\n');
        const noToken = await etalon(['import', clean, '--server', server]);
        expect(noToken.code).toBe(2);
        expect(noToken.stderr).toContain('token: --server needs --token');
      } finally {
        await t.app.close();
      }
    },
  );
});
