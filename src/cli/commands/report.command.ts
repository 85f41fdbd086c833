import { Option, type Command } from 'commander';
import { ValidationError } from '../../core';
import { ComplianceQuery } from '../../contract/monitoring.schema';
import { parseInput } from '../../contract/parse-input';
import { formatResults, type ResultsFormat } from '../results-format';
import { withRuntime } from '../with-runtime';

interface ReportOptions {
  from: string;
  to: string;
  unit?: string;
  employee?: string;
  by: 'unit' | 'employee';
  standard?: string;
  period?: 'day' | 'week' | 'month' | 'quarter';
  format: ResultsFormat;
}

/**
 * `etalon report`: compliance of the records monitoring holds, from its roll-ups — the same rows
 * `etalon evaluate` writes for the same records and catalog.
 */
export function registerReport(program: Command) {
  program
    .command('report')
    .description('compliance of the imported records over a range of days, by unit or employee')
    .requiredOption('--from <day>', 'first day YYYY-MM-DD (periods overlapping the range are whole)')
    .requiredOption('--to <day>', 'last day YYYY-MM-DD')
    .option('--unit <code>', 'this unit and every unit below it')
    .option('--employee <code>', 'only this employee')
    .addOption(new Option('--by <level>', 'roll up by').choices(['unit', 'employee']).default('unit'))
    .option('--standard <codes>', 'standard codes, comma-separated (default: all)')
    .addOption(
      new Option('--period <period>', "period (default: each standard's own)").choices([
        'day',
        'week',
        'month',
        'quarter',
      ]),
    )
    .addOption(new Option('--format <format>', 'output').choices(['table', 'csv', 'json']).default('table'))
    .action(async (options: ReportOptions) => {
      const query = parseInput(ComplianceQuery, {
        from: options.from,
        to: options.to,
        by: options.by,
        ...(options.standard === undefined ? {} : { standard: options.standard }),
        ...(options.unit === undefined ? {} : { unit: options.unit }),
        ...(options.employee === undefined ? {} : { employee: options.employee }),
        ...(options.period === undefined ? {} : { period: options.period }),
      });
      if (query.from > query.to)
        throw new ValidationError([{ path: 'to', message: `must not be before from (${query.from})` }]);
      const report = await withRuntime((runtime, ctx) => runtime.services.monitoring.compliance(ctx, query));
      process.stdout.write(
        formatResults(report.results, report.as_of, options.format, process.stdout.isTTY === true),
      );
    });
}
