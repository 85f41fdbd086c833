import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, afterAll, beforeAll } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import type { DialectName } from '../src/db/dialect/dialect-name';

/**
 * Which engines the suite runs on: `TEST_DBS=sqlite,postgres` (default `sqlite`). PostgreSQL needs
 * `DATABASE_URL` pointing at a server where the user may create databases; every test file gets a
 * database of its own, dropped afterwards.
 */
export const TEST_DBS: DialectName[] = (process.env.TEST_DBS ?? 'sqlite')
  .split(',')
  .map((s) => s.trim())
  .filter((s): s is DialectName => {
    if (s !== 'sqlite' && s !== 'postgres') throw new Error(`TEST_DBS: unknown database "${s}"`);
    return true;
  });

export interface TestDatabase extends DatabaseHandle {
  /** What `openDatabase` needs to reach this same database again (a second process, the CLI). */
  options: { databaseUrl?: string; dataDir: string };
}

/** A fresh, empty database on `dialect`; migrated unless `{ migrate: false }`. */
export async function createTestDatabase(
  dialect: DialectName,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  const dataDir = mkdtempSync(join(tmpdir(), 'etalon-test-'));
  if (dialect === 'sqlite') {
    const handle = openDatabase({ dataDir });
    if (migrate) await migrateToLatest(handle.db);
    return {
      ...handle,
      options: { dataDir },
      close: async () => {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DBS includes postgres but DATABASE_URL is not set');
  const name = `etalon_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), dataDir });
  if (migrate) await migrateToLatest(handle.db);
  return {
    ...handle,
    options: { databaseUrl: url.toString(), dataDir },
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs a block of tests once per configured engine, each against its own fresh database:
 * `describeEachDb('users', (db) => { it('…', async () => { db().db.selectFrom… }) })`.
 */
export function describeEachDb(title: string, body: (current: () => TestDatabase) => void) {
  for (const dialect of TEST_DBS) {
    describe(`${title} [${dialect}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error('database not ready');
        return database;
      });
    });
  }
}
