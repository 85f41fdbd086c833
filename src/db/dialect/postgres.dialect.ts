import pg from 'pg';
import { PostgresDialect } from 'kysely';

const INT8_OID = 20;

/**
 * A pooled PostgreSQL connection. `count()` and `bigint` come back from pg as strings; here they
 * become numbers (NUMERIC stays a string: exact decimals must not lose digits) (exact below 2^53, which every count we keep is), so repositories see the same
 * values on both engines.
 */
export function createPostgresDialect(url: string): {
  dialect: PostgresDialect;
  location: string;
  pool: pg.Pool;
} {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text'),
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000, types });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const parsed = new URL(url);
  const location = `postgres://${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  return { dialect: new PostgresDialect({ pool }), location, pool };
}
