import { SqliteAdapter, sql, type Kysely } from 'kysely';

/**
 * Monitoring (issue 6): interaction records, their verdicts, the roll-ups, exclusion windows and
 * the background jobs (imports, re-judging).
 *
 * - `interactions`: one row per record id (idempotent ingest). Instants here are epoch
 *   milliseconds (bigint), not ISO text as elsewhere: this table holds millions of rows and is
 *   ranged by time on every query. `data` is the validated record as JSON (what "unchanged" is
 *   compared with, and what re-judging reads); `verdicts` is every standard's verdict on it,
 *   `[[standard, version, verdict, local epoch day, reason], …]`; `seq` is the ingest batch that
 *   last wrote it (re-judging uses it to notice records written while it ran; not indexed: it is only
 *   read within a time span, and every index costs each of millions of inserts).
 * - `findings`: the fail and pending verdicts, with their reason and the
 *   record's unit, employee, channel and local day copied in, for the drill-down and for the
 *   scheduled pending → breach job (`due_at`: when a pending verdict runs out).
 * - `rollups_unit` / `rollups_employee`: counts per grain (day, week, month, quarter) × period ×
 *   standard × version × unit [× employee, '' for none] × channel, maintained by adding deltas.
 * - `exclusion_windows`: spans in which named standards do not apply (an outage, a drill).
 * - `monitoring_jobs`: imports and re-judging runs, with progress; `rejudge_staging` holds a
 *   re-judging run's new verdicts until it swaps them in at once; `import_rejections` the rejected
 *   records of a file import; `import_mappings` saved column mappings.
 * - `monitoring_state`: one row, the ingest batch counter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // On SQLite, findings and roll-ups are WITHOUT ROWID tables: every ingest writes thousands of
  // their rows by key, and a table keyed by its primary key alone keeps one B-tree instead of two.
  const sqlite = await isSqlite(db);
  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('employee_id', 'text', (c) => c.references('employees.id'))
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('verdicts', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interactions_started').on('interactions').columns(['started_at']).execute();

  await db.schema
    .createTable('findings')
    .addColumn('interaction_id', 'text', (c) => c.notNull())
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('employee_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .addPrimaryKeyConstraint('findings_pk', ['interaction_id', 'standard'])
    .$call((b) => (sqlite ? b.modifyEnd(sql`without rowid`) : b))
    .execute();
  await db.schema
    .createIndex('findings_drill')
    .on('findings')
    .columns(['standard', 'verdict', 'day'])
    .execute();
  await db.schema
    .createIndex('findings_due')
    .on('findings')
    .columns(['due_at'])
    .where(sql.ref('due_at'), 'is not', null)
    .execute();

  for (const table of ['rollups_unit', 'rollups_employee'] as const) {
    let t = db.schema
      .createTable(table)
      .addColumn('grain', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('standard', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull());
    if (table === 'rollups_employee') t = t.addColumn('employee_id', 'text', (c) => c.notNull());
    await t
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('pass', 'integer', (c) => c.notNull())
      .addColumn('fail', 'integer', (c) => c.notNull())
      .addColumn('na', 'integer', (c) => c.notNull())
      .addColumn('pending', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(
        `${table}_pk`,
        table === 'rollups_employee'
          ? (['grain', 'period', 'standard', 'unit_id', 'employee_id', 'channel', 'version'] as never[])
          : ['grain', 'period', 'standard', 'unit_id', 'channel', 'version'],
      )
      .$call((b) => (sqlite ? b.modifyEnd(sql`without rowid`) : b))
      .execute();
  }

  await db.schema
    .createTable('exclusion_windows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('unit_ids', 'text')
    .addColumn('channels', 'text')
    .addColumn('standards', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('monitoring_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('done', 'bigint', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('monitoring_jobs_status')
    .on('monitoring_jobs')
    .columns(['status', 'created_at'])
    .execute();

  await db.schema
    .createTable('rejudge_staging')
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('interaction_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('verdicts', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rejudge_staging_pk', ['job_id', 'interaction_id'])
    .execute();

  await db.schema
    .createTable('import_rejections')
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer')
    .addColumn('record_id', 'text')
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_rejections_pk', ['job_id', 'n'])
    .execute();

  await db.schema
    .createTable('import_mappings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('monitoring_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into monitoring_state (id, seq) values (1, 0)`.execute(db);
}

/** Whether the migration runs on SQLite (asked of the dialect: a failed probe query would abort a PostgreSQL transaction). */
async function isSqlite(db: Kysely<unknown>): Promise<boolean> {
  return Promise.resolve(db.getExecutor().adapter instanceof SqliteAdapter);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'monitoring_state',
    'import_mappings',
    'import_rejections',
    'rejudge_staging',
    'monitoring_jobs',
    'exclusion_windows',
    'rollups_employee',
    'rollups_unit',
    'findings',
    'interactions',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
