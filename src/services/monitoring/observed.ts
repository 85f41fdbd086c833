import type { Channel } from '../../core/compliance/interaction';
import type { Db } from '../../db/database';
import type { DialectName } from '../../db/dialect/dialect-name';
import { monitoringRepository } from '../../db/monitoring.repository';
import { RollupDeltas, type StoredVerdict } from './rollup-deltas';
import type { Rules } from './rules';

/**
 * Observed standards in the results (issue 7): every judged item of a submitted audit is a result
 * for its standard, counted in the same roll-ups as a record's verdict and, when it failed, listed
 * among the findings — so the heatmap, the trends and `GET /compliance` show observed and measured
 * standards side by side. N/A items count nothing (the audit's own scoring leaves them out too).
 */

/** Prefix of a finding's `interaction_id` when the finding is an audit's failed item. */
export const AUDIT_FINDING_PREFIX = 'audit:';

/** What an audit says about its standards, before it is placed on days. */
export interface ObservationInput {
  unitId: string;
  employeeId: string | null;
  /** The observed record's channel when the audit observed one; else chosen by {@link channelOf}. */
  channel: Channel | null;
  /** The instant observed (epoch ms). */
  atMs: number;
  items: ReadonlyArray<{ standard: string; version: number; verdict: 'pass' | 'fail'; reason: string }>;
}

/** What an audit counts, as stored on it (`audits.counted`): undone exactly by an amendment. */
export interface CountedObservation {
  unit_id: string;
  employee_id: string | null;
  channel: Channel;
  at: number;
  verdicts: StoredVerdict[];
}

/**
 * Replaces what an audit counts: subtracts `before` (what it counted, or null) from the roll-ups,
 * adds `after` placed on each standard's local day, and makes its findings the failed items of
 * `after`. Runs in the caller's transaction; returns what to store as the audit's `counted`.
 */
export async function countObservation(
  tx: Db,
  dialect: DialectName,
  rules: Rules,
  auditId: string,
  before: CountedObservation | null,
  after: ObservationInput | null,
): Promise<CountedObservation | null> {
  const deltas = new RollupDeltas();
  if (before) deltas.add(before, before.verdicts, -1);
  const counted: CountedObservation | null = after && {
    unit_id: after.unitId,
    employee_id: after.employeeId,
    channel: after.channel ?? channelOf(rules, after.items),
    at: after.atMs,
    verdicts: after.items.map((i) => [
      i.standard,
      i.version,
      i.verdict,
      rules.localDay(i.standard, after.atMs),
      i.reason,
    ]),
  };
  if (counted) deltas.add(counted, counted.verdicts, 1);
  await deltas.flush(tx, dialect);

  const findingId = AUDIT_FINDING_PREFIX + auditId;
  await monitoringRepository.deleteFindings(tx, [findingId]);
  if (counted) {
    const values: unknown[] = [];
    for (const [standard, version, verdict, day, reason] of counted.verdicts)
      if (verdict === 'fail')
        values.push(
          findingId,
          standard,
          version,
          verdict,
          reason,
          counted.unit_id,
          counted.employee_id,
          counted.channel,
          counted.at,
          day,
          null,
        );
    await monitoringRepository.insertFindings(tx, dialect, values);
  }
  return counted;
}

/**
 * The channel an audit's results are counted under when it observed no record: the one channel
 * every standard of it is limited to (a mystery call's standards all say `phone`), else `visit` —
 * an audit is normally made on the spot.
 */
export function channelOf(rules: Rules, items: ObservationInput['items']): Channel {
  let common: Set<Channel> | undefined;
  for (const i of items) {
    const channels = rules.versions.get(i.standard)?.get(i.version)?.channels;
    if (!channels) continue;
    common = new Set(common ? channels.filter((c) => common!.has(c)) : channels);
  }
  return common?.size === 1 ? [...common][0]! : 'visit';
}
