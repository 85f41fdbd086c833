import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { TEST_DBS, createTestDatabase, type TestDatabase } from '../../test/test-database';
import { migrateToLatest } from './migrate';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { migrations } from './migrations';

const TABLES = [
  'acknowledgements',
  'api_tokens',
  'audit_amendments',
  'audit_log',
  'audit_photos',
  'audit_rounds',
  'audit_schedules',
  'audit_template_versions',
  'audit_templates',
  'audits',
  'calibration_judgements',
  'calibration_participants',
  'calibration_sessions',
  'catalog_entries',
  'catalog_versions',
  'employees',
  'exclusion_windows',
  'findings',
  'follow_ups',
  'grid_cell_types',
  'grid_cells',
  'import_mappings',
  'import_rejections',
  'interactions',
  'invites',
  'login_failures',
  'monitoring_jobs',
  'monitoring_state',
  'notifications',
  'proposal_approvals',
  'proposal_comments',
  'proposals',
  'rejudge_staging',
  'rollups_employee',
  'rollups_unit',
  'sessions',
  'settings',
  'support_types',
  'unit_heads',
  'units',
  'users',
];
const ALL = Object.keys(migrations);
const BIN = fileURLToPath(new URL('../../bin/etalon.mjs', import.meta.url));

for (const dialect of TEST_DBS) {
  describe(`migrations [${dialect}]`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(dialect, { migrate: false });
    });
    afterAll(() => database.close());

    const tables = async () => {
      const query =
        dialect === 'sqlite'
          ? sql<{
              name: string;
            }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`
          : sql<{
              name: string;
            }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`;
      return (await query.execute(database.db)).rows.map((r) => r.name).sort();
    };

    it('starts from an empty database', async () => {
      expect(await tables()).toEqual([]);
    });

    it('applies every migration the first time', async () => {
      const report = await migrateToLatest(database.db);
      expect(report).toEqual({ applied: ALL, current: ALL });
      expect(await tables()).toEqual(TABLES);
    });

    it('applies nothing the second time and keeps the data', async () => {
      await database.db
        .insertInto('settings')
        .values({ key: 'k', value: 'v', updated_at: '2026-03-02T09:00:00.000Z' })
        .execute();
      const report = await migrateToLatest(database.db);
      expect(report).toEqual({ applied: [], current: ALL });
      expect(
        await database.db.selectFrom('settings').select('value').where('key', '=', 'k').executeTakeFirst(),
      ).toEqual({ value: 'v' });
    });
  });

  describe(`migrations racing from two processes [${dialect}]`, () => {
    it('apply each migration exactly once, as a server and `etalon migrate` starting together would', async () => {
      const fresh = await createTestDatabase(dialect, { migrate: false });
      const env = {
        ...process.env,
        ETALON_DATA_DIR: fresh.options.dataDir,
        DATABASE_URL: fresh.options.databaseUrl ?? '',
      };
      const migrate = () =>
        new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
          execFile(process.execPath, [BIN, 'migrate'], { env }, (error, stdout, stderr) =>
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
          );
        });
      try {
        const runs = await Promise.all([migrate(), migrate()]);
        for (const run of runs) expect(run.stderr).toBe('');
        expect(runs.map((r) => r.code)).toEqual([0, 0]);
        // One of them applied everything, the other found the database up to date.
        const applied = runs.filter((r) => r.stdout.startsWith('Applied'));
        expect(applied).toHaveLength(1);
        const executed = await sql<{ name: string }>`select name from kysely_migration`.execute(fresh.db);
        expect(executed.rows.map((r) => r.name)).toEqual(ALL);
      } finally {
        await fresh.close();
      }
    });
  });
}
