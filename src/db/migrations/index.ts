import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-organization';
import * as m0003 from './0003-grid';
import * as m0004 from './0004-standards';
import * as m0005 from './0005-monitoring';
import * as m0006 from './0006-audits';
import * as m0007 from './0007-audit-schedules';
import * as m0008 from './0008-calibration';
import * as m0009 from './0009-audit-photos-follow-ups';
import * as m0010 from './0010-audit-results';

/**
 * Every migration, in order. A new one is a file `NNNN-what.ts` with `up` (and `down`) added here;
 * names never change once released.
 */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-organization': m0002,
  '0003-grid': m0003,
  '0004-standards': m0004,
  '0005-monitoring': m0005,
  '0006-audits': m0006,
  '0007-audit-schedules': m0007,
  '0008-calibration': m0008,
  '0009-audit-photos-follow-ups': m0009,
  '0010-audit-results': m0010,
};
