import { z } from 'zod';
import { PERIOD_KINDS } from '../core/time/period';
import { parseIsoDate } from '../core/time/civil-date';
import { CHANNELS } from './interaction-record.schema';
import { Id, Instant } from './common.schema';

/**
 * Monitoring (issue 6): ingesting interaction records, verdicts, compliance, exclusion windows,
 * imports and re-judging runs. docs/MONITORING.md tells the rules in words.
 */

/** Most records one `POST /interactions` takes; bigger loads are split by the client (the CLI does). */
export const MAX_RECORDS_PER_REQUEST = 10_000;

const IsoDate = z
  .string()
  .refine((t) => parseIsoDate(t) !== undefined, { message: 'must be a date like 2026-03-31' })
  .meta({ description: 'A calendar date, YYYY-MM-DD' });

export const Verdict = z.enum(['pass', 'fail', 'na', 'pending']);
export type Verdict = z.infer<typeof Verdict>;

export const Grain = z.enum(PERIOD_KINDS);
export type Grain = z.infer<typeof Grain>;

// ── ingest ───────────────────────────────────────────────────────────────────────────────────────

export const IngestQuery = z.object({
  atomic: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .meta({ description: 'All or nothing: any bad record refuses the whole batch with 422' }),
});

/** One problem of one rejected record: its place in the batch (0-based), its id when it has one. */
export const RejectedRecord = z.object({
  index: z.number().int(),
  /** The file line, for file imports. */
  line: z.number().int().optional(),
  id: z.string().nullable(),
  field: z.string(),
  reason: z.string(),
});
export type RejectedRecord = z.infer<typeof RejectedRecord>;

export const IngestCounts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Records rejected (a record with two problems counts once). */
  rejected_count: z.number().int(),
});
export type IngestCounts = z.infer<typeof IngestCounts>;

export const IngestResult = IngestCounts.extend({ rejected: z.array(RejectedRecord) }).meta({
  id: 'IngestResult',
});
export type IngestResult = z.infer<typeof IngestResult>;

// ── compliance ───────────────────────────────────────────────────────────────────────────────────

const CodeList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  )
  .optional();

export const ComplianceQuery = z.object({
  from: IsoDate.meta({ description: 'First day (inclusive); periods that overlap [from, to] are whole' }),
  to: IsoDate,
  by: z.enum(['unit', 'employee']).default('unit'),
  standard: CodeList.meta({ description: 'Standard codes, comma-separated' }),
  unit: z.string().optional().meta({ description: 'A unit code: that unit and every unit below it' }),
  employee: z.string().optional().meta({ description: 'An employee code' }),
  channel: z.enum(CHANNELS).optional(),
  period: Grain.optional().meta({ description: "Defaults to each standard's own period" }),
});
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

/** One row, exactly as `etalon evaluate --format json` writes it. */
export const ComplianceRow = z.object({
  standard: z.string(),
  unit: z.string(),
  employee: z.string().nullable().optional(),
  period: z.string(),
  pass: z.number().int(),
  fail: z.number().int(),
  na: z.number().int(),
  pending: z.number().int(),
  compliance: z.number().nullable(),
  target: z.number(),
  met: z.boolean().nullable(),
});
export type ComplianceRow = z.infer<typeof ComplianceRow>;

export const ComplianceResponse = z
  .object({ as_of: Instant, results: z.array(ComplianceRow) })
  .meta({ id: 'Compliance' });
export type ComplianceResponse = z.infer<typeof ComplianceResponse>;

/** The dashboard's heatmap: one cell per unit × standard over the whole range. */
export const SummaryQuery = ComplianceQuery.omit({ by: true, period: true });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const Counts = z.object({
  pass: z.number().int(),
  fail: z.number().int(),
  na: z.number().int(),
  pending: z.number().int(),
  compliance: z.number().nullable(),
});

export const SummaryCell = Counts.extend({
  standard: z.string(),
  unit: z.string(),
  target: z.number(),
  met: z.boolean().nullable(),
  /** pass + fail ≥ the minimum to say anything (`min_judged`). */
  enough: z.boolean(),
});
export type SummaryCell = z.infer<typeof SummaryCell>;

export const SummaryResponse = z
  .object({
    as_of: Instant,
    min_judged: z.number().int(),
    standards: z.array(
      z.object({
        code: z.string(),
        title: z.object({ ru: z.string().optional(), en: z.string().optional() }),
        target: z.number(),
        period: Grain,
        /** Judged by people in audits (`rating`, `checklist`), not read from records. */
        observed: z.boolean(),
      }),
    ),
    units: z.array(
      z.object({
        id: Id,
        code: z.string(),
        name_ru: z.string().nullable(),
        name_en: z.string().nullable(),
        parent_code: z.string().nullable(),
      }),
    ),
    cells: z.array(SummaryCell),
  })
  .meta({ id: 'ComplianceSummary' });
export type SummaryResponse = z.infer<typeof SummaryResponse>;

export const TrendQuery = ComplianceQuery.omit({ by: true, standard: true }).extend({ standard: z.string() });
export type TrendQuery = z.infer<typeof TrendQuery>;

export const TrendResponse = z
  .object({
    standard: z.string(),
    period: Grain,
    /** The target of the latest version in each period (a change shows as a step). */
    points: z.array(Counts.extend({ period: z.string(), target: z.number() })),
  })
  .meta({ id: 'ComplianceTrend' });
export type TrendResponse = z.infer<typeof TrendResponse>;

export const FindingsQuery = z.object({
  standard: z.string(),
  from: IsoDate,
  to: IsoDate,
  unit: z.string().optional(),
  employee: z.string().optional(),
  channel: z.enum(CHANNELS).optional(),
  /** Findings are the fails and the pending; "not applicable" verdicts are read on each record's page. */
  verdict: z.enum(['fail', 'pending']).default('fail'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type FindingsQuery = z.infer<typeof FindingsQuery>;

export const Finding = z.object({
  /** The record judged; null when the finding is an audit's failed item (then `audit_id`). */
  interaction_id: z.string().nullable(),
  /** The submitted audit whose item failed (observed standards, issue 7); null for records. */
  audit_id: z.string().nullable(),
  standard: z.string(),
  version: z.number().int(),
  verdict: z.enum(['fail', 'pending']),
  reason: z.string(),
  unit: z.string(),
  employee: z.string().nullable(),
  channel: z.enum(CHANNELS),
  started_at: Instant,
  due_at: Instant.nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const FindingsResponse = z
  .object({ items: z.array(Finding), total: z.number().int() })
  .meta({ id: 'Findings' });
export type FindingsResponse = z.infer<typeof FindingsResponse>;

// ── one record ───────────────────────────────────────────────────────────────────────────────────

export const RecordVerdict = z.object({
  standard: z.string(),
  version: z.number().int(),
  verdict: Verdict,
  reason: z.string(),
  /** The period of the standard's own kind the record counts in, e.g. `2026-03`. */
  period: z.string(),
});
export type RecordVerdict = z.infer<typeof RecordVerdict>;

export const InteractionDetail = z
  .object({
    /** The record in the file format (instants as ISO 8601 UTC). */
    record: z.record(z.string(), z.unknown()),
    unit: z.object({ code: z.string(), name_ru: z.string().nullable(), name_en: z.string().nullable() }),
    employee: z.object({ code: z.string(), name: z.string() }).nullable(),
    verdicts: z.array(RecordVerdict),
    updated_at: Instant,
  })
  .meta({ id: 'InteractionDetail' });
export type InteractionDetail = z.infer<typeof InteractionDetail>;

export const InteractionParams = z.object({ id: z.string().min(1).max(200) });

// ── exclusion windows ────────────────────────────────────────────────────────────────────────────

export const ExclusionInput = z
  .object({
    starts_at: Instant,
    ends_at: Instant,
    /** Unit codes (each with everything below it); omitted or empty = every unit. */
    units: z.array(z.string().min(1)).max(500).optional(),
    channels: z.array(z.enum(CHANNELS)).optional(),
    /** Standard codes; omitted or empty = every standard. */
    standards: z.array(z.string().min(1)).max(500).optional(),
    reason: z.string().trim().min(3).max(500),
  })
  .refine((w) => Date.parse(w.ends_at) > Date.parse(w.starts_at), {
    path: ['ends_at'],
    message: 'must be after starts_at',
  });
export type ExclusionInput = z.infer<typeof ExclusionInput>;

export const ExclusionWindow = z
  .object({
    id: Id,
    starts_at: Instant,
    ends_at: Instant,
    units: z.array(z.string()),
    channels: z.array(z.enum(CHANNELS)),
    standards: z.array(z.string()),
    reason: z.string(),
    created_by: z.string().nullable(),
    created_at: Instant,
    updated_at: Instant,
  })
  .meta({ id: 'ExclusionWindow' });
export type ExclusionWindow = z.infer<typeof ExclusionWindow>;

// ── jobs (imports and re-judging) ────────────────────────────────────────────────────────────────

export const JobStatus = z.enum(['queued', 'running', 'done', 'failed']);

export const Job = z
  .object({
    id: Id,
    kind: z.enum(['import', 'rejudge']),
    status: JobStatus,
    title: z.string(),
    /** Units of work: bytes for an import, records for a re-judging. */
    total: z.number(),
    done: z.number(),
    counts: z.object({
      created: z.number().int().optional(),
      updated: z.number().int().optional(),
      unchanged: z.number().int().optional(),
      rejected_count: z.number().int().optional(),
      changed: z.number().int().optional(),
      records: z.number().int().optional(),
    }),
    error: z.string().nullable(),
    created_at: Instant,
    started_at: Instant.nullable(),
    finished_at: Instant.nullable(),
  })
  .meta({ id: 'MonitoringJob' });
export type Job = z.infer<typeof Job>;

/** Formats a file import reads; asterisk-cdr needs a time zone and, optionally, an extension map. */
export const ImportFormat = z.enum(['csv', 'ndjson', 'asterisk-cdr']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** Our field → their column, for files whose header differs from ours. */
export const ColumnMapping = z.record(z.string().min(1), z.string().min(1));
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const ImportQuery = z.object({
  format: ImportFormat.optional(),
  name: z.string().max(300).optional().meta({ description: "The file's name, shown in the job" }),
  timezone: z.string().optional().meta({ description: 'asterisk-cdr: the zone its local times are in' }),
  mapping: z
    .string()
    .optional()
    .meta({ description: 'JSON object {our field: their column}, or the id of a saved mapping' }),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

export const ImportMappingInput = z.object({
  name: z.string().trim().min(1).max(100),
  format: ImportFormat,
  mapping: ColumnMapping,
});
export type ImportMappingInput = z.infer<typeof ImportMappingInput>;

export const ImportMapping = ImportMappingInput.extend({
  id: Id,
  created_at: Instant,
  updated_at: Instant,
}).meta({ id: 'ImportMapping' });
export type ImportMapping = z.infer<typeof ImportMapping>;
