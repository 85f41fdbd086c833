import { Command, CommanderError } from 'commander';
import { VERSION } from '../services/version';
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

/**
 * Each command's module, loaded only when it is needed: a process runs one command, and loading
 * every command (and what they import) would cost each run most of a second. `--help`, `--version`
 * and unknown commands load them all, so help lists every command and mistakes get suggestions.
 */
type Register = (program: Command) => void;
const COMMANDS: Record<string, () => Promise<Register>> = {
  serve: async () => (await import('./commands/serve.command')).registerServe,
  migrate: async () => (await import('./commands/migrate.command')).registerMigrate,
  user: async () => (await import('./commands/user.command')).registerUser,
  token: async () => (await import('./commands/token.command')).registerToken,
  evaluate: async () => (await import('./commands/evaluate.command')).registerEvaluate,
  convert: async () => (await import('./commands/convert.command')).registerConvert,
  demo: async () => (await import('./commands/demo.command')).registerDemo,
  org: async () => (await import('./commands/org.command')).registerOrg,
  grid: async () => (await import('./commands/grid.command')).registerGrid,
  standards: async () => (await import('./commands/standards.command')).registerStandards,
  import: async () => (await import('./commands/import.command')).registerImport,
  report: async () => (await import('./commands/report.command')).registerReport,
  stats: async () => (await import('./commands/stats.command')).registerStats,
};
const asked = process.argv[2];
const needed = asked !== undefined && Object.hasOwn(COMMANDS, asked) ? [asked] : Object.keys(COMMANDS);
for (const register of await Promise.all(needed.map((name) => COMMANDS[name]!()))) register(program);

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
