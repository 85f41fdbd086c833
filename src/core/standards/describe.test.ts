import { describe, expect, it } from 'vitest';
import { describeMeasure, describeStandard, describeTarget, localized, ruPlural } from './describe';

describe('describeStandard', () => {
  it('says the issue example in both languages', () => {
    const def = {
      measure: { type: 'threshold' as const, field: 'rings', max: 3 },
      target: 0.9,
      period: 'month' as const,
      channels: ['phone'],
    };
    expect(describeStandard(def, 'en', { ringSeconds: 5 })).toBe(
      'Calls answered by the 3rd ring (5 s a ring); at least 90 % of calls each month',
    );
    expect(describeStandard(def, 'ru', { ringSeconds: 5 })).toBe(
      'Звонок принят не позднее 3-го гудка (5 с на гудок); не менее 90 % звонков каждый месяц',
    );
  });

  it('takes calls as the noun for rings when no channel is named, observations for audited measures', () => {
    const rings = {
      measure: { type: 'threshold' as const, field: 'rings', max: 2 },
      target: 0.95,
      period: 'week' as const,
    };
    expect(describeStandard(rings, 'en')).toBe(
      'Calls answered by the 2nd ring; at least 95 % of calls each week',
    );
    const smile = {
      measure: { type: 'checklist' as const },
      target: 0.8,
      period: 'quarter' as const,
      channels: ['visit'],
    };
    expect(describeStandard(smile, 'en')).toBe(
      'Yes / no / not applicable item; at least 80 % of observations each quarter',
    );
    expect(describeStandard(smile, 'ru')).toBe(
      'Пункт «да / нет / неприменимо»; не менее 80 % наблюдений каждый квартал',
    );
  });

  it('is tolerant of a half-filled definition', () => {
    expect(describeStandard({}, 'en')).toBe('…; at least … of requests …');
    expect(describeStandard({ measure: { type: 'response_time' } }, 'ru')).toBe(
      'Ответ не позднее чем через … рабочего времени; не менее … обращений …',
    );
  });
});

describe('describeMeasure: threshold', () => {
  it('words rings with min, max or both', () => {
    expect(describeMeasure({ type: 'threshold', field: 'rings', min: 2 }, 'en')).toBe(
      'Calls answered no earlier than the 2nd ring',
    );
    expect(describeMeasure({ type: 'threshold', field: 'rings', min: 1, max: 3 }, 'en')).toBe(
      'Calls answered between the 1st and the 3rd ring',
    );
    expect(describeMeasure({ type: 'threshold', field: 'rings', min: 1, max: 3 }, 'ru')).toBe(
      'Звонок принят с 1-го по 3-й гудок',
    );
    expect(describeMeasure({ type: 'threshold', field: 'rings', min: 2 }, 'ru')).toBe(
      'Звонок принят не ранее 2-го гудка',
    );
    expect(describeMeasure({ type: 'threshold', field: 'rings', max: 11 }, 'en')).toBe(
      'Calls answered by the 11th ring',
    );
    expect(describeMeasure({ type: 'threshold', field: 'rings', max: 21 }, 'en', { ringSeconds: 2.5 })).toBe(
      'Calls answered by the 21st ring (2.5 s a ring)',
    );
    expect(describeMeasure({ type: 'threshold', field: 'rings', max: 4 }, 'ru', { ringSeconds: 2.5 })).toBe(
      'Звонок принят не позднее 4-го гудка (2,5 с на гудок)',
    );
  });

  it('words the waiting time and other numeric fields', () => {
    expect(describeMeasure({ type: 'threshold', field: 'wait_seconds', max: 20 }, 'en')).toBe(
      'Waiting time at most 20 s',
    );
    expect(describeMeasure({ type: 'threshold', field: 'wait_seconds', max: 20 }, 'ru')).toBe(
      'Время ожидания не более 20 с',
    );
    expect(describeMeasure({ type: 'threshold', field: 'wait_seconds', min: 5, max: 20 }, 'ru')).toBe(
      'Время ожидания от 5 до 20 с',
    );
    expect(describeMeasure({ type: 'threshold', field: 'csat', min: 4 }, 'en')).toBe('“csat” is at least 4');
    expect(describeMeasure({ type: 'threshold', field: 'csat', min: 4, max: 5 }, 'en')).toBe(
      '“csat” is between 4 and 5',
    );
    expect(describeMeasure({ type: 'threshold', field: 'csat', min: 4.5 }, 'ru')).toBe('«csat» не менее 4,5');
    expect(describeMeasure({ type: 'threshold', field: 'csat' }, 'en')).toBe('“csat”: no limit set');
    expect(describeMeasure({ type: 'threshold', field: 'csat' }, 'ru')).toBe('«csat»: граница не задана');
  });
});

describe('describeMeasure: response_time', () => {
  const rt = (within: string, clock?: 'business' | 'calendar') => ({
    type: 'response_time' as const,
    within,
    clock,
  });

  it('counts business hours with Russian plural forms', () => {
    expect(describeMeasure(rt('4h'), 'en')).toBe('Reply within 4 business hours');
    expect(describeMeasure(rt('4h'), 'ru')).toBe('Ответ не позднее чем через 4 рабочих часа');
    expect(describeMeasure(rt('1h'), 'en')).toBe('Reply within 1 business hour');
    expect(describeMeasure(rt('1h'), 'ru')).toBe('Ответ не позднее чем через 1 рабочий час');
    expect(describeMeasure(rt('8h'), 'ru')).toBe('Ответ не позднее чем через 8 рабочих часов');
    expect(describeMeasure(rt('21h'), 'ru')).toBe('Ответ не позднее чем через 21 рабочий час');
    expect(describeMeasure(rt('12h'), 'ru')).toBe('Ответ не позднее чем через 12 рабочих часов');
    expect(describeMeasure(rt('30m'), 'ru')).toBe('Ответ не позднее чем через 30 рабочих минут');
    expect(describeMeasure(rt('2m'), 'ru')).toBe('Ответ не позднее чем через 2 рабочие минуты');
  });

  it('says business days as hours (the engine counts d as 24 hours) and mixes units', () => {
    expect(describeMeasure(rt('1d'), 'en')).toBe('Reply within 24 business hours');
    expect(describeMeasure(rt('90m'), 'en')).toBe('Reply within 1 hour 30 minutes of business time');
    expect(describeMeasure(rt('1h30m'), 'ru')).toBe(
      'Ответ не позднее чем через 1 час 30 минут рабочего времени',
    );
  });

  it('says calendar time round the clock, with days', () => {
    expect(describeMeasure(rt('2d', 'calendar'), 'en')).toBe('Reply within 2 days, round the clock');
    expect(describeMeasure(rt('2d', 'calendar'), 'ru')).toBe(
      'Ответ не позднее чем через 2 дня (круглосуточно)',
    );
    expect(describeMeasure(rt('1d2h', 'calendar'), 'ru')).toBe(
      'Ответ не позднее чем через 1 день 2 часа (круглосуточно)',
    );
    expect(describeMeasure(rt('45s', 'calendar'), 'en')).toBe('Reply within 45 seconds, round the clock');
  });

  it('quotes what is not a duration', () => {
    expect(describeMeasure(rt('soon'), 'en')).toBe('Reply within “soon” of business time');
    expect(describeMeasure(rt('soon', 'calendar'), 'ru')).toBe('Ответ не позднее чем через «soon»');
  });
});

describe('describeMeasure: template, script', () => {
  it('lists the allowed templates', () => {
    expect(describeMeasure({ type: 'template', allowed: ['T-1', 'T-2', 'T-3'] }, 'en')).toBe(
      'Uses a standard template: T-1, T-2 or T-3',
    );
    expect(describeMeasure({ type: 'template', allowed: ['T-1', 'T-2'] }, 'ru')).toBe(
      'Используется стандартный шаблон: T-1 или T-2',
    );
    expect(describeMeasure({ type: 'template', allowed: ['T-1'] }, 'en')).toBe(
      'Uses a standard template: T-1',
    );
    expect(describeMeasure({ type: 'template' }, 'ru')).toBe('Используется стандартный шаблон');
  });

  it('names the greeting parts and the phrases by time of day', () => {
    const m = {
      type: 'script' as const,
      require: ['time_greeting', 'unit', 'employee'] as const,
      greetings: [
        { from: '05:00', say: ['доброе утро', 'good morning'] },
        { from: '12:00', say: ['добрый день'] },
      ],
    };
    expect(describeMeasure(m, 'en')).toBe(
      "The greeting includes the greeting for the time of day, the unit's name and the employee's name " +
        '(from 05:00: “доброе утро” or “good morning”; from 12:00: “добрый день”)',
    );
    expect(describeMeasure(m, 'ru')).toBe(
      'Приветствие включает приветствие по времени суток, название отдела и имя сотрудника ' +
        '(с 05:00 — «доброе утро» или «good morning»; с 12:00 — «добрый день»)',
    );
    expect(describeMeasure({ type: 'script', require: ['employee'] }, 'en')).toBe(
      "The greeting includes the employee's name",
    );
    expect(describeMeasure({ type: 'script' }, 'ru')).toBe('Приветствие включает …');
  });
});

describe('describeMeasure: rating, checklist', () => {
  it('gives the scale and the pass rule', () => {
    expect(describeMeasure({ type: 'rating', scale: '1-5', pass_min: 4 }, 'en')).toBe(
      'Rated 1–5, passes at 4 or above',
    );
    expect(describeMeasure({ type: 'rating', scale: '1-5', pass_min: 4 }, 'ru')).toBe(
      'Оценка по шкале 1–5, зачёт при 4 и выше',
    );
    expect(describeMeasure({ type: 'rating', scale: '1-3', pass_min: 3 }, 'en')).toBe(
      'Rated 1–3, passes at 3',
    );
    expect(describeMeasure({ type: 'rating', scale: '1-4' }, 'ru')).toBe('Оценка по шкале 1–4');
    expect(describeMeasure({ type: 'rating', scale: 'yes_no' }, 'en')).toBe(
      'Rated “yes” or “no”, passes at “yes”',
    );
    expect(describeMeasure({ type: 'rating', scale: 'yes_no' }, 'ru')).toBe(
      'Оценка «да» или «нет», зачёт при «да»',
    );
    expect(describeMeasure({ type: 'rating' }, 'en')).toBe('Rated on a … scale');
  });

  it('marks critical items and items without "not applicable"', () => {
    expect(describeMeasure({ type: 'rating', scale: '1-5', pass_min: 4, critical: true }, 'en')).toBe(
      'Rated 1–5, passes at 4 or above; critical: failing it fails the whole audit',
    );
    expect(describeMeasure({ type: 'checklist', allow_na: false }, 'en')).toBe('Yes / no item');
    expect(describeMeasure({ type: 'checklist', allow_na: false, critical: true }, 'ru')).toBe(
      'Пункт «да / нет»; критичный пункт: без него не пройдена вся проверка',
    );
  });
});

describe('describeTarget', () => {
  it('names the channel and the period', () => {
    expect(describeTarget(0.95, 'week', 'en', { channels: ['email'] })).toBe(
      'at least 95 % of e-mails each week',
    );
    expect(describeTarget(0.955, 'day', 'ru', { channels: ['email', 'letter'] })).toBe(
      'не менее 95,5 % писем каждый день',
    );
    expect(describeTarget(1, 'quarter', 'en', { channels: ['phone', 'visit'] })).toBe(
      'at least 100 % of requests each quarter',
    );
    expect(describeTarget(0.8, 'week', 'ru', { channels: ['visit'] })).toBe(
      'не менее 80 % посещений каждую неделю',
    );
  });
});

describe('localized and ruPlural', () => {
  it('falls back to the other language', () => {
    expect(localized({ ru: 'отдел кадров', en: 'HR' }, 'en')).toBe('HR');
    expect(localized({ ru: 'отдел кадров' }, 'en')).toBe('отдел кадров');
    expect(localized({ en: 'HR' }, 'ru')).toBe('HR');
    expect(localized('HR', 'ru')).toBe('HR');
    expect(localized(undefined, 'ru')).toBe('');
  });

  it('picks 1 / 2–4 / 5+ forms, with 11–14 many', () => {
    const f = (n: number) => ruPlural(n, 'час', 'часа', 'часов');
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(f)).toEqual([
      'час',
      'часа',
      'часа',
      'часов',
      'часов',
      'часов',
      'часов',
      'час',
      'часа',
      'часов',
      'час',
      'часов',
    ]);
  });
});
