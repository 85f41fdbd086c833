import { describe, expect, it } from 'vitest';
import en from '../standards/standards.en.json';
import ru from '../standards/standards.ru.json';
import handbookRu from '../handbook/handbook.ru.json';
import agreementRu from './agreement.ru.json';
import { diffDefinitions } from './definition-diff';
import { fieldLabel, humanDate, humanizeDefinition, type Humanizer } from './field-labels';

/** A `t` over the real bundles, returning the key when there is no text (as i18next does). */
const tOf = (bundles: Record<string, unknown>) => (key: string) => {
  let node: unknown = bundles;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : key;
};
const ruH: Humanizer = {
  t: tOf({ standards: ru, agreement: agreementRu, handbook: handbookRu }),
  lng: 'ru',
  unitName: (code) => (code === 'HR' ? 'Отдел кадров' : undefined),
};
const enH: Humanizer = { t: tOf({ standards: en }), lng: 'en' };

describe('fieldLabel', () => {
  it('names fields in the interface language, with the text language and list positions', () => {
    expect(fieldLabel('title.ru', enH)).toBe('Title (RU)');
    expect(fieldLabel('measure.type', enH)).toBe('Measure');
    expect(fieldLabel('measure.within', enH)).toBe('Answer within');
    expect(fieldLabel('measure.greetings[1].from', enH)).toBe('Greetings by time of day 2 · From');
    expect(fieldLabel('week.mon', enH)).toBe('Working week · Monday');
    expect(fieldLabel('shifts.2027-01-11', enH)).toBe(
      'Shifts (dates with their own hours) · 11 January 2027',
    );
    expect(fieldLabel('period', ruH)).toBe(ru.fields.period);
    expect(fieldLabel('something.unknown', enH)).toBe('something.unknown');
    expect(fieldLabel('grid_cells[0].provider', ruH)).toBe(`${ru.fields.gridCells} 1 · Кто`);
  });
});

describe('humanizeDefinition', () => {
  it('puts enumerations, the target, booleans, yearly holidays and units into words', () => {
    const def = {
      kind: 'tangible',
      category: 'responsiveness',
      channels: ['phone', 'email'],
      units: ['HR', 'ACC'],
      grid_cells: [{ provider: 'HR', recipient: 'ACC' }],
      measure: { type: 'response_time', within: '4h', clock: 'business', critical: true },
      target: 0.9,
      period: 'week',
      holidays: ['--09-07', '2027-01-11'],
    };
    expect(humanizeDefinition(def, ruH)).toEqual({
      kind: ru.kinds.tangible,
      category: ru.categories.responsiveness,
      channels: [ru.channels.phone, ru.channels.email],
      units: ['Отдел кадров', 'ACC'],
      grid_cells: [{ provider: 'Отдел кадров', recipient: 'ACC' }],
      measure: { type: ru.measures.response_time, within: '4h', clock: ru.measure.business, critical: 'да' },
      target: '90 %',
      period: ru.periods.week,
      holidays: ['7 сентября, ежегодно', '11 января 2027 г.'],
    });
  });

  it('keeps the diff working on the words: a changed period shows both periods translated', () => {
    const rows = diffDefinitions(
      humanizeDefinition({ period: 'week', target: 0.9 }, enH),
      humanizeDefinition({ period: 'month', target: 0.9 }, enH),
    );
    expect(rows).toEqual([
      { path: 'period', before: 'Week', after: 'Month', changed: true },
      { path: 'target', before: '90 %', after: '90 %', changed: false },
    ]);
  });

  it('formats a yearly holiday in English', () => {
    expect(humanDate('--09-07', enH)).toBe('7 September, every year');
  });
});
