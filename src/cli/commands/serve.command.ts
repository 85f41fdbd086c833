import type { Command } from 'commander';
import { parseConfig } from '../../contract/config.schema';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('start the web app and API on $HOST:$PORT (what `npm start` runs)')
    .action(async () => {
      // Loaded only here, so the other commands start without the whole HTTP stack.
      const { startServer } = await import('../../server/start-server');
      await startServer(parseConfig(process.env));
    });
}
