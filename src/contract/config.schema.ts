import { z } from 'zod';

/**
 * Every environment variable Etalon reads, with its default. The server and the CLI both load the
 * configuration through `parseConfig`, so they always act on the same database.
 */
export const ConfigEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  ETALON_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset for the embedded SQLite)')
    .optional(),
  ETALON_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d+|[\w.:/]+(,[\w.:/]+)*)$/,
      'false, true (a proxy on this machine), a number of proxies, or their addresses (10.0.0.5,10.1.0.0/16)',
    )
    .default('false'),
  ETALON_PUBLIC_URL: z.url().optional(),
  ETALON_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ETALON_SESSION_HOURS: z.coerce
    .number()
    .min(0.1)
    .max(24 * 90)
    .default(12),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /**
   * Which reverse proxies may set X-Forwarded-For/-Proto: `false` none, `'loopback'` one on this
   * machine, a number of hops, or a list of addresses/CIDRs. Never "everyone": the client could
   * then choose the address the sign-in rate limit sees.
   */
  trustProxy: false | number | string;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof ConfigEnv>['ETALON_LOG_LEVEL'];
  /** Idle lifetime of a browser session; every request extends it, up to 30 days in all. */
  sessionHours: number;
}

/** Reads configuration from an environment object; throws a ZodError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]),
  );
  const e = ConfigEnv.parse(blankToUndefined);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.ETALON_DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    trustProxy: parseTrustProxy(e.ETALON_TRUST_PROXY),
    publicUrl: e.ETALON_PUBLIC_URL?.replace(/\/+$/, ''),
    logLevel: e.ETALON_LOG_LEVEL,
    sessionHours: e.ETALON_SESSION_HOURS,
  };
}

/** `true` means a proxy on this machine; `2` means two hops; anything else lists proxy addresses. */
function parseTrustProxy(value: string): Config['trustProxy'] {
  if (value === 'false' || value === '0') return false;
  if (value === 'true') return 'loopback';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
