import type { Command } from 'commander';
import { Option } from 'commander';
import { parseInput } from '../../contract/parse-input';
import { DemoLoad } from '../../contract/demo.schema';
import { withRuntime } from '../with-runtime';

export function registerDemo(program: Command) {
  program
    .command('demo')
    .description(
      'load the demo organization (units, employees, a filled service grid, service standards and proposals, and the last months of interaction records, judged) into an empty instance',
    )
    .addOption(
      new Option('--language <locale>', 'language of the free texts (names come in both)')
        .choices(['ru', 'en'])
        .default('en'),
    )
    .action(async (options: { language: string }) => {
      const input = parseInput(DemoLoad, { locale: options.language });
      await withRuntime(async (runtime, ctx) => {
        const report = await runtime.services.demo.load(ctx, input.locale);
        process.stdout.write(
          Object.values(report).every((n) => n === 0)
            ? 'The demo organization is already loaded: nothing to do.\n'
            : `Loaded the demo organization: ${report.units} unit(s), ${report.employees} employee(s), ${report.cells} grid cell(s), ${report.standards} standard(s) and calendar(s), ${report.proposals} proposal(s), ${report.interactions} interaction record(s).\n`,
        );
      });
    });
}
