import type { Command } from 'commander';
import { withRuntime } from '../with-runtime';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('apply pending database migrations (the server also does this on start)')
    .action(async () => {
      await withRuntime(async (runtime) => {
        const report = runtime.migrations!;
        const where = `${runtime.database.dialect} at ${runtime.database.location}`;
        process.stdout.write(
          report.applied.length > 0
            ? `Applied ${report.applied.length} migration(s) to ${where}: ${report.applied.join(', ')}\n`
            : `The database (${where}) is up to date: ${report.current.length} migration(s).\n`,
        );
      });
    });
}
