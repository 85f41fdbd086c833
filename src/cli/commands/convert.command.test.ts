import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEtalon } from '../../../test/run-etalon';
import { scratchDir } from '../../../test/scratch-dir';

const { dir, write } = scratchDir('etalon-convert-');

const etalon = (args: string[]) => runEtalon(args);

const MASTER = write(
  'Master.csv',
  [
    '"","70000000001","200","from-trunk","""Caller One"" <70000000001>","SIP/trunk-00000a1f","SIP/200-00000a20","Dial","SIP/200,30,tT","2026-03-02 09:15:03","2026-03-02 09:15:12","2026-03-02 09:17:40",157,148,"ANSWERED","DOCUMENTATION","1772432103.2591",""',
    '"","70000000002","201","from-trunk",""""" <70000000002>","SIP/trunk-00000a21","","Dial","SIP/201,30,tT","2026-03-02 09:20:41","","2026-03-02 09:21:11",30,0,"NO ANSWER","DOCUMENTATION","1772432441.2593",""',
  ].join('\n') + '\n',
);
const EXT = write('ext.csv', 'extension,unit,employee\n200,HR,E1\n');

// Each test spawns the CLI, several at once: on a loaded 2-core machine that takes seconds apiece.
describe.concurrent('etalon convert asterisk-cdr', { timeout: 120_000 }, () => {
  it('writes records on stdout and unknown extensions on stderr, exit 0', async () => {
    const run = await etalon([
      'convert',
      'asterisk-cdr',
      MASTER,
      '--timezone',
      'Europe/Moscow',
      '--extensions',
      EXT,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      'id,channel,unit,employee,started_at,answered_at,ended_at,wait_seconds\n' +
        '1772432103.2591,phone,HR,E1,2026-03-02T09:15:03+03:00,2026-03-02T09:15:12+03:00,2026-03-02T09:17:40+03:00,9\n',
    );
    expect(run.stderr).toContain(
      'Master.csv:2: unknown extension "201" (uniqueid 1772432441.2593) — skipped',
    );
    expect(run.stderr).toContain('converted 1 of 2 call(s), skipped 1');
  });

  it('an unreadable input: exit 2, nothing on stdout, the file named on stderr', async () => {
    const missing = join(dir, 'nope.csv');
    const run = await etalon([
      'convert',
      'asterisk-cdr',
      missing,
      '--timezone',
      'Europe/Moscow',
      '--extensions',
      EXT,
    ]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain(missing);
  });

  it('no call converted: exit 2', async () => {
    const ext = write('other.csv', '999,HR\n');
    const run = await etalon([
      'convert',
      'asterisk-cdr',
      MASTER,
      '--timezone',
      'Europe/Moscow',
      '--extensions',
      ext,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown extension "200"');
  });

  it('an unknown time zone or a missing option: exit 2', async () => {
    const zone = await etalon([
      'convert',
      'asterisk-cdr',
      MASTER,
      '--timezone',
      'Mars/Olympus',
      '--extensions',
      EXT,
    ]);
    expect(zone).toMatchObject({ code: 2, stdout: '' });
    expect(zone.stderr).toContain('Mars/Olympus');
    const missing = await etalon(['convert', 'asterisk-cdr', MASTER, '--extensions', EXT]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--timezone');
  });
});
