import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AppError, isAppError } from '../../core';
import { parseIsoDate } from '../../core/time/civil-date';
import type { ImportProblem } from '../../contract/org-transfer.schema';
import { applyReport, problemText } from '../../services/standards-code/apply-report';
import { EXIT_BAD_INPUT } from '../output';
import { runQueuedRejudging } from '../run-queued-jobs';
import { withRuntime } from '../with-runtime';

/**
 * `--effective-from`: an ISO instant (returned as UTC), or a day `YYYY-MM-DD` (kept: the service
 * starts it at midnight in the file's or the organization's time zone).
 */
export function effectiveFromOption(text: string): string {
  if (parseIsoDate(text) !== undefined) return text;
  const ms = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(ms))
    throw new AppError(
      'validation_failed',
      `--effective-from "${text}" is not an ISO instant or a day YYYY-MM-DD`,
    );
  return new Date(ms).toISOString();
}

/** `etalon standards export|apply`: the catalog as an etalon/v1 file (docs/formats/standards-file.md). */
export function registerStandards(program: Command) {
  const standards = program
    .command('standards')
    .description('standards as code: export the catalog in force as YAML, apply a file as a proposal');

  standards
    .command('export')
    .description('write the published catalog in force as an etalon/v1 standards file')
    .option('--unit <code>', 'only the standards that bind this unit')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (options: { unit?: string; output?: string }) => {
      const text = await withRuntime((runtime, ctx) =>
        runtime.services.standardsCode.exportYaml(ctx, { unit: options.unit }),
      );
      if (options.output) {
        await writeFile(options.output, text);
        process.stderr.write(`etalon: wrote ${options.output}\n`);
      } else process.stdout.write(text);
    });

  standards
    .command('apply')
    .description(
      'apply a standards file: units and employees by code, standard and calendar changes as a proposal',
    )
    .requiredOption('-f, --file <file>', 'the etalon/v1 standards file')
    .option('--dry-run', 'show the changes without writing anything', false)
    .option('--publish', 'publish at once instead of waiting for approvals (administrators)', false)
    .option(
      '--effective-from <when>',
      'when the changes take effect: ISO instant or YYYY-MM-DD (may be past)',
    )
    .option('--title <title>', 'the proposal title (default: Apply <file>)')
    .action(
      async (options: {
        file: string;
        dryRun: boolean;
        publish: boolean;
        effectiveFrom?: string;
        title?: string;
      }) => {
        const effectiveFrom = options.effectiveFrom ? effectiveFromOption(options.effectiveFrom) : undefined;
        let text: string;
        try {
          text = await readFile(options.file, 'utf8');
        } catch (e) {
          throw new AppError(
            'not_found',
            `cannot read ${options.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
          );
        }
        await withRuntime(async (runtime, ctx) => {
          try {
            const result = await runtime.services.standardsCode.apply(ctx, text, {
              dryRun: options.dryRun,
              publish: options.publish,
              effectiveFrom,
              title: options.title,
              fileName: basename(options.file),
            });
            process.stdout.write(
              applyReport(result)
                .map((l) => `${l}\n`)
                .join(''),
            );
            if (options.publish && !options.dryRun) await runQueuedRejudging(runtime);
          } catch (error) {
            if (!isAppError(error) || error.code !== 'import_refused') throw error;
            const { problems } = error.details as { problems: ImportProblem[] };
            process.stderr.write(
              `etalon: ${basename(options.file)} was not applied: ${problems.length} problem(s); nothing was changed:\n`,
            );
            for (const p of problems) process.stderr.write(`  ${problemText(p)}\n`);
            process.exitCode = EXIT_BAD_INPUT;
          }
        });
      },
    );
}
