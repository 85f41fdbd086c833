import type { Command } from 'commander';
import { once } from 'node:events';
import { isAppError } from '../../core';
import { convertAsteriskCdr, readExtensionMap } from '../../services/files/asterisk-cdr.converter';
import { EXIT_BAD_INPUT } from '../output';

/** Buffers output and respects stdout's back-pressure, so a large conversion keeps memory flat. */
function stdoutWriter() {
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    const chunk = buffer;
    buffer = '';
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  };
  return {
    write: async (text: string) => {
      buffer += text;
      if (buffer.length >= 1 << 16) await flush();
    },
    flush,
  };
}

export function registerConvert(program: Command) {
  const convert = program
    .command('convert')
    .description('turn other systems’ files into interaction records');

  convert
    .command('asterisk-cdr')
    .description("Asterisk's cdr_csv Master.csv → interaction records CSV on stdout")
    .argument('<file>', 'the CDR file (Master.csv, no header)')
    .requiredOption('--timezone <zone>', "the PBX's IANA time zone, e.g. Europe/Moscow")
    .requiredOption('--extensions <file>', 'CSV extension,unit,employee: who answers each destination')
    .action(async (file: string, options: { timezone: string; extensions: string }) => {
      const out = stdoutWriter();
      try {
        const extensions = await readExtensionMap(options.extensions);
        const report = await convertAsteriskCdr(
          file,
          { timezone: options.timezone, extensions },
          out.write,
          (message) => process.stderr.write(`etalon: ${message}\n`),
        );
        await out.flush();
        process.stderr.write(
          `etalon: converted ${report.converted} of ${report.rows} call(s)${report.skipped ? `, skipped ${report.skipped}` : ''}\n`,
        );
        if (report.rows > 0 && report.converted === 0) process.exitCode = EXIT_BAD_INPUT;
      } catch (error) {
        if (!isAppError(error)) throw error;
        process.stderr.write(`etalon: ${error.message}\n`);
        process.exitCode = EXIT_BAD_INPUT;
      }
    });
}
