import { describe, expect, it } from 'vitest';
import { CalendarDefinition, StandardDefinition } from '../../../../src/contract/catalog.schema';
import { contractMessage, issueMessage, type FormIssue } from './contract-messages';

/** The contract's own custom complaints for an input, by path, in Russian as the editors show them. */
function russianComplaints(schema: typeof StandardDefinition | typeof CalendarDefinition, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the contract to refuse the input');
  return Object.fromEntries(
    result.error.issues
      .filter((i) => i.code === 'custom')
      .map((i) => [i.path.map(String).join('.'), contractMessage(i.message, 'ru')]),
  );
}

const standard = (measure: unknown, extra: Record<string, unknown> = {}) => ({
  code: 'tel-01',
  title: { ru: 'Ответ на звонок' },
  kind: 'tangible',
  category: 'responsiveness',
  measure,
  target: 0.9,
  period: 'month',
  ...extra,
});

describe('contractMessage in Russian, for what the contract really says', () => {
  it('thresholds', () => {
    expect(russianComplaints(StandardDefinition, standard({ type: 'threshold', field: 'rings' }))).toEqual({
      measure: 'Порогу нужна нижняя граница, верхняя или обе',
    });
    expect(
      russianComplaints(StandardDefinition, standard({ type: 'threshold', field: 'rings', min: 5, max: 3 })),
    ).toEqual({ measure: 'Нижняя граница 5 больше верхней 3' });
  });

  it('durations, greetings and a missing text', () => {
    expect(
      russianComplaints(
        StandardDefinition,
        standard({ type: 'response_time', within: 'soon' }, { title: {} }),
      ),
    ).toEqual({
      title: 'Нужен текст на русском или английском',
      'measure.within': '«soon» — не длительность вида 4h, 90m, 1h30m, 45s, 2d',
    });
    expect(
      russianComplaints(
        StandardDefinition,
        standard({
          type: 'script',
          require: ['time_greeting'],
          greetings: [
            { from: '12:00', say: ['добрый день'] },
            { from: '06:00', say: ['доброе утро'] },
          ],
        }),
      ),
    ).toEqual({ 'measure.greetings.1.from': 'Приветствия должны идти по возрастанию времени' });
    expect(
      russianComplaints(StandardDefinition, standard({ type: 'script', require: ['time_greeting', 'unit'] })),
    ).toEqual({ 'measure.greetings': 'Требуется приветствие по времени суток — перечислите приветствия' });
  });

  it('ratings', () => {
    expect(russianComplaints(StandardDefinition, standard({ type: 'rating', scale: '1-5' }))).toEqual({
      'measure.pass_min': 'Для шкалы 1-5 нужен проходной балл (1…5)',
    });
    expect(
      russianComplaints(
        StandardDefinition,
        standard({ type: 'rating', scale: '1-3', pass_min: 4, labels: ['плохо', 'хорошо'] }),
      ),
    ).toEqual({
      'measure.pass_min': 'Проходной балл 4 выше максимума шкалы 3',
      'measure.labels': 'Шкале 1-3 нужно подписей: 3, а не 2',
    });
  });

  it('calendars: zone, intervals and holidays', () => {
    expect(
      russianComplaints(CalendarDefinition, {
        id: 'office',
        timezone: 'Europe/Mosсow', // a Cyrillic "с" inside
        week: { mon: ['18:00-09:00'], tue: ['9-18'], wed: ['09:00-25:00'] },
        holidays: ['--05-09', '2026-02-30'],
      }),
    ).toEqual({
      timezone: 'Неизвестный часовой пояс (например, Europe/Moscow)',
      'week.mon.0': '«18:00-09:00» заканчивается раньше, чем начинается',
      'week.tue.0': '«9-18» — не интервал «ЧЧ:ММ-ЧЧ:ММ»',
      'week.wed.0': '«09:00-25:00»: такого времени нет (00:00–23:59, 24:00 только как конец)',
      'holidays.1': 'Нужна дата ГГГГ-ММ-ДД или --ММ-ДД для ежегодного праздника',
    });
  });

  it('a shift date (the record key check nests its message)', () => {
    const result = CalendarDefinition.safeParse({
      id: 'office',
      timezone: 'Europe/Moscow',
      week: {},
      shifts: { '2026-13-01': ['10:00-14:00'] },
    });
    const nested = result.error?.issues.flatMap((i) => ('issues' in i ? i.issues : [])) ?? [];
    expect(nested.map((i) => contractMessage(i.message, 'ru'))).toEqual(['Нужна дата ГГГГ-ММ-ДД']);
  });

  it('the file check of a threshold on a text field', () => {
    expect(
      contractMessage('"greeting" is not a number: name rings, wait_seconds or a numeric column', 'ru'),
    ).toBe('«greeting» — не число: укажите rings, wait_seconds или числовой столбец');
  });

  it('leaves English as it is, and an unknown complaint in English in Russian too', () => {
    expect(contractMessage('min 5 is above max 3', 'en')).toBe('min 5 is above max 3');
    expect(contractMessage('something new went wrong', 'ru')).toBe('something new went wrong');
  });

  it('matches the whole message only (a prefix of a known one stays English)', () => {
    expect(contractMessage('must be a date YYYY-MM-DD or else', 'ru')).toBe(
      'must be a date YYYY-MM-DD or else',
    );
  });
});

/** Every issue of an input as the editors word it; `t` echoes the key and its values. */
function formMessages(
  schema: typeof StandardDefinition | typeof CalendarDefinition,
  input: unknown,
  lng: 'ru' | 'en',
) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the contract to refuse the input');
  const t = (key: string, values: { value?: string; count?: number }) =>
    `${key}${values.value !== undefined ? ` ${values.value}` : ''}${values.count !== undefined ? ` #${values.count}` : ''}`;
  return Object.fromEntries(
    result.error.issues.map((i) => [
      i.path.map(String).join('.'),
      issueMessage(i as FormIssue, lng, t, (x) => `fallback:${x.code}`),
    ]),
  );
}

describe('issueMessage, one field complaint for the editors', () => {
  it("the contract's own message for a size limit wins (target, weight), in both languages", () => {
    const input = standard({ type: 'rating', scale: '1-5', pass_min: 3, weight: 0 }, { target: 1.5 });
    expect(formMessages(StandardDefinition, input, 'ru')).toEqual({
      'measure.weight': 'Вес должен быть больше 0',
      target: 'Цель — от 0 до 100 %',
    });
    expect(formMessages(StandardDefinition, input, 'en')).toEqual({
      'measure.weight': 'The weight must be above 0',
      target: 'The target must be between 0 and 100 %',
    });
  });

  it("the Script measure's greetings in English too", () => {
    expect(
      formMessages(StandardDefinition, standard({ type: 'script', require: ['time_greeting'] }), 'en'),
    ).toEqual({ 'measure.greetings': 'A greeting by the time of day is required — list the greetings' });
  });

  it('a size limit without a message of its own says what it limits: a number, a text, a list', () => {
    const t = (key: string, values: { value?: string; count?: number }) =>
      `${key}|${values.value ?? values.count ?? ''}`;
    const fb = () => 'fallback';
    const limit = (
      origin: string,
      code: string,
      n: number,
      path: string[] = ['x'],
      inclusive = true,
    ): FormIssue => ({
      code,
      origin,
      path,
      message: 'Too big: zod default',
      ...(code === 'too_big' ? { maximum: n } : { minimum: n }),
      inclusive,
    });
    expect(issueMessage(limit('number', 'too_big', 1, ['target']), 'en', t, fb)).toBe(
      'standards.issue.atMost|100 %',
    );
    expect(issueMessage(limit('number', 'too_big', 1.5, ['rings']), 'ru', t, fb)).toBe(
      'standards.issue.atMost|1,5',
    );
    expect(issueMessage(limit('number', 'too_small', 0, ['w'], false), 'en', t, fb)).toBe(
      'standards.issue.above|0',
    );
    expect(issueMessage(limit('string', 'too_big', 64), 'en', t, fb)).toBe('standards.issue.atMostChars|64');
    expect(issueMessage(limit('string', 'too_small', 1), 'en', t, fb)).toBe('standards.editor.required|');
    expect(issueMessage(limit('array', 'too_small', 2), 'en', t, fb)).toBe('standards.issue.atLeastItems|2');
    expect(issueMessage({ code: 'invalid_type', path: ['x'], message: 'Invalid input' }, 'en', t, fb)).toBe(
      'fallback',
    );
  });

  it('a bad shift date passes on the nested message, not "Invalid key in record"', () => {
    const input = {
      id: 'office',
      timezone: 'Europe/Moscow',
      week: {},
      shifts: { '2026-13-01': ['10:00-14:00'] },
    };
    expect(formMessages(CalendarDefinition, input, 'ru')).toEqual({
      'shifts.2026-13-01': 'Нужна дата ГГГГ-ММ-ДД',
    });
    expect(formMessages(CalendarDefinition, input, 'en')).toEqual({
      'shifts.2026-13-01': 'must be a date YYYY-MM-DD',
    });
  });

  it('an empty title is "required"', () => {
    expect(
      formMessages(
        StandardDefinition,
        standard({ type: 'threshold', field: 'rings', max: 3 }, { title: '' }),
        'en',
      ),
    ).toEqual({
      title: 'standards.editor.required',
    });
  });
});
