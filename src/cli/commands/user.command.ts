import type { Command } from 'commander';
import { Option } from 'commander';
import { ROLES } from '../../core';
import { parseInput } from '../../contract/parse-input';
import { UserCreate, UserListQuery } from '../../contract/user.schema';
import { withRuntime } from '../with-runtime';
import { promptPassword, readPasswordFromStdin } from '../read-password';

interface CreateOptions {
  email: string;
  name?: string;
  role: string;
  passwordStdin?: boolean;
  invite?: boolean;
  locale?: string;
}

export function registerUser(program: Command) {
  const user = program.command('user').description('manage people: create, list');

  user
    .command('create')
    .description('create a person (the first admin on an empty instance, too)')
    .requiredOption('--email <email>', 'their e-mail, used to sign in')
    .option('--name <name>', 'their name (default: the e-mail name)')
    .addOption(new Option('--role <role>', 'what they may do').choices(ROLES).default('staff'))
    .option('--password-stdin', 'read the password from standard input instead of asking')
    .option('--invite', 'give no password; print a one-time link for them to choose one')
    .addOption(new Option('--locale <locale>', 'interface language').choices(['ru', 'en']))
    .action(async (options: CreateOptions) => {
      const password = options.invite
        ? undefined
        : options.passwordStdin
          ? await readPasswordFromStdin()
          : await promptPassword();
      const input = parseInput(UserCreate, {
        email: options.email,
        name: options.name ?? options.email.split('@')[0],
        role: options.role,
        password,
        invite: options.invite ?? false,
        locale: options.locale,
      });
      await withRuntime(async (runtime, ctx) => {
        const created = await runtime.services.users.create(ctx, input);
        process.stdout.write(`Created ${created.user.role} ${created.user.email} (${created.user.id})\n`);
        if (created.invite_url) {
          process.stdout.write(
            `Invitation link, valid until ${created.invite_expires_at}:\n${created.invite_url}\n`,
          );
          if (!runtime.config.publicUrl)
            process.stderr.write('Set ETALON_PUBLIC_URL to make the link absolute.\n');
        }
      });
    });

  user
    .command('list')
    .description('list people')
    .addOption(new Option('--role <role>', 'only this role').choices(ROLES))
    .option('--json', 'print JSON')
    .action(async (options: { role?: string; json?: boolean }) => {
      const query = parseInput(UserListQuery, { role: options.role, limit: 500 });
      await withRuntime(async (runtime, ctx) => {
        const page = await runtime.services.users.list(ctx, query);
        if (options.json) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        for (const u of page.items) process.stdout.write(`${u.email}\t${u.role}\t${u.status}\t${u.name}\n`);
        process.stderr.write(`${page.total} people\n`);
      });
    });
}
