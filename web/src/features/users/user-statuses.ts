import type { UserStatus } from '../../../../src/contract/user.schema';

/**
 * The statuses a person can have, as a plain list: reading them from the contract's zod enum at
 * run time would put all of zod into the web bundle. The check below fails to compile if the
 * contract gains a status this list lacks.
 */
export const USER_STATUSES = ['active', 'invited', 'deactivated'] as const satisfies readonly UserStatus[];

type Missing = Exclude<UserStatus, (typeof USER_STATUSES)[number]>;
const _everyStatusListed: [Missing] extends [never] ? true : Missing = true;

export const isUserStatus = (value: unknown): value is UserStatus =>
  (USER_STATUSES as readonly unknown[]).includes(value);
