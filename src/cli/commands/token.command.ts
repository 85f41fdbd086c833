import type { Command } from 'commander';
import { Option } from 'commander';
import { ROLES } from '../../core';
import { parseInput } from '../../contract/parse-input';
import { IdParams } from '../../contract/common.schema';
import { TokenCreate } from '../../contract/token.schema';
import { withRuntime } from '../with-runtime';

export function registerToken(program: Command) {
  const token = program.command('token').description('manage API tokens: create, list, revoke');

  token
    .command('create')
    .description('create an API token and print its secret (shown only this once)')
    .requiredOption('--name <name>', 'what the token is for, e.g. ci or telephony')
    .addOption(new Option('--role <role>', 'what the token may do').choices(ROLES).makeOptionMandatory())
    .option('--expires <instant>', 'ISO 8601 instant after which it stops working')
    .action(async (options: { name: string; role: string; expires?: string }) => {
      const input = parseInput(TokenCreate, {
        name: options.name,
        role: options.role,
        expires_at: options.expires,
      });
      await withRuntime(async (runtime, ctx) => {
        const created = await runtime.services.tokens.create(ctx, input);
        process.stderr.write(
          `Created token "${created.token.name}" (${created.token.role}, id ${created.token.id}). Keep the secret: it is not shown again.\n`,
        );
        process.stdout.write(`${created.secret}\n`);
      });
    });

  token
    .command('list')
    .description('list tokens (never their secrets)')
    .action(async () => {
      await withRuntime(async (runtime, ctx) => {
        const { items } = await runtime.services.tokens.list(ctx);
        for (const t of items) {
          const state = t.revoked_at
            ? `revoked ${t.revoked_at}`
            : t.expires_at
              ? `expires ${t.expires_at}`
              : 'active';
          process.stdout.write(`${t.id}\t${t.prefix}…\t${t.name}\t${t.role}\t${state}\n`);
        }
      });
    });

  token
    .command('revoke')
    .description('revoke a token by id; it stops working at once')
    .argument('<id>', 'the token id (see `etalon token list`)')
    .action(async (id: string) => {
      const params = parseInput(IdParams, { id });
      await withRuntime(async (runtime, ctx) => {
        const revoked = await runtime.services.tokens.revoke(ctx, params.id);
        process.stdout.write(`Revoked "${revoked.name}" at ${revoked.revoked_at}\n`);
      });
    });
}
