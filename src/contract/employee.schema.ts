import { z } from 'zod';
import { Id, Instant, PageQuery } from './common.schema';
import { Email } from './user.schema';
import { OrgCode, OrgNames, OrgNamesOut } from './unit.schema';

export const EmployeeStatus = z.enum(['active', 'left']);
export type EmployeeStatus = z.infer<typeof EmployeeStatus>;

const Position = z.string().trim().min(1).max(200);
/** A phone extension, e.g. `2041` or `+7 495 123-45-67 ext. 12`. */
const Extension = z.string().trim().min(1).max(50);
const Extensions = z.array(Extension).max(20);

export const Employee = z
  .object({
    id: Id,
    code: z.string(),
    name: OrgNamesOut,
    position: z.string().nullable(),
    unit_id: Id,
    email: z.string().nullable(),
    extensions: z.array(z.string()),
    user_id: Id.nullable().meta({ description: 'The person’s Etalon account, if they have one' }),
    status: EmployeeStatus,
    created_at: Instant,
    updated_at: Instant,
  })
  .meta({ id: 'Employee' });
export type Employee = z.infer<typeof Employee>;

export const EmployeeCreate = z.object({
  code: OrgCode,
  name: OrgNames,
  position: Position.nullable().default(null),
  unit_id: Id,
  email: Email.nullable().default(null),
  extensions: Extensions.default([]),
  user_id: Id.nullable().default(null),
});
export type EmployeeCreate = z.infer<typeof EmployeeCreate>;
export type EmployeeCreateBody = z.input<typeof EmployeeCreate>;

/**
 * An employee who leaves gets `status: left`; employees are never deleted. `name` replaces both
 * languages.
 */
export const EmployeeUpdate = z
  .object({
    code: OrgCode.optional(),
    name: OrgNames.optional(),
    position: Position.nullable().optional(),
    unit_id: Id.optional(),
    email: Email.nullable().optional(),
    extensions: Extensions.optional(),
    user_id: Id.nullable().optional(),
    status: EmployeeStatus.optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { message: 'Nothing to change' });
export type EmployeeUpdate = z.infer<typeof EmployeeUpdate>;

/** `z.coerce.boolean` would read "false" as true; a query flag is the text `true` or `false`. */
const QueryFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const EmployeeListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().meta({ description: 'Part of the code, a name or the e-mail' }),
  unit_id: Id.optional(),
  subtree: QueryFlag.meta({ description: 'With unit_id: also the employees of the units below it' }),
  status: EmployeeStatus.optional(),
});
export type EmployeeListQuery = z.infer<typeof EmployeeListQuery>;

export const EmployeeList = z.object({ items: z.array(Employee), total: z.number().int() });
export type EmployeeList = z.infer<typeof EmployeeList>;
