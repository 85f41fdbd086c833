/**
 * The roles a person or an API token can hold, from most to least powerful.
 * `head` leads one or more units; later issues scope what a head or staff member sees to units.
 */
export const ROLES = ['admin', 'manager', 'head', 'auditor', 'staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
