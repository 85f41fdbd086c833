import type { FastifyInstance } from 'fastify';
import { createServices, type Services } from '../src/services/services';
import { createPasswordHasher } from '../src/services/security/password-hasher';
import { buildApp } from '../src/server/app';
import { VERSION } from '../src/services/version';
import { systemActor } from '../src/core';
import type { Role } from '../src/core';
import type { TestDatabase } from './test-database';

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
  const services = createServices({
    db: database.db,
    dialect: database.dialect,
    ping: options.ping ?? (() => database.ping()),
    clock,
    passwords: testPasswords,
    version: VERSION,
    sessionHours: options.sessionHours ?? 12,
    publicUrl: options.publicUrl,
  });
  const app = await buildApp({
    services,
    logLevel: false,
    trustProxy: options.trustProxy ?? false,
    publicUrl: options.publicUrl,
  });
  return { app, services, clock };
}

let counter = 0;

/** Creates a person directly through the service (as the CLI would) and returns their e-mail. */
export async function createPerson(services: Services, role: Role, password = STRONG_PASSWORD) {
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
