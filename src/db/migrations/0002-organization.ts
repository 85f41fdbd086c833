import type { Kysely } from 'kysely';

/**
 * The organization: units (a tree through `parent_id`), their heads, and employees.
 * Portable types only (text), like 0001. Rows are never deleted: units are archived and employees
 * leave, because the audit log and, later, the grid and records refer to them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_ru', 'text')
    .addColumn('name_en', 'text')
    .addColumn('parent_id', 'text', (c) => c.references('units.id'))
    .addColumn('timezone', 'text')
    .addColumn('calendar', 'text')
    .addColumn('contact', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('units_parent_id').on('units').column('parent_id').execute();

  await db.schema
    .createTable('employees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_ru', 'text')
    .addColumn('name_en', 'text')
    .addColumn('position', 'text')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('email', 'text')
    .addColumn('extensions', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('employees_unit_id').on('employees').column('unit_id').execute();
  await db.schema.createIndex('employees_user_id').on('employees').column('user_id').execute();

  await db.schema
    .createTable('unit_heads')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id'))
    .addPrimaryKeyConstraint('unit_heads_pk', ['unit_id', 'employee_id'])
    .execute();
  await db.schema.createIndex('unit_heads_employee_id').on('unit_heads').column('employee_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['unit_heads', 'employees', 'units']) {
    await db.schema.dropTable(table).execute();
  }
}
