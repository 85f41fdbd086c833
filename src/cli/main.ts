import { Command, CommanderError } from 'commander';
import { VERSION } from '../services/version';
import { registerConvert } from './commands/convert.command';
import { registerDemo } from './commands/demo.command';
import { registerEvaluate } from './commands/evaluate.command';
import { registerGrid } from './commands/grid.command';
import { registerImport } from './commands/import.command';
import { registerMigrate } from './commands/migrate.command';
import { registerOrg } from './commands/org.command';
import { registerReport } from './commands/report.command';
import { registerServe } from './commands/serve.command';
import { registerStandards } from './commands/standards.command';
import { registerStats } from './commands/stats.command';
import { registerToken } from './commands/token.command';
import { registerUser } from './commands/user.command';
import { EXIT_BAD_INPUT, reportError } from './output';

/**
 * `etalon`: every command acts on the database the server uses (ETALON_DATA_DIR or DATABASE_URL)
 * and may run while the server runs. A new command is `commands/<name>.command.ts` plus one line.
 */
const program = new Command('etalon')
  .description('Etalon: agree, monitor and improve customer-service standards')
  .version(VERSION, '-v, --version', 'print the version')
  .showHelpAfterError()
  .exitOverride();

registerServe(program);
registerMigrate(program);
registerUser(program);
registerToken(program);
registerEvaluate(program);
registerConvert(program);
registerDemo(program);
registerOrg(program);
registerGrid(program);
registerStandards(program);
registerImport(program);
registerReport(program);
registerStats(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and --version end with code 0; usage mistakes are bad input.
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  } else {
    process.exitCode = reportError(error);
  }
}
