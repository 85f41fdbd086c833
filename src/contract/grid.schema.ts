import { z } from 'zod';
import { Id, Instant, PageQuery } from './common.schema';
import { AuditEntry } from './audit.schema';
import { OrgCode, OrgNames, OrgNamesOut } from './unit.schema';

/**
 * The service grid (the seed's Appendix 2): who helps whom with what. A cell joins a provider (a
 * unit or one employee) to a recipient unit and says which kinds of help it gives and how to ask.
 */

// ── Support types ────────────────────────────────────────────────────────────────────────────────

export const SupportTypeStatus = z.enum(['active', 'archived']);
export type SupportTypeStatus = z.infer<typeof SupportTypeStatus>;

/** Colours the web app may paint a support type's badge with (Mantine palette names). */
export const SupportTypeColor = z.enum([
  'blue',
  'teal',
  'grape',
  'orange',
  'cyan',
  'pink',
  'lime',
  'indigo',
  'yellow',
  'red',
  'gray',
]);
export type SupportTypeColor = z.infer<typeof SupportTypeColor>;

const DescriptionText = z.string().trim().min(1).max(1000);
const Descriptions = z.strictObject({ ru: DescriptionText.optional(), en: DescriptionText.optional() });

export const SupportType = z
  .object({
    id: Id,
    code: z.string(),
    name: OrgNamesOut,
    description: OrgNamesOut,
    color: SupportTypeColor,
    /** Seeded with the product (the seed's three kinds and a few more); can be archived, not deleted. */
    builtin: z.boolean(),
    status: SupportTypeStatus,
    /** How many grid cells use it (a type in use cannot be deleted, only archived). */
    cell_count: z.number().int(),
    created_at: Instant,
    updated_at: Instant,
  })
  .meta({ id: 'SupportType' });
export type SupportType = z.infer<typeof SupportType>;

export const SupportTypeCreate = z.object({
  code: OrgCode,
  name: OrgNames,
  description: Descriptions.default({}),
  color: SupportTypeColor.default('gray'),
});
export type SupportTypeCreate = z.infer<typeof SupportTypeCreate>;
export type SupportTypeCreateBody = z.input<typeof SupportTypeCreate>;

export const SupportTypeUpdate = z
  .object({
    code: OrgCode.optional(),
    name: OrgNames.optional(),
    description: Descriptions.optional(),
    color: SupportTypeColor.optional(),
    status: SupportTypeStatus.optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'Nothing to change' });
export type SupportTypeUpdate = z.infer<typeof SupportTypeUpdate>;

export const SupportTypeList = z.object({ items: z.array(SupportType), total: z.number().int() });
export type SupportTypeList = z.infer<typeof SupportTypeList>;

// ── Cells ────────────────────────────────────────────────────────────────────────────────────────

export const ProviderKind = z.enum(['unit', 'employee']);
export type ProviderKind = z.infer<typeof ProviderKind>;

/** Who gives the help: a whole unit, or one employee (the seed lists both across the top). */
export const ProviderRef = z.strictObject({ kind: ProviderKind, id: Id }).meta({ id: 'ProviderRef' });
export type ProviderRef = z.infer<typeof ProviderRef>;

const LongText = z.string().trim().min(1).max(4000);

export const GridCell = z
  .object({
    id: Id,
    provider: ProviderRef,
    recipient_unit_id: Id,
    support_type_ids: z.array(Id).meta({ description: 'At least one; in the vocabulary’s order' }),
    instructions: z
      .string()
      .nullable()
      .meta({ description: 'How to ask: the channel, where, what to bring' }),
    expected_response: z
      .string()
      .nullable()
      .meta({ description: 'Free text now (e.g. "within one working day"); a standard later' }),
    contact_employee_id: Id.nullable(),
    created_at: Instant,
    updated_at: Instant,
  })
  .meta({ id: 'GridCell' });
export type GridCell = z.infer<typeof GridCell>;

const SupportTypeIds = z
  .array(Id)
  .min(1, { message: 'needs at least one support type' })
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'lists a support type twice' });

/** One cell per (provider, recipient): creating a second is a 409 `conflict`. */
export const GridCellCreate = z.object({
  provider: ProviderRef,
  recipient_unit_id: Id,
  support_type_ids: SupportTypeIds,
  instructions: LongText.nullable().default(null),
  expected_response: LongText.nullable().default(null),
  contact_employee_id: Id.nullable().default(null),
});
export type GridCellCreate = z.infer<typeof GridCellCreate>;
export type GridCellCreateBody = z.input<typeof GridCellCreate>;

/** Provider and recipient are the cell's identity: to move help elsewhere, delete and create. */
export const GridCellUpdate = z
  .object({
    support_type_ids: SupportTypeIds.optional(),
    instructions: LongText.nullable().optional(),
    expected_response: LongText.nullable().optional(),
    contact_employee_id: Id.nullable().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'Nothing to change' });
export type GridCellUpdate = z.infer<typeof GridCellUpdate>;

export const GridCellListQuery = PageQuery.extend({
  recipient_unit_id: Id.optional(),
  provider_unit_id: Id.optional().meta({ description: 'Cells whose provider is this unit' }),
  provider_employee_id: Id.optional(),
  support_type_id: Id.optional(),
});
export type GridCellListQuery = z.infer<typeof GridCellListQuery>;

export const GridCellList = z.object({ items: z.array(GridCell), total: z.number().int() });
export type GridCellList = z.infer<typeof GridCellList>;

// ── The matrix ───────────────────────────────────────────────────────────────────────────────────

/** A unit as a row or column head. `depth` is its depth in the tree (0 for a root). */
export const GridUnitHead = z.object({
  id: Id,
  code: z.string(),
  name: OrgNamesOut,
  parent_id: Id.nullable(),
  depth: z.number().int(),
});
export type GridUnitHead = z.infer<typeof GridUnitHead>;

/** A column head: a unit, or an employee (shown with the unit they belong to). */
export const GridProviderHead = z.object({
  kind: ProviderKind,
  id: Id,
  code: z.string(),
  name: OrgNamesOut,
  unit_id: Id.meta({ description: 'The unit itself, or the employee’s unit' }),
  depth: z.number().int(),
});
export type GridProviderHead = z.infer<typeof GridProviderHead>;

/** A compact cell for the matrix: enough to draw the badges and open the editor. */
export const GridMatrixCell = z.object({
  id: Id,
  provider_kind: ProviderKind,
  provider_id: Id,
  recipient_unit_id: Id,
  support_type_ids: z.array(Id),
});
export type GridMatrixCell = z.infer<typeof GridMatrixCell>;

/**
 * Filters for the matrix. `unit_id` narrows rows and columns to that unit's subtree; with
 * `support_type_id` only cells giving that kind of help are listed (rows and columns stay, so the
 * gaps show).
 */
export const GridMatrixQuery = z.object({
  unit_id: Id.optional(),
  support_type_id: Id.optional(),
});
export type GridMatrixQuery = z.infer<typeof GridMatrixQuery>;

/**
 * The whole grid in one answer. Rows: every active unit, in tree order (depth first, siblings by
 * code). Columns: every active unit in the same order, then every active employee who provides in
 * at least one cell. Empty rows and columns are included so gaps stand out.
 */
export const GridMatrix = z
  .object({
    recipients: z.array(GridUnitHead),
    providers: z.array(GridProviderHead),
    support_types: z.array(SupportType),
    cells: z.array(GridMatrixCell),
  })
  .meta({ id: 'GridMatrix' });
export type GridMatrix = z.infer<typeof GridMatrix>;

// ── "Whom do I ask?" ─────────────────────────────────────────────────────────────────────────────

export const GridAskQuery = z.object({
  unit_id: Id.meta({ description: 'The unit that needs help (mine)' }),
  support_type_id: Id.optional(),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: 'Free text matched in instructions, expected response, provider and type names' }),
});
export type GridAskQuery = z.infer<typeof GridAskQuery>;

const ContactPerson = z.object({
  id: Id,
  code: z.string(),
  name: OrgNamesOut,
  position: z.string().nullable(),
  email: z.string().nullable(),
  extensions: z.array(z.string()),
});

/**
 * One way to get help. Cells addressed to the unit itself come first, then those addressed to
 * its parent, grandparent… (`via_unit_id` says which), since help for a whole branch is help for
 * each of its departments.
 */
export const GridAnswer = z.object({
  cell_id: Id,
  via_unit_id: Id,
  provider: GridProviderHead.omit({ depth: true }),
  support_types: z.array(SupportType.pick({ id: true, code: true, name: true, color: true })),
  instructions: z.string().nullable(),
  expected_response: z.string().nullable(),
  contact: ContactPerson.nullable(),
  provider_contact: z.unknown().nullable().meta({ description: 'The providing unit’s contact channels' }),
});
export type GridAnswer = z.infer<typeof GridAnswer>;

export const GridAskResult = z.object({ items: z.array(GridAnswer) });
export type GridAskResult = z.infer<typeof GridAskResult>;

// ── History ──────────────────────────────────────────────────────────────────────────────────────

/** Changes to cells and support types, newest first (from the audit log; readable by everyone). */
export const GridHistoryQuery = z.object({
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type GridHistoryQuery = z.infer<typeof GridHistoryQuery>;

export const GridHistoryPage = z.object({ items: z.array(AuditEntry), next_cursor: z.string().nullable() });
export type GridHistoryPage = z.infer<typeof GridHistoryPage>;
