import { expect, it } from 'vitest';
import { runEtalonOn } from '../../../test/run-etalon';
import { describeEachDb } from '../../../test/test-database';
import { DEMO_CELLS, DEMO_EMPLOYEES, DEMO_UNITS } from '../../services/demo/demo-organization';
import { DEMO_STANDARDS } from '../../services/demo/demo-standards';

/** Each run starts a Node process: seconds each on a busy two-core machine. */
const CLI_TIMEOUT = 120_000;
/** Two runs, the first writing the demo's thousands of records (a minute and more on a loaded machine). */
const LOAD_TIMEOUT = 240_000;

describeEachDb('etalon demo', (database) => {
  const etalon = (args: string[]) => runEtalonOn(database(), args);

  it(
    'loads the demo organization once; a second run has nothing to do',
    { timeout: LOAD_TIMEOUT },
    async () => {
      const first = await etalon(['demo', '--language', 'ru']);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      const loaded = `Loaded the demo organization: ${DEMO_UNITS.length} unit(s), ${DEMO_EMPLOYEES.length} employee(s), ${DEMO_CELLS.length} grid cell(s), ${DEMO_STANDARDS.length + 1} standard(s) and calendar(s), 2 proposal(s), `;
      expect(first.stdout.startsWith(loaded)).toBe(true);
      // The records of the last months, up to the real clock's now (the CLI has no test clock).
      expect(Number(/(\d+) interaction record\(s\)\.\n$/.exec(first.stdout)?.[1])).toBeGreaterThan(4000);
      const second = await etalon(['demo']);
      expect(second.code).toBe(0);
      // The CLI's clock is real: records run up to the start of the current hour, so a second run
      // in another hour adds that hour's records, and nothing else.
      expect(second.stdout).toMatch(
        /^(The demo organization is already loaded: nothing to do\.|Loaded the demo organization: 0 unit\(s\), 0 employee\(s\), 0 grid cell\(s\), 0 standard\(s\) and calendar\(s\), 0 proposal\(s\), \d{1,3} interaction record\(s\)\.)\n$/,
      );
    },
  );

  it('refuses a language it does not have, with exit code 2', { timeout: CLI_TIMEOUT }, async () => {
    const run = await etalon(['demo', '--language', 'de']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/de.*invalid|Allowed choices are ru, en/);
  });
});
