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

export function contractMessage(message: string, lng: Locale): string {
  if (lng !== 'ru') return message;
  for (const [pattern, text] of RU) if (pattern.test(message)) return message.replace(pattern, text);
  return message;
}
