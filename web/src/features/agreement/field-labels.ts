/**
 * Human labels and values for the field diff of a proposal: approvers are heads, not engineers, so
 * `measure.type` reads "Measure" and `0.9` reads "90 %". Pure: the translation function and the
 * unit/employee names come in as arguments.
 */
import type { Locale } from '../../../../src/contract/common.schema';

export interface Humanizer {
  /** i18next's `t`, or any function returning the key when it has no text for it. */
  t: (key: string) => string;
  lng: Locale;
  /** A unit's or employee's name by code; undefined keeps the code. */
  unitName?: ((code: string) => string | undefined) | undefined;
  employeeName?: ((code: string) => string | undefined) | undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** `measure.greetings[1].from` → `measure.greetings.from` (the shape, without positions). */
const shapeOf = (path: string) => path.replace(/\[\d+\]/g, '');

/** A key's text, or `fallback` when the bundle has none (i18next returns the key itself). */
const tr = (h: Humanizer, key: string, fallback: string) => {
  const text = h.t(key);
  return text === key || text === '' ? fallback : text;
};

/** British English for "7 September" (the day first, as the Russian text has it). */
const tag = (lng: Locale) => (lng === 'en' ? 'en-GB' : lng);

const dayMonth = (month: number, day: number, lng: Locale) =>
  new Intl.DateTimeFormat(tag(lng), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, day)),
  );

/** `2027-01-11` → "11 January 2027"; `--09-07` → "7 September, every year"; anything else as is. */
export function humanDate(text: string, h: Humanizer): string {
  const yearly = /^--(\d{2})-(\d{2})$/.exec(text);
  if (yearly)
    return `${dayMonth(Number(yearly[1]), Number(yearly[2]), h.lng)}, ${tr(h, 'standards.calendar.yearly', 'every year')}`;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date)
    return new Intl.DateTimeFormat(tag(h.lng), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))));
  return text;
}

const ENUMS: Record<string, string> = {
  kind: 'standards.kinds',
  category: 'standards.categories',
  period: 'standards.periods',
  channels: 'standards.channels',
  'measure.type': 'standards.measures',
  'measure.scale': 'standards.measure.scales',
  'measure.require': 'standards.measure.parts',
};

/** One plain value at a field, in words. */
export function humanValue(path: string, value: unknown, h: Humanizer): unknown {
  const shape = shapeOf(path);
  if (typeof value === 'boolean')
    return tr(h, value ? 'agreement.fieldValue.yes' : 'agreement.fieldValue.no', String(value));
  if (typeof value === 'number' && shape === 'target') return `${Math.round(value * 10000) / 100} %`;
  if (typeof value !== 'string') return value;
  const enumKey = ENUMS[shape];
  if (enumKey) return tr(h, `${enumKey}.${value}`, value);
  if (shape === 'measure.clock')
    return tr(h, value === 'business' ? 'standards.measure.business' : 'standards.measure.calendar', value);
  if (shape === 'holidays') return humanDate(value, h);
  if (shape === 'units' || shape === 'grid_cells.provider' || shape === 'grid_cells.recipient')
    return h.unitName?.(value) ?? value;
  if (shape === 'owner') return h.employeeName?.(value) ?? value;
  return value;
}

/** A copy of a definition with every plain value in words (the keys stay, for the labels). */
export function humanizeDefinition(value: unknown, h: Humanizer, path = ''): unknown {
  if (isPlainObject(value))
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, humanizeDefinition(v, h, path ? `${path}.${k}` : k)]),
    );
  if (Array.isArray(value))
    return value.map((v, i) => humanizeDefinition(v, h, isPlainObject(v) ? `${path}[${i}]` : path));
  return humanValue(path, value, h);
}

const FIELDS: Record<string, string> = {
  code: 'standards.fields.code',
  id: 'standards.fields.code',
  title: 'standards.fields.title',
  kind: 'standards.fields.kind',
  category: 'standards.fields.category',
  channels: 'standards.fields.channels',
  units: 'standards.fields.units',
  target: 'standards.fields.target',
  period: 'standards.fields.period',
  calendar: 'standards.fields.calendar',
  owner: 'standards.fields.owner',
  description: 'standards.fields.description',
  why: 'standards.fields.why',
  grid_cells: 'standards.fields.gridCells',
  name: 'standards.calendars.name',
  timezone: 'standards.calendars.zone',
  week: 'standards.calendars.week',
  holidays: 'standards.calendars.holidays',
  shifts: 'standards.calendar.shifts',
  ring_seconds: 'standards.calendar.ring',
  'grid_cells.provider': 'handbook.grid.provider',
  'grid_cells.recipient': 'handbook.grid.recipient',
  'measure.type': 'standards.fields.measure',
  'measure.field': 'standards.measure.field',
  'measure.min': 'standards.measure.min',
  'measure.max': 'standards.measure.max',
  'measure.within': 'standards.measure.within',
  'measure.clock': 'standards.measure.clock',
  'measure.allowed': 'standards.measure.allowed',
  'measure.require': 'standards.measure.require',
  'measure.greetings': 'standards.measure.greetings',
  'measure.greetings.from': 'standards.measure.from',
  'measure.greetings.say': 'standards.measure.say',
  'measure.scale': 'standards.measure.scale',
  'measure.pass_min': 'standards.measure.passMin',
  'measure.labels': 'standards.measure.labelPoints',
  'measure.weight': 'standards.measure.weight',
  'measure.critical': 'standards.measure.critical',
  'measure.allow_na': 'standards.measure.allowNa',
  'measure.guidance': 'standards.measure.guidance',
};

const LANGS = new Set(['ru', 'en']);
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const weekdayName = (day: string, lng: Locale) =>
  new Intl.DateTimeFormat(lng, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day))), // 2024-01-01 is a Monday
  );

/**
 * A dotted path in words: `title.ru` → "Title (RU)", `measure.greetings[1].from` →
 * "Greetings by time of day 2 · From", `week.mon` → "Working week · Monday",
 * `shifts.2027-01-11` → "Shifts · 11 January 2027". Unknown paths stay as they are.
 */
export function fieldLabel(path: string, h: Humanizer): string {
  const parts = path.split('.');
  const last = parts[parts.length - 1] ?? '';
  // A text in one language: the field's label and the language.
  if (parts.length > 1 && LANGS.has(last))
    return `${fieldLabel(parts.slice(0, -1).join('.'), h)} (${last.toUpperCase()})`;
  const shape = shapeOf(path);
  const direct = FIELDS[shape];
  if (direct && !/\[\d+\]/.test(path)) return tr(h, direct, path);
  if (parts[0] === 'week' && parts.length === 2 && WEEKDAYS.includes(last))
    return `${tr(h, FIELDS.week ?? '', 'week')} · ${weekdayName(last, h.lng)}`;
  if (parts[0] === 'shifts' && parts.length >= 2)
    return `${tr(h, FIELDS.shifts ?? '', 'shifts')} · ${humanDate(parts.slice(1).join('.'), h)}`;
  // Items of a list of objects: "Greetings by time of day 2 · From".
  const indexed = /^(.*?)\[(\d+)\](?:\.(.*))?$/.exec(path);
  if (indexed) {
    const [, listPath = '', index = '0', rest] = indexed;
    const head = `${fieldLabel(listPath, h)} ${Number(index) + 1}`;
    if (!rest) return head;
    const inner = FIELDS[shapeOf(`${listPath}.${rest}`)];
    return `${head} · ${inner ? tr(h, inner, rest) : rest}`;
  }
  return path;
}
