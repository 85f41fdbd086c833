import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from './test-database';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface EtalonRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/etalon.mjs …` in the checkout, as a person would, and collects what it printed.
 * Standard input is `input` (empty by default, so nothing waits on a terminal); `env` replaces
 * the inherited environment when given.
 */
export function runEtalon(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<EtalonRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/etalon.mjs', ...args], {
      cwd: ROOT,
      env: options.env ?? process.env,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Runs `etalon …` against a test database as an operator would (its SQLite directory or its
 * PostgreSQL URL), with quiet logs; without a database, against none configured.
 */
export function runEtalonOn(
  database: TestDatabase | undefined,
  args: string[],
  options: { input?: string } = {},
): Promise<EtalonRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ETALON_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.ETALON_DATA_DIR;
  if (database) {
    env.ETALON_DATA_DIR = database.options.dataDir;
    if (database.options.databaseUrl) env.DATABASE_URL = database.options.databaseUrl;
  }
  return runEtalon(args, { env, ...options });
}
