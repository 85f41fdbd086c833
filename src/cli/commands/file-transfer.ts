import { readFile, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { AppError, isAppError } from '../../core';
import type { ImportProblem, TransferFormat } from '../../contract/org-transfer.schema';
import type { ExportedFile } from '../../services/org-transfer.service';
import { EXIT_BAD_INPUT } from '../output';

/** Reads an import file; a missing or unreadable one is bad input naming the path. */
export async function readImportFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new AppError('not_found', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** `--format`, else the extension (.csv, .xlsx), else left to the content. */
export function formatOfPath(path: string, explicit?: TransferFormat): TransferFormat | undefined {
  if (explicit) return explicit;
  const ext = extname(path).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : undefined;
}

/** Writes an export to `-o FILE`, or to stdout — never binary XLSX to a terminal. */
export async function writeExport(file: ExportedFile, output: string | undefined, format: TransferFormat) {
  if (output) {
    await writeFile(output, file.body);
    process.stderr.write(`etalon: wrote ${output} (${file.body.length} bytes)\n`);
    return;
  }
  if (format === 'xlsx' && process.stdout.isTTY) {
    throw new AppError(
      'validation_failed',
      'an XLSX workbook is binary: write it with -o FILE or redirect stdout to a file',
    );
  }
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(file.body, (error) => (error ? reject(error) : resolve())),
  );
}

/** One problem as a line a person can find in the file: `Units:7 [D] parent_code (HR-PAY): …`. */
export function problemLine(p: ImportProblem): string {
  const where = [p.sheet || 'file', p.line > 0 ? `:${p.line}` : ''].join('');
  const column = p.column ? ` [${p.column}]` : '';
  const field = p.field ? ` ${p.field}` : '';
  const code = p.code ? ` (${p.code})` : '';
  return `${where}${column}${field}${code}: ${p.message}`;
}

/**
 * Runs an import; a refused file prints every problem on stderr and exits 2 (bad input), like any
 * other refusal of a file.
 */
export async function runImport<T>(run: () => Promise<T>, summary: (report: T) => string): Promise<void> {
  try {
    const report = await run();
    process.stdout.write(`${summary(report)}\n`);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'import_refused') throw error;
    const { problems } = error.details as { problems: ImportProblem[] };
    process.stderr.write(`etalon: ${error.message}:\n`);
    for (const p of problems) process.stderr.write(`  ${problemLine(p)}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}
