import { Option, type Command } from 'commander';
import { AppError } from '../../core';
import {
  OrgKind,
  TransferFormat,
  type ImportCounts,
  type OrgImportReport,
} from '../../contract/org-transfer.schema';
import { withRuntime } from '../with-runtime';
import { formatOfPath, readImportFile, runImport, writeExport } from './file-transfer';

const counts = (c: ImportCounts) => `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;

/** `etalon org export|import`: units and employees as spreadsheets (docs/formats/organization.md). */
export function registerOrg(program: Command) {
  const org = program.command('org').description('the organization: export and import units and employees');

  org
    .command('export')
    .description('write units and employees as XLSX (sheets Units, Employees) or CSV (one kind)')
    .addOption(new Option('--format <format>', 'file format').choices(TransferFormat.options).default('xlsx'))
    .addOption(new Option('--kind <kind>', 'units or employees (required for csv)').choices(OrgKind.options))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (options: { format: TransferFormat; kind?: OrgKind; output?: string }) => {
      if (options.format === 'csv' && !options.kind)
        throw new AppError('validation_failed', '--kind units|employees is required with --format csv');
      await withRuntime(async (runtime, ctx) => {
        const file = await runtime.services.orgTransfer.exportFile(ctx, {
          format: options.format,
          kind: options.kind,
        });
        await writeExport(file, options.output, options.format);
      });
    });

  org
    .command('import')
    .description('upsert units and employees by code from XLSX or CSV: all or nothing')
    .argument('<file>', 'the .xlsx workbook or .csv file')
    .addOption(new Option('--kind <kind>', 'what a CSV holds: units or employees').choices(OrgKind.options))
    .addOption(new Option('--format <format>', 'overrides the extension').choices(TransferFormat.options))
    .option('--dry-run', 'check and count without writing anything', false)
    .action(async (file: string, options: { kind?: OrgKind; format?: TransferFormat; dryRun: boolean }) => {
      const bytes = await readImportFile(file);
      await withRuntime((runtime, ctx) =>
        runImport(
          () =>
            runtime.services.orgTransfer.importFile(ctx, bytes, {
              format: formatOfPath(file, options.format),
              kind: options.kind,
              dryRun: options.dryRun,
            }),
          (r: OrgImportReport) =>
            `${r.dry_run ? 'Dry run, nothing written — would change' : 'Imported'}: units ${counts(r.units)}; employees ${counts(r.employees)}`,
        ),
      );
    });
}
