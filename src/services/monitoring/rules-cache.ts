import { sql } from 'kysely';
import type { Db } from '../../db/database';
import { loadRules, type Rules } from './rules';

/**
 * Rules are rebuilt only when what they are made of changed: one cheap query reads a fingerprint
 * of the catalog, the organization and the exclusion windows (counts and latest changes), and the
 * cached rules are used while it stays the same. Any process (the CLI beside the server) that
 * publishes or edits changes the fingerprint, so nobody judges by stale rules for longer than a
 * query.
 */
export function createRulesCache() {
  let cached: { fingerprint: string; rules: Rules } | undefined;
  return {
    async get(db: Db): Promise<Rules> {
      const fingerprint = await fingerprintOf(db);
      if (cached?.fingerprint === fingerprint) return cached.rules;
      const rules = await loadRules(db);
      cached = { fingerprint, rules };
      return rules;
    },
    /** Forgets the rules (a test, or a change made in this process that must show at once). */
    clear() {
      cached = undefined;
    },
  };
}

async function fingerprintOf(db: Db): Promise<string> {
  const { rows } = await sql<Record<string, unknown>>`select
      (select count(*) from catalog_versions) as cv,
      (select max(published_at) from catalog_versions) as cvp,
      (select count(*) from units) as u,
      (select max(updated_at) from units) as uu,
      (select count(*) from employees) as e,
      (select max(updated_at) from employees) as eu,
      (select count(*) from exclusion_windows) as x,
      (select max(updated_at) from exclusion_windows) as xu`.execute(db);
  return JSON.stringify(rows[0]);
}

export type RulesCache = ReturnType<typeof createRulesCache>;
