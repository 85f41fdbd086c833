import type { RollupRow } from '../core/compliance/rollup';

export type ResultsFormat = 'json' | 'table' | 'csv';

const percent = (x: number | null) => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)} %`);

/**
 * Roll-up rows for people or programs. `json`: `{as_of, results}`; `csv`: one row per result with a
 * header; `table`: aligned columns, targets missed marked ✗ (red on a terminal).
 * Example (table): `TEL-01  HR  2026-03  9  1  0  0  90.0 %  90.0 %  ✓`.
 */
export function formatResults(
  rows: RollupRow[],
  asOf: string,
  format: ResultsFormat,
  color: boolean,
): string {
  if (format === 'json') return `${JSON.stringify({ as_of: asOf, results: rows }, null, 2)}\n`;
  const byEmployee = rows.some((r) => 'employee' in r);
  const header = [
    'standard',
    'unit',
    ...(byEmployee ? ['employee'] : []),
    'period',
    'pass',
    'fail',
    'na',
    'pending',
    'compliance',
    'target',
    'met',
  ];
  if (format === 'csv') {
    const cell = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    };
    const lines = rows.map((r) =>
      [
        r.standard,
        r.unit,
        ...(byEmployee ? [r.employee] : []),
        r.period,
        r.pass,
        r.fail,
        r.na,
        r.pending,
        r.compliance,
        r.target,
        r.met,
      ]
        .map(cell)
        .join(','),
    );
    return `${[header.join(','), ...lines].join('\n')}\n`;
  }
  const table = rows.map((r) => [
    r.standard,
    r.unit,
    ...(byEmployee ? [r.employee ?? '—'] : []),
    r.period,
    String(r.pass),
    String(r.fail),
    String(r.na),
    String(r.pending),
    percent(r.compliance),
    percent(r.target),
    r.met === null ? '—' : r.met ? '✓' : '✗ missed',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const numeric = (i: number) => i >= header.length - 7 && i < header.length - 1;
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const paint = (text: string, met: boolean | null) =>
    !color || met === null ? text : `\u001b[${met ? 32 : 31}m${text}\u001b[0m`;
  const body = table.map((cells, i) => paint(line(cells), rows[i]!.met));
  const missed = rows.filter((r) => r.met === false).length;
  return `${[line(header), ...body].join('\n')}\n\n${rows.length} results, ${missed} below target (as of ${asOf})\n`;
}
