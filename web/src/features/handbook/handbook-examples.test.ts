import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CalendarSchema, StandardSchema } from '../../../../src/contract/standards-file.schema';
import type { Locale } from '../../../../src/contract/common.schema';
import { en, ru } from '../../i18n/bundles';
import { examplesFor, greetingLine, greetingsIn } from './handbook-examples';

type Translate = Parameters<typeof examplesFor>[1]['t'];

// The app's own texts, read the way the handbook page reads them (a fixed language, no HTML escaping).
const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
});
const tFor = (lng: Locale) => i18n.getFixedT(lng) as unknown as Translate;

const standard = (measure: unknown) =>
  StandardSchema.parse({
    code: 'tel-01',
    title: { ru: 'Стандарт', en: 'Standard' },
    kind: 'tangible',
    category: 'responsiveness',
    measure,
    target: 0.9,
    period: 'month',
  });

const office = CalendarSchema.parse({
  id: 'office',
  timezone: 'Europe/Moscow',
  week: { mon: ['09:00-18:00'] },
  ring_seconds: 4,
});

const examples = (measure: unknown, lng: Locale, unitName = '', calendar: 'office' | 'none' = 'office') =>
  examplesFor(standard(measure), {
    lng,
    t: tFor(lng),
    unitName,
    calendar: calendar === 'office' ? office : undefined,
  });

const script = {
  type: 'script',
  require: ['time_greeting', 'unit', 'employee'],
  greetings: [
    { from: '06:00', say: ['доброе утро', 'good morning'] },
    { from: '12:00', say: ['добрый день', 'good afternoon', 'здравствуйте'] },
    { from: '18:00', say: ['добрый вечер', 'good evening'] },
  ],
};

describe('script greetings', () => {
  it('in Russian: by time of day, the unit named, a place for the name; alternatives as "или"', () => {
    expect(examples(script, 'ru', 'отдел кадров')).toEqual([
      { lead: 'С 06:00 до 12:00', text: 'Доброе утро, отдел кадров, у телефона <имя>', quote: true },
      { lead: 'С 12:00 до 18:00', text: 'Добрый день, отдел кадров, у телефона <имя>', quote: true },
      { lead: 'или', text: 'Здравствуйте, отдел кадров, у телефона <имя>', quote: true },
      { lead: 'С 18:00', text: 'Добрый вечер, отдел кадров, у телефона <имя>', quote: true },
    ]);
  });

  it('in English: only the English phrases; a placeholder when there is no unit', () => {
    expect(examples(script, 'en')).toEqual([
      { lead: 'From 06:00 to 12:00', text: 'Good morning, <unit>, <name> speaking', quote: true },
      { lead: 'From 12:00 to 18:00', text: 'Good afternoon, <unit>, <name> speaking', quote: true },
      { lead: 'From 18:00', text: 'Good evening, <unit>, <name> speaking', quote: true },
    ]);
  });

  it('says only the parts the standard requires', () => {
    const onlyUnit = { ...script, require: ['time_greeting', 'unit'] };
    expect(examples(onlyUnit, 'en', 'HR').map((e) => e.text)).toEqual([
      'Good morning, HR',
      'Good afternoon, HR',
      'Good evening, HR',
    ]);
  });

  it('without listed greetings: a plain hello in the document’s language', () => {
    const noTime = { type: 'script', require: ['unit', 'employee'] };
    expect(examples(noTime, 'ru', 'бухгалтерия')).toEqual([
      { lead: '', text: 'Здравствуйте, бухгалтерия, у телефона <имя>', quote: true },
    ]);
    expect(examples(noTime, 'en', 'Accounts')).toEqual([
      { lead: '', text: 'Hello, Accounts, <name> speaking', quote: true },
    ]);
  });

  it('a list in one script only is printed whole in either language', () => {
    expect(greetingsIn(['good morning', 'hello'], 'ru')).toEqual(['good morning', 'hello']);
    expect(greetingsIn(['доброе утро'], 'en')).toEqual(['доброе утро']);
    expect(greetingsIn(['доброе утро', 'good morning'], 'en')).toEqual(['good morning']);
  });

  it('greetingLine capitalises the phrase only', () => {
    expect(greetingLine('добрый день', ['employee'], 'ignored', tFor('ru'))).toBe(
      'Добрый день, у телефона <имя>',
    );
  });
});

describe('template letters', () => {
  it('lists the allowed letters after the same lead in each language', () => {
    const m = { type: 'template', allowed: ['reply-standard', 'reply-refund'] };
    expect(examples(m, 'en')).toEqual([
      { lead: 'Use only these letters', text: 'reply-standard, reply-refund', quote: false },
    ]);
    expect(examples(m, 'ru')).toEqual([
      { lead: 'Используйте только эти письма', text: 'reply-standard, reply-refund', quote: false },
    ]);
  });
});

describe('rings', () => {
  const rings = { type: 'threshold', field: 'rings', max: 3 };

  it('turns the calendar’s ring_seconds into seconds', () => {
    expect(examples(rings, 'en')).toEqual([
      { lead: '', text: 'Answer by the 3rd ring (≈ 12 s)', quote: false },
    ]);
    expect(examples(rings, 'ru')).toEqual([
      { lead: '', text: 'Отвечайте не позже 3-го гудка (≈ 12 с)', quote: false },
    ]);
  });

  it('takes 5 s a ring without a calendar; English ordinals, teens included', () => {
    const text = (max: number) => examples({ ...rings, max }, 'en', '', 'none')[0]!.text;
    expect(text(1)).toBe('Answer by the 1st ring (≈ 5 s)');
    expect(text(2)).toBe('Answer by the 2nd ring (≈ 10 s)');
    expect(text(4)).toBe('Answer by the 4th ring (≈ 20 s)');
    expect(text(11)).toBe('Answer by the 11th ring (≈ 55 s)');
    expect(text(12)).toBe('Answer by the 12th ring (≈ 60 s)');
    expect(text(21)).toBe('Answer by the 21st ring (≈ 105 s)');
  });

  it('has no example for a lower bound only or another field', () => {
    expect(examples({ type: 'threshold', field: 'rings', min: 1 }, 'en')).toEqual([]);
    expect(examples({ type: 'threshold', field: 'wait_seconds', max: 30 }, 'en')).toEqual([]);
  });
});

describe('observed measures', () => {
  it('a rating: what the observer looks for, and the labels that pass', () => {
    const m = {
      type: 'rating',
      scale: '1-4',
      pass_min: 3,
      labels: [
        { ru: 'нет', en: 'no' },
        { ru: 'едва', en: 'barely' },
        { ru: 'в основном', en: 'mostly' },
        { ru: 'полностью', en: 'fully' },
      ],
      guidance: { ru: 'Смотрит в глаза', en: 'Makes eye contact' },
    };
    expect(examples(m, 'ru')).toEqual([
      { lead: 'На что смотрит проверяющий', text: 'Смотрит в глаза', quote: false },
      { lead: 'Засчитывается', text: 'в основном, полностью', quote: false },
    ]);
    expect(examples(m, 'en')[1]).toEqual({ lead: 'Counts as met', text: 'mostly, fully', quote: false });
  });

  it('a yes/no rating passes on "yes" by default; a checklist shows its guidance only', () => {
    const yesNo = { type: 'rating', scale: 'yes_no', labels: ['нет', 'да'] };
    expect(examples(yesNo, 'ru')).toEqual([{ lead: 'Засчитывается', text: 'да', quote: false }]);
    expect(examples({ type: 'checklist', guidance: { en: 'Desk is tidy' } }, 'ru')).toEqual([
      { lead: 'На что смотрит проверяющий', text: 'Desk is tidy', quote: false },
    ]);
    expect(examples({ type: 'checklist' }, 'en')).toEqual([]);
    expect(examples({ type: 'response_time', within: '4h' }, 'en')).toEqual([]);
  });
});
