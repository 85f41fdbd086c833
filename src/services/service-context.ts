import type { Kysely } from 'kysely';
import type { Actor } from '../core';
import type { Database } from '../db/database';
import type { DialectName } from '../db/dialect/dialect-name';
import type { Clock } from './clock';
import type { PasswordHasher } from './security/password-hasher';

/** What every service is built with, once per process. */
export interface ServiceDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  clock: Clock;
  passwords: PasswordHasher;
  version: string;
  /** Lifetime of an idle browser session, in hours. */
  sessionHours: number;
  /** Base URL for links Etalon hands out (invitations), e.g. `https://etalon.example.org`. */
  publicUrl?: string | undefined;
  /** Where files live (`ETALON_DATA_DIR`): uploaded imports go to `<dataDir>/imports/`. */
  dataDir: string;
}

/** Who calls, per call. */
export interface CallContext {
  actor: Actor;
  /** Correlates the audit log with server logs. */
  requestId?: string | undefined;
  /** The origin of the request, used for links when no public URL is configured. */
  origin?: string | undefined;
}
