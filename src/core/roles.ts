/**
 * The roles a person or an API token can hold, from most to least powerful.
 * `head` leads one or more units; later issues scope what a head or staff member sees to units.
 */
export const ROLES = ['admin', 'manager', 'head', 'auditor', 'staff', 'viewer', 'integration'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The roles a person can hold. `integration` is for API tokens only: a phone system or a helpdesk
 * that writes interaction records and can do nothing else.
 */
export type PersonRole = Exclude<Role, 'integration'>;
export const PERSON_ROLES = ROLES.filter((r): r is PersonRole => r !== 'integration');

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const isPersonRole = (value: unknown): value is PersonRole => isRole(value) && value !== 'integration';
