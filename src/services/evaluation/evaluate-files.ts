import type { WriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename } from 'node:path';
import { AppError, ValidationError, type FieldIssue } from '../../core';
import { createComplianceEngine } from '../../core/compliance/compliance-engine';
import type { RollupRow } from '../../core/compliance/rollup';
import type { Directory } from '../../core/compliance/directory';
import type { Interaction } from '../../core/compliance/interaction';
import {
  formatRecordProblems,
  readInteractionRecords,
  type RecordsFormat,
} from '../files/interaction-records.reader';
import { readStandardsFile } from '../files/standards-file.reader';
import { compileStandards } from './compile-standards';

export interface EvaluateFilesOptions {
  standardsPath: string;
  interactionsPath: string;
  format?: RecordsFormat | undefined;
  asOfMs: number;
  by: 'unit' | 'employee';
  /** Evaluate the valid records and report the others, instead of stopping at the first. */
  skipInvalid: boolean;
  /** Where to write one NDJSON line per record × standard with its verdict and reason. */
  verdictsPath?: string | undefined;
}

export interface RejectedRecord {
  line: number;
  id?: string | undefined;
  problems: ReadonlyArray<{ field: string; message: string }>;
}

export interface EvaluationReport {
  rows: RollupRow[];
  records: number;
  rejected: RejectedRecord[];
}

/**
 * `etalon evaluate`: streams the records file through the engine, never holding it in memory.
 * Bad input stops the run with a ValidationError naming file, line, record id and field — unless
 * `skipInvalid`, which evaluates the rest and returns what it rejected. The verdicts file is
 * written beside its target and renamed into place only when the run succeeds, so a failed run
 * leaves no half-written output.
 */
export async function evaluateFiles(options: EvaluateFilesOptions): Promise<EvaluationReport> {
  const compiled = compileStandards(await readStandardsFile(options.standardsPath));
  const engine = createComplianceEngine({ ...compiled, asOfMs: options.asOfMs, by: options.by });
  const name = basename(options.interactionsPath);
  const rejected: RejectedRecord[] = [];
  const partial = options.verdictsPath === undefined ? undefined : `${options.verdictsPath}.partial`;
  // Opened up front so that a place that cannot be written is bad input, not a stream crash.
  let out: WriteStream | undefined;
  if (partial !== undefined) {
    try {
      out = (await open(partial, 'w')).createWriteStream();
    } catch (error) {
      throw new AppError(
        'not_found',
        `cannot write the verdicts file ${options.verdictsPath}: ${(error as Error).message}`,
      );
    }
  }
  // A write that fails later (a full disk) is remembered here and ends the run, instead of leaving
  // it waiting for a 'drain' or 'finish' that will never come.
  let writeError: Error | undefined;
  out?.on('error', (error) => {
    writeError = error;
  });
  const failIfWriteFailed = () => {
    if (writeError) {
      throw new AppError(
        'internal',
        `writing the verdicts file ${options.verdictsPath} failed: ${writeError.message}`,
      );
    }
  };
  let buffer = '';
  let records = 0;
  try {
    for await (const entry of readInteractionRecords(options.interactionsPath, {
      format: options.format,
      numericFields: compiled.numericFields,
      textFields: compiled.textFields,
    })) {
      const invalid =
        'problems' in entry ? entry : unknownCodes(entry.line, entry.record, compiled.directory);
      if (invalid !== undefined) {
        if (!options.skipInvalid)
          throw new ValidationError(issuesOf(name, invalid), `${name} has an invalid record`);
        rejected.push(invalid);
        continue;
      }
      if ('problems' in entry) continue;
      records += 1;
      const record = entry.record;
      if (out === undefined) {
        engine.judge(record);
        continue;
      }
      engine.judge(record, (standard, v, period) => {
        buffer += `${JSON.stringify({
          record: record.id,
          standard: standard.code,
          unit: record.unit,
          employee: record.employee ?? null,
          period,
          verdict: v.verdict,
          reason: v.reason,
        })}\n`;
      });
      if (buffer.length > 1 << 16) {
        failIfWriteFailed();
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
    if (out !== undefined) {
      failIfWriteFailed();
      out.end(buffer);
      await once(out, 'finish');
      failIfWriteFailed();
      await rename(partial!, options.verdictsPath!);
    }
  } catch (error) {
    if (out !== undefined) {
      out.destroy();
      await rm(partial!, { force: true });
    }
    throw error;
  }
  return { rows: engine.rows(), records, rejected };
}

/** A record naming a unit or an employee the standards file's directory does not list. */
function unknownCodes(line: number, record: Interaction, directory: Directory): RejectedRecord | undefined {
  const problems: Array<{ field: string; message: string }> = [];
  if (!directory.knowsUnit(record.unit))
    problems.push({ field: 'unit', message: `unknown unit "${record.unit}"` });
  if (record.employee !== undefined && !directory.knowsEmployee(record.employee)) {
    problems.push({ field: 'employee', message: `unknown employee "${record.employee}"` });
  }
  return problems.length === 0 ? undefined : { line, id: record.id, problems };
}

/** A rejected record's problems as issues, worded by the reader: `calls.csv:14 (id c-17) started_at: …`. */
export function issuesOf(file: string, entry: RejectedRecord): FieldIssue[] {
  const lines = formatRecordProblems(file, { ...entry, problems: [...entry.problems] });
  return entry.problems.map((p, i) => ({ path: p.field, in: `${file}:${entry.line}`, message: lines[i]! }));
}
