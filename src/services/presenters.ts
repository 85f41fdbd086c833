import type { ApiToken } from '../contract/token.schema';
import type { AuditEntry } from '../contract/audit.schema';
import type { Employee } from '../contract/employee.schema';
import type { Unit, UnitContact } from '../contract/unit.schema';
import type { User } from '../contract/user.schema';
import type { ApiTokenRow } from '../db/api-token.repository';
import type { AuditRow } from '../db/audit-log.repository';
import type { EmployeeRow } from '../db/employee.repository';
import type { UnitRow } from '../db/unit.repository';
import type { UserRow } from '../db/user.repository';

/** A person as the API shows them: never the password hash. */
export const presentUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  status: row.status,
  locale: row.locale,
  created_at: row.created_at,
  updated_at: row.updated_at,
  last_login_at: row.last_login_at,
});

/** A token as listed: never the hash. */
export const presentToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  role: row.role,
  prefix: row.prefix,
  created_at: row.created_at,
  created_by: row.created_by,
  last_used_at: row.last_used_at,
  expires_at: row.expires_at,
  revoked_at: row.revoked_at,
});

export const presentAudit = (row: AuditRow): AuditEntry => ({
  ...row,
  before: row.before === null ? null : (JSON.parse(row.before) as unknown),
  after: row.after === null ? null : (JSON.parse(row.after) as unknown),
});

/** A unit as the API shows it: names as `{ru, en}`, contact parsed from its JSON text, its heads. */
export const presentUnit = (row: UnitRow, headIds: readonly string[]): Unit => ({
  id: row.id,
  code: row.code,
  name: { ru: row.name_ru, en: row.name_en },
  parent_id: row.parent_id,
  timezone: row.timezone,
  calendar: row.calendar,
  contact: row.contact === null ? null : (JSON.parse(row.contact) as UnitContact),
  head_ids: [...headIds].sort(),
  status: row.status,
  created_at: row.created_at,
  updated_at: row.updated_at,
});

/** An employee as the API shows them: names as `{ru, en}`, extensions parsed from JSON text. */
export const presentEmployee = (row: EmployeeRow): Employee => ({
  id: row.id,
  code: row.code,
  name: { ru: row.name_ru, en: row.name_en },
  position: row.position,
  unit_id: row.unit_id,
  email: row.email,
  extensions: JSON.parse(row.extensions) as string[],
  user_id: row.user_id,
  status: row.status,
  created_at: row.created_at,
  updated_at: row.updated_at,
});
