import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../core';

/**
 * The tables, as Kysely sees them. Conventions (docs/ARCHITECTURE.md → Database):
 * ids are UUIDv7 text made by the app; instants are ISO 8601 UTC text (`toISOString()`), which
 * sorts correctly as text on both engines; JSON is stored as text; there are no booleans (use a
 * status or a nullable instant) so SQLite and PostgreSQL read back the same values.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'invited' | 'deactivated';
  password_hash: string | null;
  locale: 'ru' | 'en' | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a database leak does not leak live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface InvitesTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_kind: 'user' | 'token' | 'system';
  actor_id: string;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  request_id: string | null;
}

export interface LoginFailuresTable {
  id: string;
  ip: string;
  email: string;
  at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invites: InvitesTable;
  audit_log: AuditLogTable;
  login_failures: LoginFailuresTable;
  settings: SettingsTable;
}

/** A connection or a transaction: repositories accept either. */
export type Db = Kysely<Database> | Transaction<Database>;
