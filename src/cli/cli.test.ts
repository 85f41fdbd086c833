import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runEtalonOn, type EtalonRun as Run } from '../../test/run-etalon';
import { TEST_DBS, createTestDatabase, type TestDatabase } from '../../test/test-database';
import { createTestApp, type TestApp } from '../../test/test-app';
import { migrations } from '../db/migrations';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const GOOD_PASSWORD = 'quiet harbour 7 kites';

// Each test starts one to three Node processes: seconds each, far more on a busy two-core machine.
vi.setConfig({ testTimeout: 120_000 });
/** Every migration, in order (at least the first two, so the list cannot be empty by mistake). */
const names = Object.keys(migrations);

/** Runs `node bin/etalon.mjs …` as an operator would, against `database` (or none). */
function etalon(args: string[], options: { database?: TestDatabase; input?: string } = {}): Promise<Run> {
  return runEtalonOn(options.database, args, options.input === undefined ? {} : { input: options.input });
}

// Each run starts a Node process (~1 s of CPU): independent runs go concurrently.
describe.concurrent('etalon CLI without a database', () => {
  it('--help lists the commands', async () => {
    const run = await etalon(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['serve', 'migrate', 'user', 'token'])
      expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it("--version prints package.json's version", async () => {
    const run = await etalon(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('refuses an unknown role with exit code 2, naming the choices', async () => {
    const run = await etalon(
      ['user', 'create', '--role', 'boss', '--email', 'b@example.org', '--password-stdin'],
      {
        input: GOOD_PASSWORD,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'boss' is invalid");
    expect(run.stderr).toContain('admin, manager');
    expect(run.stdout).toBe('');
  });
});

for (const dialect of TEST_DBS) {
  // Each run costs about a second of CPU: what does not depend on the engine runs on the first only.
  const first = dialect === TEST_DBS[0];

  describe(`etalon CLI on ${dialect}`, () => {
    let database: TestDatabase;
    let t: TestApp;
    let secret = '';
    beforeAll(async () => {
      database = await createTestDatabase(dialect, { migrate: false });
      t = await createTestApp(database);
    });
    afterAll(async () => {
      await t.app.close();
      await database.close();
    });
    const bearer = () => ({ authorization: `Bearer ${secret}` });

    it('migrate applies the migrations once, then reports the database up to date', async () => {
      const run = await etalon(['migrate'], { database });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        new RegExp(`^Applied ${names.length} migration\\(s\\) to ${dialect} at .*: ${names.join(', ')}\\n$`),
      );
      const again = await etalon(['migrate'], { database });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`is up to date: ${names.length} migration(s)`);
    });

    it('user create with a good password makes an admin who can sign in', async () => {
      const run = await etalon(
        ['user', 'create', '--role', 'admin', '--email', 'Ops@Example.org', '--password-stdin'],
        {
          database,
          input: `${GOOD_PASSWORD}\n`,
        },
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^Created admin ops@example\.org \([0-9a-f-]{36}\)\n$/);
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'ops@example.org', password: GOOD_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json().user).toMatchObject({ role: 'admin', name: 'Ops' });
    });

    it('token create prints one secret on stdout, which works as a Bearer token', async () => {
      const run = await etalon(['token', 'create', '--name', 'ci', '--role', 'admin'], { database });
      expect(run.code, run.stderr).toBe(0);
      const lines = run.stdout.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      secret = lines[0]!;
      expect(secret).toMatch(/^etn_[\w-]{40,}$/);
      expect(run.stderr).toContain('not shown again');
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer() });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((u: { email: string }) => u.email)).toEqual(['ops@example.org']);
    });

    if (!first) return;

    it('token list shows the token but not its secret; token revoke stops it', async () => {
      const list = await etalon(['token', 'list'], { database });
      expect(list.code).toBe(0);
      const rows = list.stdout.split('\n').filter(Boolean);
      expect(rows).toHaveLength(1);
      const [id, prefix, name, role, state] = rows[0]!.split('\t');
      expect({ name, role, state }).toEqual({ name: 'ci', role: 'admin', state: 'active' });
      expect(secret.startsWith(prefix!.replace('…', ''))).toBe(true);
      expect(list.stdout).not.toContain(secret);

      const revoke = await etalon(['token', 'revoke', id!], { database });
      expect(revoke.code, revoke.stderr).toBe(0);
      expect(revoke.stdout).toMatch(/^Revoked "ci" at /);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer() })).statusCode,
      ).toBe(401);
    });

    describe.concurrent('refusals', () => {
      it('user create without a terminal or --password-stdin exits 2 and says how to pass one', async () => {
        const run = await etalon(['user', 'create', '--role', 'staff', '--email', 'no-tty@example.org'], {
          database,
          input: '',
        });
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('--password-stdin');
        expect(run.stdout).toBe('');
      });

      it('user create with a weak password exits 2, names the problem, prints nothing on stdout', async () => {
        const run = await etalon(
          ['user', 'create', '--role', 'admin', '--email', 'weak@example.org', '--password-stdin'],
          {
            database,
            input: 'weak',
          },
        );
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('  password: Use at least 10 characters.');
        expect(run.stdout).toBe('');
        const rows = await database.db
          .selectFrom('users')
          .select('email')
          .where('email', '=', 'weak@example.org')
          .execute();
        expect(rows).toEqual([]);
      });

      it('token revoke with a bad or unknown id exits 2', async () => {
        const [bad, unknown] = await Promise.all([
          etalon(['token', 'revoke', 'not-an-id'], { database }),
          etalon(['token', 'revoke', '019cadc6-9a80-7150-971c-f59537b11ce0'], { database }),
        ]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain('  id: Invalid UUID');
        expect(unknown.code).toBe(2);
        expect(unknown.stderr).toContain('(not_found)');
        expect(bad.stdout + unknown.stdout).toBe('');
      });
    });
  });
}
