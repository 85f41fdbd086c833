import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_PROBLEM_MESSAGES,
  type PasswordProblem,
} from './password-policy';

/** 26 different letters, repeated to the wanted length: never "repetitive", never common. */
const varied = (n: number) => 'mnbvcxzlkjhgfdsapoiuytrewq'.repeat(Math.ceil(n / 26)).slice(0, n);
/** Ten different emoji: each is one character for a person but two UTF-16 units. */
const EMOJI = [...'😀😁😂🤣😃😄😅😆😉😊'];
const emoji = (n: number) => Array.from({ length: n }, (_, i) => EMOJI[i % EMOJI.length]).join('');

type Who = { email?: string; name?: string };
const cases: Array<[label: string, password: string, who: Who, expected: PasswordProblem[]]> = [
  ['a long passphrase is fine', 'correct horse battery', { email: 'joan@example.org' }, []],
  ['exactly the minimum length', varied(PASSWORD_MIN_LENGTH), {}, []],
  ['one below the minimum', varied(PASSWORD_MIN_LENGTH - 1), {}, ['too_short']],
  ['empty', '', {}, ['too_short']],
  ['exactly the maximum length', varied(PASSWORD_MAX_LENGTH), {}, []],
  ['one above the maximum', varied(PASSWORD_MAX_LENGTH + 1), {}, ['too_long']],
  ['a common password', 'password123', {}, ['too_common']],
  ['a common password in capitals', 'QWERTYUIOP', {}, ['too_common']],
  ['a common Russian password', 'йцукенгшщз', {}, ['too_common']],
  ['one character repeated', 'aaaaaaaaaaaa', {}, ['repetitive']],
  ['two characters alternating', 'abababababab', {}, ['repetitive']],
  ['two characters differing only in case', 'aAaAaAaAaAaA', {}, ['repetitive']],
  ['three different characters are enough', 'abcabcabcabc', {}, []],
  ['short and repetitive', 'zzzz', {}, ['too_short', 'repetitive']],
  // Length counts characters as typed (code points), not UTF-16 units.
  ['nine emoji are too short (18 UTF-16 units)', emoji(9), {}, ['too_short']],
  ['ten emoji are long enough', emoji(10), {}, []],
  ['256 emoji are within the maximum (512 units)', emoji(PASSWORD_MAX_LENGTH), {}, []],
  ['257 emoji are too long', emoji(PASSWORD_MAX_LENGTH + 1), {}, ['too_long']],
  ['ten Cyrillic letters', 'ёжиквтумане', {}, []],
  // Identity: the e-mail name and each part of the name, 4 characters or longer, ignoring case.
  ['contains the e-mail name', 'joan-2026-spring', { email: 'joan@example.org' }, ['contains_identity']],
  [
    'contains the e-mail name in other case',
    'My JOAN password',
    { email: 'Joan@Example.org' },
    ['contains_identity'],
  ],
  ['contains a part of the name', 'smithereens 42', { name: 'Joan Smith' }, ['contains_identity']],
  ['contains a Cyrillic surname', 'ПЕТРОВ весна 2026', { name: 'Иван Петров' }, ['contains_identity']],
  [
    'parts shorter than 4 characters are ignored',
    'al and li went home',
    { email: 'al@example.org', name: 'Al Li' },
    [],
  ],
  ['the e-mail domain is not identity', 'example lantern 42', { email: 'joan@example.org' }, []],
  ['short and identity', 'joan12345', { email: 'joan@example.org' }, ['too_short', 'contains_identity']],
  ['no identity given', 'joan-2026-spring', {}, []],
];

describe('checkPassword', () => {
  it.each(cases)('%s', (_label, password, who, expected) => {
    expect(checkPassword(password, who)).toEqual(expected);
  });

  it('has a message for every problem', () => {
    const problems: PasswordProblem[] = [
      'too_short',
      'too_long',
      'too_common',
      'repetitive',
      'contains_identity',
    ];
    for (const p of problems) expect(PASSWORD_PROBLEM_MESSAGES[p]).toMatch(/\w{3,}/);
    expect(PASSWORD_PROBLEM_MESSAGES.too_short).toContain(String(PASSWORD_MIN_LENGTH));
  });
});
