/**
 * Shared by the `etalon import` / `etalon report` tests: the benchmark's catalog and records,
 * written to files, and the checks that compare what monitoring stored with `etalon evaluate`.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { expect } from 'vitest';
import { RECORD_FIELDS } from '../../contract/interaction-record.schema';
import type { Db } from '../../db/database';
import { records } from '../../../scripts/bench/engine-fixtures';

export { STANDARDS_YAML } from '../../../scripts/bench/engine-fixtures';

/**
 * Records of the benchmark generator that started before this instant. The CLI judges with the
 * real clock, so a record whose verdict could still be pending (unanswered, its time not run out)
 * would make `report` and `evaluate` depend on the instant each read it; these are all settled.
 */
export const SETTLED_BEFORE = Date.parse('2026-10-01T00:00:00Z');

const cell = (v: unknown) => {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Writes the first `count` generated records that started before SETTLED_BEFORE; returns how many. */
export async function writeSettledCsv(path: string, count: number): Promise<number> {
  const out = createWriteStream(path);
  out.write(`${RECORD_FIELDS.join(',')}\n`);
  let written = 0;
  let buffer = '';
  for (const r of records(count)) {
    if (Date.parse(r.started_at) >= SETTLED_BEFORE) continue;
    written += 1;
    buffer += `${RECORD_FIELDS.map((f) => cell((r as unknown as Record<string, unknown>)[f])).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return written;
}

type Stored = [string, number, 'pass' | 'fail' | 'na' | 'pending', number, string];

/**
 * Recounts every stored verdict (interactions.verdicts) per standard and verdict, and expects the
 * unit roll-ups of every grain to sum to exactly that. Returns the recount.
 */
export async function expectRollupsMatchVerdicts(db: Db): Promise<Record<string, number[]>> {
  const fresh: Record<string, number[]> = {};
  const slot = { pass: 0, fail: 1, na: 2, pending: 3 } as const;
  const rows = await db.selectFrom('interactions').select('verdicts').execute();
  for (const row of rows)
    for (const [standard, , verdict] of JSON.parse(row.verdicts) as Stored[])
      (fresh[standard] ??= [0, 0, 0, 0])[slot[verdict]]! += 1;
  const rollups = await db.selectFrom('rollups_unit').selectAll().execute();
  for (const grain of ['day', 'week', 'month', 'quarter'] as const) {
    const summed: Record<string, number[]> = {};
    for (const r of rollups.filter((x) => x.grain === grain)) {
      const c = (summed[r.standard] ??= [0, 0, 0, 0]);
      c[0]! += Number(r.pass);
      c[1]! += Number(r.fail);
      c[2]! += Number(r.na);
      c[3]! += Number(r.pending);
    }
    const live = Object.fromEntries(Object.entries(summed).filter(([, c]) => c.some((x) => x !== 0)));
    expect({ grain, counts: live }).toEqual({ grain, counts: fresh });
  }
  return fresh;
}

/** `report --format json` and `evaluate --format json` at its `as_of`: byte-identical, nothing pending. */
export function expectSameResults(report: string, evaluate: string) {
  const parsed = JSON.parse(report) as { results: Array<{ pending: number }> };
  expect(parsed.results.length).toBeGreaterThan(0);
  expect(parsed.results.filter((r) => r.pending > 0)).toEqual([]);
  expect(report).toBe(evaluate);
}
