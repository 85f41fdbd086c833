import type { Command } from 'commander';
import { parseConfig } from '../../contract/config.schema';
import { startServer } from '../../server/start-server';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('start the web app and API on $HOST:$PORT (what `npm start` runs)')
    .action(async () => {
      await startServer(parseConfig(process.env));
    });
}
