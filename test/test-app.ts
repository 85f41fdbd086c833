import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServices, type Services } from '../src/services/services';
import { createPasswordHasher } from '../src/services/security/password-hasher';
import { buildApp } from '../src/server/app';
import { VERSION } from '../src/services/version';
import { systemActor } from '../src/core';
import type { PersonRole, Role } from '../src/core';
import type { TestDatabase } from './test-database';
import type { UnitCreate } from '../src/contract/unit.schema';

/** A clock the test moves by hand. */
export interface TestClock {
  (): Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = '2026-03-02T09:00:00.000Z'): TestClock {
  let now = Date.parse(start);
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (iso) => {
    now = Date.parse(iso);
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

/** A cheap scrypt cost: tests hash many passwords; production uses the default. */
export const testPasswords = createPasswordHasher(10);

export const STRONG_PASSWORD = 'plum orchard 42 lanterns';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  clock: TestClock;
}

/** The real app, in-process, on a real database; nothing is mocked but the clock. */
export async function createTestApp(
  database: TestDatabase,
  options: {
    ping?: () => Promise<boolean>;
    trustProxy?: boolean | number | string;
    publicUrl?: string;
    sessionHours?: number;
  } = {},
): Promise<TestApp> {
  const clock = testClock();
  // Uploaded files (imports) go to a data directory of the test's own, removed when the app closes.
  const dataDir = mkdtempSync(join(tmpdir(), 'etalon-test-data-'));
  const services = createServices({
    db: database.db,
    dialect: database.dialect,
    ping: options.ping ?? (() => database.ping()),
    clock,
    passwords: testPasswords,
    version: VERSION,
    sessionHours: options.sessionHours ?? 12,
    publicUrl: options.publicUrl,
    dataDir,
  });
  const app = await buildApp({
    services,
    logLevel: false,
    trustProxy: options.trustProxy ?? false,
    publicUrl: options.publicUrl,
  });
  app.addHook('onClose', async () => rmSync(dataDir, { recursive: true, force: true }));
  return { app, services, clock };
}

let counter = 0;

/** Creates a person directly through the service (as the CLI would) and returns their e-mail. */
export async function createPerson(services: Services, role: PersonRole, password = STRONG_PASSWORD) {
  counter += 1;
  const email = `${role}${counter}.${Math.random().toString(36).slice(2, 7)}@example.org`;
  const { user } = await services.users.create(
    { actor: systemActor('test') },
    {
      email,
      name: `Test ${role} ${counter}`,
      role,
      password,
      invite: false,
    },
  );
  return { user, email, password };
}

/** Creates an API token directly through the service; returns its id and the `Authorization` header. */
export async function createToken(
  services: Services,
  role: Role,
  extra: { name?: string; expires_at?: string } = {},
) {
  const created = await services.tokens.create(
    { actor: systemActor('test') },
    { name: extra.name ?? `${role} token`, role, ...extra },
  );
  return {
    id: created.token.id,
    secret: created.secret,
    headers: { authorization: `Bearer ${created.secret}` },
  };
}

/** Signs in through the API; returns the headers a browser would send afterwards. */
export async function signIn(app: FastifyInstance, email: string, password = STRONG_PASSWORD) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'etalon_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = (response.json() as { csrf_token: string }).csrf_token;
  return { cookie: `etalon_session=${cookie.value}`, 'x-csrf-token': csrf };
}

const cli = { actor: systemActor('test') };

/**
 * Creates units in order from `[code, parent code or null, extra fields?]` rows (parents first),
 * named `{en: code}` unless `extra` says otherwise; returns code → id.
 * Example: `await createUnits(services, [['ORG', null], ['HR', 'ORG', { calendar: 'office' }]])`.
 */
export async function createUnits(
  services: Services,
  rows: readonly (readonly [string, string | null, Partial<UnitCreate>?])[],
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const [code, parent, extra] of rows) {
    const made = await services.units.create(cli, {
      code,
      name: { en: code },
      parent_id: parent === null ? null : ids[parent]!,
      timezone: null,
      calendar: null,
      contact: null,
      head_ids: [],
      ...extra,
    });
    ids[code] = made.id;
  }
  return ids;
}

/**
 * Creates an employee of `unitId` (linked to `userId` when given); with `heads: true` they become
 * the unit's head. Returns the employee.
 */
export async function createEmployee(
  services: Services,
  employee: { code: string; unitId: string; userId?: string | null; name?: string; heads?: boolean },
) {
  const made = await services.employees.create(cli, {
    code: employee.code,
    name: { en: employee.name ?? employee.code },
    position: null,
    unit_id: employee.unitId,
    email: null,
    extensions: [],
    user_id: employee.userId ?? null,
  });
  if (employee.heads) await services.units.update(cli, employee.unitId, { head_ids: [made.id] });
  return made;
}

/**
 * Publishes a standards file at once, as `etalon standards apply --publish` does (its units,
 * employees and calendars too), in force from `effectiveFrom` — by default the last day of 2025, so
 * records of 2026 are judged by it.
 */
export async function publishCatalog(
  services: Services,
  yaml: string,
  effectiveFrom = '2025-12-31T00:00:00.000Z',
) {
  return services.standardsCode.apply({ actor: systemActor('cli') }, yaml, {
    dryRun: false,
    publish: true,
    effectiveFrom,
    fileName: 'standards.yaml',
  });
}
