import { sql, type Kysely } from 'kysely';

/**
 * The service grid (the seed's Appendix 2): the vocabulary of support types, and cells joining a
 * provider (a unit or one employee) to a recipient unit.
 *
 * - `support_types.builtin` is an integer, 1 for the types seeded here, 0 otherwise: both engines
 *   read it back as a number (there are no booleans in this schema).
 * - One cell per (provider, recipient) on both engines: `provider_key` is `unit:<id>` or
 *   `employee:<id>` and UNIQUE(provider_key, recipient_unit_id) holds it (a UNIQUE over two nullable
 *   columns would let NULLs repeat). A CHECK keeps kind, key and the two provider columns in step.
 * - Cells are deleted for real (their history stays in the audit log); units and employees are
 *   never deleted, so the foreign keys need no cascade.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('support_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_ru', 'text')
    .addColumn('name_en', 'text')
    .addColumn('description_ru', 'text')
    .addColumn('description_en', 'text')
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('grid_cells')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider_kind', 'text', (c) => c.notNull())
    .addColumn('provider_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('provider_employee_id', 'text', (c) => c.references('employees.id'))
    .addColumn('provider_key', 'text', (c) => c.notNull())
    .addColumn('recipient_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('instructions', 'text')
    .addColumn('expected_response', 'text')
    .addColumn('contact_employee_id', 'text', (c) => c.references('employees.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('grid_cells_provider_recipient', ['provider_key', 'recipient_unit_id'])
    .addCheckConstraint(
      'grid_cells_provider',
      sql`(provider_kind = 'unit' and provider_unit_id is not null and provider_employee_id is null
            and provider_key = 'unit:' || provider_unit_id)
        or (provider_kind = 'employee' and provider_employee_id is not null and provider_unit_id is null
            and provider_key = 'employee:' || provider_employee_id)`,
    )
    .execute();
  await db.schema.createIndex('grid_cells_recipient').on('grid_cells').column('recipient_unit_id').execute();
  await db.schema
    .createIndex('grid_cells_provider_unit')
    .on('grid_cells')
    .column('provider_unit_id')
    .execute();
  await db.schema
    .createIndex('grid_cells_provider_employee')
    .on('grid_cells')
    .column('provider_employee_id')
    .execute();

  await db.schema
    .createTable('grid_cell_types')
    .addColumn('cell_id', 'text', (c) => c.notNull().references('grid_cells.id'))
    .addColumn('support_type_id', 'text', (c) => c.notNull().references('support_types.id'))
    .addPrimaryKeyConstraint('grid_cell_types_pk', ['cell_id', 'support_type_id'])
    .execute();
  await db.schema
    .createIndex('grid_cell_types_support_type')
    .on('grid_cell_types')
    .column('support_type_id')
    .execute();

  const at = new Date().toISOString();
  await (db as Kysely<{ support_types: SeedRow }>)
    .insertInto('support_types')
    .values(
      BUILTIN.map((t, i) => ({
        ...t,
        builtin: 1,
        status: 'active',
        sort_order: (i + 1) * 10,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['grid_cell_types', 'grid_cells', 'support_types']) {
    await db.schema.dropTable(table).execute();
  }
}

interface SeedRow {
  id: string;
  code: string;
  name_ru: string;
  name_en: string;
  description_ru: string;
  description_en: string;
  color: string;
  builtin: number;
  status: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

/**
 * The built-in kinds of help, written out here (a released migration never changes, so it imports
 * nothing). The first three are the seed's; other code relies on the codes, never on the ids.
 */
const BUILTIN: Omit<SeedRow, 'builtin' | 'status' | 'sort_order' | 'created_at' | 'updated_at'>[] = [
  {
    id: '019ac4a0-0000-7000-8000-000000000001',
    code: 'information',
    name_ru: 'Информационная поддержка',
    name_en: 'Information support',
    description_ru: 'Разъяснения, справки и ответы на вопросы по своей области.',
    description_en: 'Explanations, references and answers to questions within its field.',
    color: 'blue',
  },
  {
    id: '019ac4a0-0000-7000-8000-000000000002',
    code: 'paperwork',
    name_ru: 'Помощь в оформлении и проверке документов',
    name_en: 'Help with paperwork and checking',
    description_ru: 'Помогает правильно заполнить документы и проверяет их до подачи.',
    description_en: 'Helps fill documents in correctly and checks them before they are submitted.',
    color: 'teal',
  },
  {
    id: '019ac4a0-0000-7000-8000-000000000003',
    code: 'deadlines',
    name_ru: 'Помощь в подготовке к своевременной сдаче работ',
    name_en: 'Help preparing to hand work in on time',
    description_ru: 'Напоминает о сроках и помогает подготовить работу так, чтобы сдать её вовремя.',
    description_en: 'Reminds of deadlines and helps prepare work so that it is handed in on time.',
    color: 'orange',
  },
  {
    id: '019ac4a0-0000-7000-8000-000000000004',
    code: 'consultation',
    name_ru: 'Консультация',
    name_en: 'Consultation',
    description_ru: 'Консультация специалиста по сложному или нестандартному вопросу.',
    description_en: 'A specialist’s advice on a complex or unusual question.',
    color: 'grape',
  },
  {
    id: '019ac4a0-0000-7000-8000-000000000005',
    code: 'escalation',
    name_ru: 'Точка эскалации',
    name_en: 'Escalation point',
    description_ru: 'Куда обращаться, если вопрос не решён в обычном порядке.',
    description_en: 'Where to turn when a question was not resolved the usual way.',
    color: 'red',
  },
  {
    id: '019ac4a0-0000-7000-8000-000000000006',
    code: 'document_delivery',
    name_ru: 'Доставка документов',
    name_en: 'Document delivery',
    description_ru: 'Передача и доставка документов между подразделениями.',
    description_en: 'Carrying and delivering documents between units.',
    color: 'cyan',
  },
];
