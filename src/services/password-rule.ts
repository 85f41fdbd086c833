import { checkPassword, PASSWORD_PROBLEM_MESSAGES, ValidationError } from '../core';

/** Throws a validation error on `field` listing every way the password breaks the rule. */
export function assertStrongPassword(
  password: string,
  who: { email?: string; name?: string },
  field = 'password',
) {
  const problems = checkPassword(password, who);
  if (problems.length > 0) {
    throw new ValidationError(
      problems.map((p) => ({ path: field, in: 'body', code: p, message: PASSWORD_PROBLEM_MESSAGES[p] })),
      'The password is too weak',
    );
  }
}
