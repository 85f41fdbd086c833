import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole } from '../../../../src/core/roles';
import { isUserStatus } from '../users/user-statuses';

/** What the log can hold today; the filters offer these, and anything new still shows raw. */
export const AUDIT_ENTITIES = ['user', 'token'] as const;
/** Each action the services record, with its i18n key (keys cannot hold the dot). */
const ACTION_KEYS = {
  'user.create': 'user_create',
  'user.update': 'user_update',
  'user.deactivate': 'user_deactivate',
  'user.accept_invite': 'user_accept_invite',
  'user.password_change': 'user_password_change',
  'token.create': 'token_create',
  'token.revoke': 'token_revoke',
} as const;
export const AUDIT_ACTIONS = Object.keys(ACTION_KEYS) as (keyof typeof ACTION_KEYS)[];

type Entity = (typeof AUDIT_ENTITIES)[number];
type Action = keyof typeof ACTION_KEYS;
const isEntity = (v: string): v is Entity => (AUDIT_ENTITIES as readonly string[]).includes(v);
const isAction = (v: string): v is Action => Object.hasOwn(ACTION_KEYS, v);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Human names for entities, actions and values in the interface language. */
export function useAuditLabels(formatDateTime: (iso: string) => string) {
  const { t } = useTranslation();
  const entityLabel = useCallback(
    (entity: string) => (isEntity(entity) ? t(`audit.entities.${entity}`) : entity),
    [t],
  );
  const actionLabel = useCallback(
    (action: string) => (isAction(action) ? t(`audit.actions.${ACTION_KEYS[action]}`) : action),
    [t],
  );
  /** A snapshot value as a person reads it: roles and statuses translated, instants as dates. */
  const valueLabel = useCallback(
    (field: string, value: unknown): string => {
      if (value === null || value === undefined || value === '') return t('common.none');
      if (field === 'role' && isRole(value)) return t(`roles.${value}`);
      if (field === 'status' && isUserStatus(value)) return t(`userStatus.${value}`);
      if (typeof value === 'string') return ISO.test(value) ? formatDateTime(value) : value;
      return JSON.stringify(value);
    },
    [t, formatDateTime],
  );
  return { entityLabel, actionLabel, valueLabel };
}

/**
 * The name of what an entry changed (a person's or a token's name), read from its snapshots:
 * ids alone tell a reader nothing, and UUIDv7 ids even share their first characters.
 */
export function subjectName(entry: { before: unknown; after: unknown }): string | null {
  for (const snap of [entry.after, entry.before]) {
    if (snap !== null && typeof snap === 'object' && 'name' in snap && typeof snap.name === 'string')
      return snap.name;
  }
  return null;
}
