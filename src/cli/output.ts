import { z } from 'zod';
import { isAppError, ValidationError } from '../core';
import { toFieldIssues } from '../contract/parse-input';

/** Exit codes: 2 for bad input (arguments, files, configuration), 1 for everything else. */
export const EXIT_BAD_INPUT = 2;
export const EXIT_FAILURE = 1;

/** Prints an error a person can act on, on stderr, and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof z.ZodError) {
    process.stderr.write(`etalon: configuration is not valid:\n`);
    for (const issue of toFieldIssues(error)) process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof ValidationError) {
    process.stderr.write(`etalon: ${error.message}:\n`);
    // Field names, not option names: the same issue may come from an option, stdin or a file.
    for (const issue of error.issues) {
      // Issues from files carry their place (file:line) in the message already.
      const fromFile = issue.in !== undefined && !['body', 'query', 'params'].includes(issue.in);
      process.stderr.write(
        fromFile ? `  ${issue.message}\n` : `  ${issue.path || 'input'}: ${issue.message}\n`,
      );
    }
    return EXIT_BAD_INPUT;
  }
  if (isAppError(error)) {
    process.stderr.write(`etalon: ${error.message} (${error.code})\n`);
    // validation_failed without field issues (a broken CSV, a file of unknown format) is bad input too.
    return error.code === 'conflict' || error.code === 'not_found' || error.code === 'validation_failed'
      ? EXIT_BAD_INPUT
      : EXIT_FAILURE;
  }
  process.stderr.write(`etalon: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT_FAILURE;
}
