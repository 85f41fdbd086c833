import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { AppError, ValidationError, type FieldIssue } from '../../core';
import {
  ALPHA_LEVELS,
  ALPHA_RELIABLE,
  ALPHA_TENTATIVE,
  classifyAlpha,
  krippendorffAlpha,
  observerLeniency,
  ReliabilityDataError,
  type AlphaLevel,
  type AlphaResult,
  type AlphaVerdict,
  type ObserverLeniency,
} from '../../core/stats/krippendorff';

interface AlphaCommandOptions {
  level: AlphaLevel;
  header?: boolean;
  names?: boolean;
  order?: string;
  format: 'text' | 'json';
}

/** A reliability matrix read from a CSV file, with where each row and cell came from. */
export interface MatrixFile {
  /** Observers × units, cells as written ('' = missing). */
  matrix: string[][];
  /** Observer names: the first column with `--names`, else `line N`. */
  observers: string[];
  /** The line each observer's row is on. */
  lines: number[];
  /** Unit names: the header row with `--header`, else `1`, `2`, … */
  units: string[];
  /** Column number (1-based, as a spreadsheet counts) of unit `j`. */
  column: (unit: number) => number;
  /** Whether observers and units have names from the file (`--names`, `--header`). */
  named: boolean;
  headed: boolean;
}

/**
 * Reads a reliability matrix: one row per observer, one column per unit, an empty cell is a missing
 * judgement. With `header`, the first row names the units; with `names`, the first column names
 * the observers. Comma-separated (RFC 4180), UTF-8 with or without BOM; blank lines are skipped.
 * Every row must have as many cells as the first. Problems are reported all at once, `file:line`.
 */
export function readMatrixCsv(text: string, file: string, options: { header?: boolean; names?: boolean }) {
  const issue = (line: number, message: string): FieldIssue => ({
    in: 'file',
    path: `${file}:${line}`,
    message: `${file}:${line}: ${message}`,
  });
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    throw new ValidationError(
      [issue(line, `not a readable CSV: ${(error as Error).message}`)],
      `${file} is not a reliability matrix`,
    );
  }
  const rows = records.map((r) => ({ cells: r.record, line: r.info.lines }));
  const fail = (issues: FieldIssue[]) => {
    throw new ValidationError(issues, `${file} is not a reliability matrix`);
  };
  const head = options.header ? rows.shift() : undefined;
  if (rows.length === 0) fail([issue(head ? head.line : 1, 'no rows of judgements (one row per observer)')]);
  const width = (head ?? rows[0]!).cells.length;
  const first = options.names ? 1 : 0;
  if (width <= first) fail([issue(rows[0]!.line, 'no unit columns')]);
  if (width === 1 && rows.some((r) => r.cells[0]!.includes(';'))) {
    fail([
      issue(
        rows[0]!.line,
        'the columns are separated by semicolons (Excel does so in some locales): separate them with commas',
      ),
    ]);
  }
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.cells.length !== width) {
      issues.push(
        issue(
          row.line,
          `${row.cells.length} cell(s) where line ${(head ?? rows[0]!).line} has ${width}: every row needs one cell per unit (leave a missing judgement empty)`,
        ),
      );
    }
    if (options.names) {
      const name = row.cells[0]!.trim();
      if (name === '') issues.push(issue(row.line, 'column 1: the observer has no name (--names)'));
      else if (seen.has(name))
        issues.push(
          issue(row.line, `column 1: observer "${name}" already has a row on line ${seen.get(name)}`),
        );
      else seen.set(name, row.line);
    }
  }
  if (issues.length > 0) fail(issues);
  const unitNames = head ? head.cells.slice(first).map((c) => c.trim()) : [];
  return {
    matrix: rows.map((r) => r.cells.slice(first)),
    observers: rows.map((r) => (options.names ? r.cells[0]!.trim() : `line ${r.line}`)),
    lines: rows.map((r) => r.line),
    units: Array.from({ length: width - first }, (_, j) => unitNames[j] || String(j + 1)),
    column: (unit: number) => unit + first + 1,
    named: options.names === true,
    headed: options.header === true,
  } satisfies MatrixFile;
}

const VERDICT_TEXT: Record<AlphaVerdict, string> = {
  reliable: `reliable (alpha >= ${ALPHA_RELIABLE.toFixed(3)})`,
  tentative: `tentative (${ALPHA_TENTATIVE.toFixed(3)} <= alpha < ${ALPHA_RELIABLE.toFixed(3)}): draw tentative conclusions only`,
  disagree: `observers disagree (alpha < ${ALPHA_TENTATIVE.toFixed(3)}): sharpen the guidance`,
};

const fixed = (x: number, digits: number) => {
  const text = x.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
};

function textReport(file: string, result: AlphaResult, data: MatrixFile, leniency: ObserverLeniency[]) {
  const out: string[] = [];
  if (result.alpha === null) {
    out.push(
      `${file}: Krippendorff's alpha (${result.level}): undefined — every pairable value is ${String(result.values[0]!.value)}; data without variation cannot show agreement beyond chance`,
    );
  } else {
    out.push(
      `${file}: Krippendorff's alpha (${result.level}) = ${fixed(result.alpha, 3)}: ${VERDICT_TEXT[classifyAlpha(result.alpha)]}`,
    );
  }
  out.push(`  pairable units:          ${result.pairableUnits} of ${result.units}`);
  out.push(`  pairable values (n):     ${result.pairableValues}`);
  out.push(`  observed disagreement:   Do = ${fixed(result.observedDisagreement, 4)}`);
  out.push(`  expected disagreement:   De = ${fixed(result.expectedDisagreement, 4)}`);
  out.push(
    `  values (count):          ${result.values.map((v) => `${String(v.value)} (${v.count})`).join(', ')}`,
  );
  out.push('');
  out.push(
    result.level === 'nominal'
      ? 'Observers: share of the other observers who judged a shared unit differently (0 = always alike)'
      : "Observers: mean deviation from the other observers' mean on shared units (+ higher, − lower)",
  );
  const width = Math.max(8, ...data.observers.map((o) => o.length));
  out.push(`  ${'observer'.padEnd(width)}  units  ${result.level === 'nominal' ? 'differ' : 'deviation'}`);
  for (const l of leniency) {
    const value = l.meanDeviation === null ? '—' : fixed(l.meanDeviation, 3);
    out.push(`  ${data.observers[l.observer]!.padEnd(width)}  ${String(l.units).padStart(5)}  ${value}`);
  }
  return out.map((line) => `${line}\n`).join('');
}

function jsonReport(result: AlphaResult, data: MatrixFile, leniency: ObserverLeniency[]) {
  return `${JSON.stringify(
    {
      level: result.level,
      alpha: result.alpha,
      verdict: result.alpha === null ? null : classifyAlpha(result.alpha),
      no_variation: result.noVariation,
      thresholds: { reliable: ALPHA_RELIABLE, tentative: ALPHA_TENTATIVE },
      units: result.units,
      pairable_units: result.pairableUnits,
      pairable_values: result.pairableValues,
      observed_disagreement: result.observedDisagreement,
      expected_disagreement: result.expectedDisagreement,
      values: result.values,
      coincidences: result.coincidences,
      observers: leniency.map((l) => ({
        name: data.observers[l.observer],
        line: data.lines[l.observer],
        units: l.units,
        mean_deviation: l.meanDeviation,
      })),
    },
    null,
    2,
  )}\n`;
}

/** At most this many problems are listed; the rest are counted. */
const MAX_LISTED = 20;

/**
 * Core's problems, placed where they are in the file: `file:line, column c (observer, unit): …`.
 * When the only cells refused are in the first row or the first column, the file most likely has
 * a header row or observer names that were not declared: say so.
 */
function placed(error: ReliabilityDataError, file: string, data: MatrixFile): ValidationError {
  const issues = error.problems.map((p): FieldIssue => {
    if (!p.cell) return { in: 'file', path: file, code: p.code, message: `${file}: ${p.reason}` };
    const line = data.lines[p.cell.observer]!;
    const names = [
      data.named ? `observer "${data.observers[p.cell.observer]}"` : '',
      data.headed ? `unit "${data.units[p.cell.unit]}"` : '',
    ].filter((x) => x !== '');
    const where = `${file}:${line}, column ${data.column(p.cell.unit)}${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
    return { in: 'file', path: `${file}:${line}`, code: p.code, message: `${where}: ${p.reason}` };
  });
  const cells = error.problems.flatMap((p) => (p.cell ? [p.cell] : []));
  const listed = issues.slice(0, MAX_LISTED);
  if (issues.length > MAX_LISTED) {
    listed.push({ in: 'file', path: file, message: `… and ${issues.length - MAX_LISTED} more problem(s)` });
  }
  const hint = (message: string) => listed.push({ in: 'file', path: file, message: `hint: ${message}` });
  // Most of the first row (or column) refused, and nothing else: undeclared unit (observer) names.
  const inRow0 = cells.filter((c) => c.observer === 0).length;
  const inCol0 = cells.filter((c) => c.unit === 0).length;
  const onlyEdges = cells.every((c) => c.observer === 0 || c.unit === 0);
  if (onlyEdges && !data.headed && inRow0 >= Math.max(2, data.units.length / 2)) {
    hint('if the first row names the units, give --header');
  }
  if (onlyEdges && !data.named && inCol0 >= Math.max(2, data.observers.length / 2)) {
    hint('if the first column names the observers, give --names');
  }
  return new ValidationError(listed, `${file} gives no alpha`);
}

/** `etalon stats alpha`: Krippendorff's alpha for any reliability matrix (docs/formats/reliability-matrix.md). */
export function registerStats(program: Command) {
  const stats = program.command('stats').description('statistics an analyst can run on a file');

  stats
    .command('alpha')
    .description("Krippendorff's alpha: how alike observers judge the same units")
    .argument('<file>', 'reliability matrix CSV: one row per observer, one column per unit, empty = missing')
    .addOption(
      new Option('--level <level>', 'level of measurement of the judgements')
        .choices(ALPHA_LEVELS)
        .makeOptionMandatory(),
    )
    .option('--header', 'the first row names the units')
    .option('--names', 'the first column names the observers')
    .option(
      '--order <labels>',
      'ordinal labels from lowest to highest, comma-separated (e.g. poor,fair,good)',
    )
    .addOption(new Option('--format <format>', 'output').choices(['text', 'json']).default('text'))
    .action(async (path: string, options: AlphaCommandOptions) => {
      const file = basename(path);
      if (options.order !== undefined && options.level !== 'ordinal') {
        throw new ValidationError([{ path: 'order', message: '--order applies to --level ordinal only' }]);
      }
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (e) {
        throw new AppError(
          'not_found',
          `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
        );
      }
      const data = readMatrixCsv(text, file, options);
      const order = options.order?.split(',').map((label) => label.trim());
      let result: AlphaResult;
      let leniency: ObserverLeniency[];
      try {
        result = krippendorffAlpha(data.matrix, { level: options.level, order });
        leniency = observerLeniency(data.matrix, { level: options.level, order });
      } catch (error) {
        if (error instanceof ReliabilityDataError) throw placed(error, file, data);
        throw error;
      }
      process.stdout.write(
        options.format === 'json'
          ? jsonReport(result, data, leniency)
          : textReport(file, result, data, leniency),
      );
    });
}
