import { Option, type Command } from 'commander';
import { TransferFormat, type TransferFormat as Format } from '../../contract/org-transfer.schema';
import type { GridImportReport } from '../../contract/grid-transfer.schema';
import { withRuntime } from '../with-runtime';
import { formatOfPath, readImportFile, runImport, writeExport } from './file-transfer';

/** `etalon grid export|import`: the service grid as a spreadsheet (docs/formats/grid.md). */
export function registerGrid(program: Command) {
  const grid = program.command('grid').description('the service grid: export and import it as a spreadsheet');

  grid
    .command('export')
    .description('write the grid as XLSX (sheets Grid and Details) or CSV (one row per cell)')
    .addOption(new Option('--format <format>', 'file format').choices(TransferFormat.options).default('xlsx'))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (options: { format: Format; output?: string }) => {
      await withRuntime(async (runtime, ctx) => {
        const file = await runtime.services.gridTransfer.exportFile(ctx, { format: options.format });
        await writeExport(file, options.output, options.format);
      });
    });

  grid
    .command('import')
    .description('make the grid match the file for the cells it covers: all or nothing')
    .argument('<file>', 'the .xlsx workbook or .csv file')
    .addOption(new Option('--format <format>', 'overrides the extension').choices(TransferFormat.options))
    .option('--dry-run', 'check and count without writing anything', false)
    .action(async (file: string, options: { format?: Format; dryRun: boolean }) => {
      const bytes = await readImportFile(file);
      await withRuntime((runtime, ctx) =>
        runImport(
          () =>
            runtime.services.gridTransfer.importFile(ctx, bytes, {
              format: formatOfPath(file, options.format),
              dryRun: options.dryRun,
            }),
          (r: GridImportReport) =>
            `${r.dry_run ? 'Dry run, nothing written — would change' : 'Imported'}: cells ${r.created} created, ${r.updated} updated, ${r.deleted} deleted, ${r.unchanged} unchanged`,
        ),
      );
    });
}
