import { z } from 'zod';
import { Id, Instant, PageQuery } from './common.schema';
import { Email } from './user.schema';
import { TimeZone } from './standards-file.schema';

/**
 * A stable code people and files use to name a unit or an employee, e.g. `HR-PAY` or `emp.0042`:
 * a letter or digit, then up to 63 letters, digits, `.`, `_` or `-`.
 */
export const OrgCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'must start with a letter or digit and use only letters, digits, . _ - (64 at most)',
  });

const NameText = z.string().trim().min(1).max(200);

/** Names in Russian and English; at least one. */
export const OrgNames = z
  .strictObject({ ru: NameText.optional(), en: NameText.optional() })
  .refine((n) => n.ru !== undefined || n.en !== undefined, { message: 'needs ru or en' });
export type OrgNames = z.infer<typeof OrgNames>;

/** Names as answered: a missing language is null. */
export const OrgNamesOut = z.object({ ru: z.string().nullable(), en: z.string().nullable() });

/** How to reach a unit; every channel optional. E-mail is lower-cased, so this is input only. */
export const UnitContactInput = z.strictObject({
  email: Email.optional(),
  phone: z.string().trim().min(1).max(100).optional(),
  chat: z.string().trim().min(1).max(200).optional(),
  url: z.url().max(500).optional(),
  note: z.string().trim().min(1).max(1000).optional(),
});

/** The contact channels as answered (plain text: answers are serialized, never transformed). */
export const UnitContact = z
  .object({
    email: z.string().optional(),
    phone: z.string().optional(),
    chat: z.string().optional(),
    url: z.string().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'UnitContact' });
export type UnitContact = z.infer<typeof UnitContact>;

export const UnitStatus = z.enum(['active', 'archived']);
export type UnitStatus = z.infer<typeof UnitStatus>;

/** A calendar's id (the calendars themselves arrive with the engine's standards). */
const CalendarRef = z.string().trim().min(1).max(100);

/** Active employees who head a unit; the list replaces the previous one. */
const HeadIds = z
  .array(Id)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'lists an employee twice' });

export const Unit = z
  .object({
    id: Id,
    code: z.string(),
    name: OrgNamesOut,
    parent_id: Id.nullable(),
    timezone: z.string().nullable().meta({ description: 'IANA zone; null inherits the parent’s' }),
    calendar: z.string().nullable().meta({ description: 'Calendar id; null inherits the parent’s' }),
    contact: UnitContact.nullable(),
    head_ids: z.array(Id).meta({ description: 'Employees who head the unit' }),
    status: UnitStatus,
    created_at: Instant,
    updated_at: Instant,
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof Unit>;

export const UnitCreate = z.object({
  code: OrgCode,
  name: OrgNames,
  parent_id: Id.nullable().default(null),
  timezone: TimeZone.nullable().default(null),
  calendar: CalendarRef.nullable().default(null),
  contact: UnitContactInput.nullable().default(null),
  head_ids: HeadIds.default([]),
});
export type UnitCreate = z.infer<typeof UnitCreate>;
export type UnitCreateBody = z.input<typeof UnitCreate>;

/**
 * Moving a unit is changing `parent_id`; archiving is `status: archived`. `name` replaces both
 * languages (send both to keep both).
 */
export const UnitUpdate = z
  .object({
    code: OrgCode.optional(),
    name: OrgNames.optional(),
    parent_id: Id.nullable().optional(),
    timezone: TimeZone.nullable().optional(),
    calendar: CalendarRef.nullable().optional(),
    contact: UnitContactInput.nullable().optional(),
    head_ids: HeadIds.optional(),
    status: UnitStatus.optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'Nothing to change' });
export type UnitUpdate = z.infer<typeof UnitUpdate>;

export const UnitListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Part of the code or a name' }),
  parent_id: Id.optional(),
  status: UnitStatus.optional(),
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

export const UnitList = z.object({ items: z.array(Unit), total: z.number().int() });
export type UnitList = z.infer<typeof UnitList>;

export type UnitNode = Unit & { children: UnitNode[] };
export const UnitNode: z.ZodType<UnitNode> = Unit.extend({
  get children() {
    return z.array(UnitNode);
  },
}).meta({ id: 'UnitNode' });

/** The whole organization, nested: roots first, each with its children (archived units included). */
export const UnitTree = z.object({ roots: z.array(UnitNode) });
export type UnitTree = z.infer<typeof UnitTree>;

const InheritedSetting = z.object({
  value: z.string().nullable(),
  from_unit_id: Id.nullable().meta({
    description: 'The unit that sets it; null when no unit up the tree does',
  }),
});

/**
 * The time zone and calendar that apply to a unit: its own, else its nearest ancestor's. `null`
 * values mean the instance default applies.
 */
export const UnitEffectiveSettings = z
  .object({ unit_id: Id, timezone: InheritedSetting, calendar: InheritedSetting })
  .meta({ id: 'UnitEffectiveSettings' });
export type UnitEffectiveSettings = z.infer<typeof UnitEffectiveSettings>;
