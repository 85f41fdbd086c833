import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { ValidationError } from '../../core';
import { parseInstant } from '../../contract/interaction-record.schema';
import { evaluateFiles, issuesOf } from '../../services/evaluation/evaluate-files';
import { formatResults, type ResultsFormat } from '../results-format';

interface EvaluateOptions {
  standards: string;
  interactions: string;
  asOf?: string;
  by: 'unit' | 'employee';
  format: ResultsFormat;
  verdicts?: string;
  skipInvalid?: boolean;
  recordsFormat?: 'csv' | 'ndjson';
}

/** `etalon evaluate`: compliance of interaction records with a standards file, rolled up. */
export function registerEvaluate(program: Command) {
  program
    .command('evaluate')
    .description('judge interaction records against a standards file and roll up compliance')
    .requiredOption('--standards <file>', 'standards file (YAML, etalon/v1)')
    .requiredOption('--interactions <file>', 'interaction records (.csv with a header, or .ndjson)')
    .option('--as-of <instant>', 'ISO 8601 instant that counts as now (default: now)')
    .addOption(new Option('--by <level>', 'roll up by').choices(['unit', 'employee']).default('unit'))
    .addOption(new Option('--format <format>', 'output').choices(['json', 'table', 'csv']).default('table'))
    .addOption(
      new Option('--records-format <format>', 'records format when the extension does not tell').choices([
        'csv',
        'ndjson',
      ]),
    )
    .option('--verdicts <file>', 'also write every verdict with its reason, one JSON line each')
    .option('--skip-invalid', 'evaluate the valid records and report the rejected ones on stderr')
    .action(async (options: EvaluateOptions) => {
      const asOfMs = options.asOf === undefined ? Date.now() : parseAsOf(options.asOf);
      const report = await evaluateFiles({
        standardsPath: options.standards,
        interactionsPath: options.interactions,
        format: options.recordsFormat,
        asOfMs,
        by: options.by,
        skipInvalid: options.skipInvalid ?? false,
        verdictsPath: options.verdicts,
      });
      for (const entry of report.rejected) {
        for (const issue of issuesOf(basename(options.interactions), entry))
          process.stderr.write(`rejected ${issue.message}\n`);
      }
      if (report.rejected.length > 0) {
        process.stderr.write(`${report.rejected.length} record(s) rejected, ${report.records} evaluated\n`);
      }
      const asOf = new Date(asOfMs).toISOString();
      process.stdout.write(formatResults(report.rows, asOf, options.format, process.stdout.isTTY === true));
    });
}

/** `--as-of` is read like every instant in a records file: ISO 8601 with an offset or Z. */
function parseAsOf(text: string): number {
  const ms = parseInstant(text);
  if (typeof ms === 'string') throw new ValidationError([{ path: 'as_of', message: ms }]);
  return ms;
}
