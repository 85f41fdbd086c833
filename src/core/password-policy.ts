/**
 * The password rule, after NIST SP 800-63B: length matters, composition rules do not.
 * A password must have at least 10 characters (at most 256), must not be one of the passwords
 * everyone tries first, must not be a single repeated character, and must not contain the
 * person's e-mail name or their name.
 *
 * Example: `checkPassword('correct horse battery', { email: 'joan@example.org' })` → `[]`;
 * `checkPassword('joan123456', { email: 'joan@example.org' })` → `['contains_identity']`.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'repetitive' | 'contains_identity';

const COMMON = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '1111111111',
  'qwertyuiop',
  'qwerty123456',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou123',
  'administrator',
  'letmein1234',
  'welcome1234',
  'qwerty12345',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  'zaq12wsxcde3',
  'abcdefghij',
  'abc1234567',
  'etalon12345',
  'changeme123',
  'йцукенгшщз',
  'пароль12345',
]);

/** Characters of a password as the person typed them (code points, not UTF-16 units). */
const length = (s: string) => [...s].length;

export function checkPassword(
  password: string,
  who: { email?: string; name?: string } = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const n = length(password);
  if (n < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (n > PASSWORD_MAX_LENGTH) problems.push('too_long');
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) problems.push('too_common');
  if (n > 0 && new Set(lower).size <= 2) problems.push('repetitive');
  const identity = [who.email?.split('@')[0], ...(who.name?.split(/\s+/) ?? [])]
    .map((part) => part?.toLowerCase().trim() ?? '')
    .filter((part) => length(part) >= 4);
  if (identity.some((part) => lower.includes(part))) problems.push('contains_identity');
  return problems;
}

/** English sentences for each problem; the web app translates by the problem's name. */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  too_long: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  too_common: 'This password is among the first ones attackers try.',
  repetitive: 'Use more than two different characters.',
  contains_identity: 'Do not use your name or e-mail in the password.',
};
