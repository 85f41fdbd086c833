import type { Locale } from '../../../../src/contract/common.schema';

/**
 * The contract's own complaints (English, written for files and logs) in Russian, for the
 * editors' live validation. Unknown ones stay as they are: the English still names the problem.
 */
const RU: [RegExp, string][] = [
  [/^a threshold needs min, max or both$/, 'Порогу нужна нижняя граница, верхняя или обе'],
  [/^min (.+) is above max (.+)$/, 'Нижняя граница $1 больше верхней $2'],
  [/^"(.*)" is not a duration like .*$/, '«$1» — не длительность вида 4h, 90m, 1h30m, 45s, 2d'],
  [/^must be a local time "HH:MM"$/, 'Нужно время «ЧЧ:ММ»'],
  [/^greetings must be in increasing order of from$/, 'Приветствия должны идти по возрастанию времени'],
  [
    /^time_greeting is required, so greetings must be listed$/,
    'Требуется приветствие по времени суток — перечислите приветствия',
  ],
  [/^a (.+) rating needs pass_min \(1…(\d+)\)$/, 'Для шкалы $1 нужен проходной балл (1…$2)'],
  [/^pass_min (\d+) is above the scale's top (\d+)$/, 'Проходной балл $1 выше максимума шкалы $2'],
  [/^a (.+) scale needs (\d+) labels, not (\d+)$/, 'Шкале $1 нужно подписей: $2, а не $3'],
  [/^weight must be above 0$/, 'Вес должен быть больше 0'],
  [/^target must be between 0 and 1$/, 'Цель — от 0 до 100 %'],
  [/^needs ru or en$/, 'Нужен текст на русском или английском'],
  [/^is not a known IANA time zone.*$/, 'Неизвестный часовой пояс (например, Europe/Moscow)'],
  [
    /^must be a date YYYY-MM-DD, or --MM-DD for every year$/,
    'Нужна дата ГГГГ-ММ-ДД или --ММ-ДД для ежегодного праздника',
  ],
  [/^must be a date YYYY-MM-DD$/, 'Нужна дата ГГГГ-ММ-ДД'],
  [/^"(.*)" ends before it starts$/, '«$1» заканчивается раньше, чем начинается'],
  [/^"(.*)" is not an interval "HH:MM-HH:MM"$/, '«$1» — не интервал «ЧЧ:ММ-ЧЧ:ММ»'],
  [
    /^"(.*)" has a time that does not exist.*$/,
    '«$1»: такого времени нет (00:00–23:59, 24:00 только как конец)',
  ],
  [/^"(.+)" is not a number: .*$/, '«$1» — не число: укажите rings, wait_seconds или числовой столбец'],
];

/** The few contract complaints whose English is written for files (field names, 0…1) and reads badly in a form. */
const EN: [RegExp, string][] = [
  [
    /^time_greeting is required, so greetings must be listed$/,
    'A greeting by the time of day is required — list the greetings',
  ],
  [/^weight must be above 0$/, 'The weight must be above 0'],
  [/^target must be between 0 and 1$/, 'The target must be between 0 and 100 %'],
];

function known(message: string, lng: Locale): string | undefined {
  for (const [pattern, text] of lng === 'ru' ? RU : EN)
    if (pattern.test(message)) return message.replace(pattern, text);
  return undefined;
}

export function contractMessage(message: string, lng: Locale): string {
  return known(message, lng) ?? message;
}

/** What the editors need of a zod issue (structural, so the web needs no zod types). */
export interface FormIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  issues?: readonly FormIssue[];
}

type IssueKey =
  | 'standards.editor.required'
  | `standards.issue.${'atMost' | 'atLeast' | 'below' | 'above'}`
  | `standards.issue.${'atMost' | 'atLeast'}${'Chars' | 'Items'}`;
type Translate = (key: IssueKey, values: { value?: string; count?: number }) => string;

/**
 * One field's complaint in the interface language: the contract's own message when the issue
 * carries one (zod files `target must be between 0 and 1` under too_big), a nested message for a
 * record key (a shift date), and a size limit worded for what it limits — a number, a text or a
 * list (`target` is shown in percent). `fallback` words anything else.
 */
export function issueMessage(
  issue: FormIssue,
  lng: Locale,
  t: Translate,
  fallback: (issue: FormIssue) => string,
): string {
  const own = known(issue.message, lng);
  if (own !== undefined) return own;
  if (issue.code === 'custom') return issue.message;
  const nested = issue.issues?.[0];
  if (nested) return issueMessage({ ...nested, path: [...issue.path, ...nested.path] }, lng, t, fallback);
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const big = issue.code === 'too_big';
    const limit = Number(big ? issue.maximum : issue.minimum);
    const exclusive = issue.inclusive === false;
    if (issue.origin === 'number' && Number.isFinite(limit)) {
      const percent = issue.path.length === 1 && issue.path[0] === 'target';
      const value = new Intl.NumberFormat(lng).format(percent ? limit * 100 : limit) + (percent ? ' %' : '');
      const key = big ? (exclusive ? 'below' : 'atMost') : exclusive ? 'above' : 'atLeast';
      return t(`standards.issue.${key}`, { value });
    }
    if ((issue.origin === 'string' || issue.origin === 'array') && Number.isFinite(limit)) {
      if (!big && limit === 1) return t('standards.editor.required', {});
      const kind = issue.origin === 'string' ? 'Chars' : 'Items';
      return t(`standards.issue.${big ? 'atMost' : 'atLeast'}${kind}`, { count: limit });
    }
  }
  return fallback(issue);
}
