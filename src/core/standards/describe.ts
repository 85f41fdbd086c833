import { parseDuration } from '../compliance/duration';

/**
 * A standard's measure and target in plain words, in Russian or English, for the people bound by
 * it: the web editor's live preview and the printed handbook.
 * Example: `describeStandard({measure: {type: 'threshold', field: 'rings', max: 3}, target: 0.9,
 * period: 'month', channels: ['phone']}, 'en', {ringSeconds: 5})` →
 * "Calls answered by the 3rd ring (5 s a ring); at least 90 % of calls each month".
 *
 * The input types mirror the `etalon/v1` file's input forms (src/contract/standards-file.schema.ts,
 * checked there to stay assignable) and are tolerant: the editor describes half-filled measures,
 * so a missing value reads as "…" instead of failing.
 */

export type Lang = 'ru' | 'en';
export type Period = 'day' | 'week' | 'month' | 'quarter';
export type LocalizedText = string | { ru?: string | undefined; en?: string | undefined };

type ScriptPart = 'time_greeting' | 'unit' | 'employee';

export type MeasureInput =
  | { type: 'threshold'; field?: string | undefined; min?: number | undefined; max?: number | undefined }
  | { type: 'response_time'; within?: string | undefined; clock?: 'business' | 'calendar' | undefined }
  | { type: 'template'; allowed?: readonly string[] | undefined }
  | {
      type: 'script';
      field?: string | undefined;
      require?: readonly ScriptPart[] | undefined;
      greetings?: readonly { from?: string | undefined; say?: readonly string[] | undefined }[] | undefined;
    }
  | {
      type: 'rating';
      scale?: 'yes_no' | '1-3' | '1-4' | '1-5' | undefined;
      pass_min?: number | undefined;
      labels?: readonly LocalizedText[] | undefined;
      critical?: boolean | undefined;
      allow_na?: boolean | undefined;
    }
  | { type: 'checklist'; critical?: boolean | undefined; allow_na?: boolean | undefined };

export interface StandardDefinitionInput {
  measure?: MeasureInput | undefined;
  target?: number | undefined;
  period?: Period | undefined;
  channels?: readonly string[] | undefined;
}

const MISSING = '…';

/** The text in `lang`, else the other language, else ''. */
export function localized(text: LocalizedText | undefined, lang: Lang): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text[lang === 'ru' ? 'en' : 'ru'] ?? '';
}

const num = (n: number, lang: Lang) => {
  const s = String(Math.round(n * 1000) / 1000);
  return lang === 'ru' ? s.replace('.', ',') : s;
};

/** Russian plural form: 1 час, 2 часа, 5 часов (11–14 take the last). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const n10 = n % 10;
  const n100 = n % 100;
  if (n10 === 1 && n100 !== 11) return one;
  if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return few;
  return many;
}

const enOrdinal = (n: number) => {
  const n100 = n % 100;
  const suffix = n100 >= 11 && n100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${suffix}`;
};

const list = (items: readonly string[], lang: Lang, last: { en: string; ru: string }) => {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last[lang]} ${items[items.length - 1]}`;
};
const or = { en: 'or', ru: 'или' };
const and = { en: 'and', ru: 'и' };

const quote = (text: string, lang: Lang) => (lang === 'ru' ? `«${text}»` : `“${text}”`);

/** "at most 3", "at least 2", "between 2 and 3" — or undefined when neither bound is set. */
function bounds(min: number | undefined, max: number | undefined, lang: Lang, unit = '') {
  const u = unit === '' ? '' : ` ${unit}`;
  if (min !== undefined && max !== undefined)
    return lang === 'ru'
      ? `от ${num(min, lang)} до ${num(max, lang)}${u}`
      : `between ${num(min, lang)} and ${num(max, lang)}${u}`;
  if (max !== undefined)
    return lang === 'ru' ? `не более ${num(max, lang)}${u}` : `at most ${num(max, lang)}${u}`;
  if (min !== undefined)
    return lang === 'ru' ? `не менее ${num(min, lang)}${u}` : `at least ${num(min, lang)}${u}`;
  return undefined;
}

function describeRings(min: number | undefined, max: number | undefined, lang: Lang, ringSeconds?: number) {
  const ring =
    ringSeconds === undefined
      ? ''
      : lang === 'ru'
        ? ` (${num(ringSeconds, lang)} с на гудок)`
        : ` (${num(ringSeconds, lang)} s a ring)`;
  if (lang === 'ru') {
    if (min !== undefined && max !== undefined) return `Звонок принят с ${min}-го по ${max}-й гудок${ring}`;
    if (max !== undefined) return `Звонок принят не позднее ${max}-го гудка${ring}`;
    if (min !== undefined) return `Звонок принят не ранее ${min}-го гудка${ring}`;
    return `Звонок принят не позднее ${MISSING} гудка${ring}`;
  }
  if (min !== undefined && max !== undefined)
    return `Calls answered between the ${enOrdinal(min)} and the ${enOrdinal(max)} ring${ring}`;
  if (max !== undefined) return `Calls answered by the ${enOrdinal(max)} ring${ring}`;
  if (min !== undefined) return `Calls answered no earlier than the ${enOrdinal(min)} ring${ring}`;
  return `Calls answered by the ${MISSING} ring${ring}`;
}

type DurationUnit = 'day' | 'hour' | 'minute' | 'second';
const EN_UNITS: Record<DurationUnit, [string, string]> = {
  day: ['day', 'days'],
  hour: ['hour', 'hours'],
  minute: ['minute', 'minutes'],
  second: ['second', 'seconds'],
};
// Accusative ("через 4 часа"), which for these words is the counting form.
const RU_UNITS: Record<DurationUnit, [string, string, string]> = {
  day: ['день', 'дня', 'дней'],
  hour: ['час', 'часа', 'часов'],
  minute: ['минуту', 'минуты', 'минут'],
  second: ['секунду', 'секунды', 'секунд'],
};
const RU_BUSINESS: Record<DurationUnit, [string, string, string]> = {
  day: ['рабочий день', 'рабочих дня', 'рабочих дней'],
  hour: ['рабочий час', 'рабочих часа', 'рабочих часов'],
  minute: ['рабочую минуту', 'рабочие минуты', 'рабочих минут'],
  second: ['рабочую секунду', 'рабочие секунды', 'рабочих секунд'],
};

/**
 * A duration in words. Business time has no days: `2d` is 48 hours of working time, not two
 * working days (the engine counts `d` as 24 hours), so it is said as hours.
 */
function durationWords(ms: number, business: boolean, lang: Lang): string {
  let seconds = Math.round(ms / 1000);
  const parts: [number, DurationUnit][] = [];
  const take = (unit: DurationUnit, size: number) => {
    const n = Math.floor(seconds / size);
    if (n > 0) parts.push([n, unit]);
    seconds -= n * size;
  };
  if (!business) take('day', 86400);
  take('hour', 3600);
  take('minute', 60);
  take('second', 1);
  const say = (n: number, unit: DurationUnit, forms: Record<DurationUnit, string[]>) =>
    lang === 'ru'
      ? `${n} ${ruPlural(n, ...(forms[unit] as [string, string, string]))}`
      : `${n} ${forms[unit]![n === 1 ? 0 : 1]}`;
  if (business && parts.length === 1) {
    const [n, unit] = parts[0]!;
    return lang === 'ru' ? say(n, unit, RU_BUSINESS) : `${n} business ${EN_UNITS[unit][n === 1 ? 0 : 1]}`;
  }
  const words = parts.map(([n, unit]) => say(n, unit, lang === 'ru' ? RU_UNITS : EN_UNITS)).join(' ');
  if (business) return lang === 'ru' ? `${words} рабочего времени` : `${words} of business time`;
  return words;
}

function describeResponseTime(
  within: string | undefined,
  clock: 'business' | 'calendar' | undefined,
  lang: Lang,
) {
  const business = clock !== 'calendar';
  const ms = within === undefined ? undefined : parseDuration(within);
  const lead = lang === 'ru' ? 'Ответ не позднее чем через' : 'Reply within';
  if (ms === undefined || ms === 0) {
    const what = within === undefined || within.trim() === '' ? MISSING : quote(within, lang);
    const unit = business ? (lang === 'ru' ? ' рабочего времени' : ' of business time') : '';
    return `${lead} ${what}${unit}`;
  }
  const words = durationWords(ms, business, lang);
  if (business) return `${lead} ${words}`;
  return lang === 'ru' ? `${lead} ${words} (круглосуточно)` : `${lead} ${words}, round the clock`;
}

const SCRIPT_PART_WORDS: Record<ScriptPart, { en: string; ru: string }> = {
  time_greeting: { en: 'the greeting for the time of day', ru: 'приветствие по времени суток' },
  unit: { en: "the unit's name", ru: 'название отдела' },
  employee: { en: "the employee's name", ru: 'имя сотрудника' },
};

function describeScript(m: Extract<MeasureInput, { type: 'script' }>, lang: Lang) {
  const parts = (m.require ?? []).map((p) => SCRIPT_PART_WORDS[p]?.[lang] ?? p);
  const lead = lang === 'ru' ? 'Приветствие включает' : 'The greeting includes';
  let text = `${lead} ${parts.length === 0 ? MISSING : list(parts, lang, and)}`;
  const greetings = (m.greetings ?? []).map((g) => {
    const phrases = (g.say ?? []).filter((s) => s !== '').map((s) => quote(s, lang));
    const said = phrases.length === 0 ? MISSING : list(phrases, lang, or);
    const from = g.from === undefined || g.from === '' ? MISSING : g.from;
    return lang === 'ru' ? `с ${from} — ${said}` : `from ${from}: ${said}`;
  });
  if (greetings.length > 0) text += ` (${greetings.join('; ')})`;
  return text;
}

const SCALE_POINTS = { yes_no: 2, '1-3': 3, '1-4': 4, '1-5': 5 } as const;

function describeRating(m: Extract<MeasureInput, { type: 'rating' }>, lang: Lang) {
  let text: string;
  if (m.scale === undefined)
    text = lang === 'ru' ? `Оценка по шкале ${MISSING}` : `Rated on a ${MISSING} scale`;
  else if (m.scale === 'yes_no') {
    const yes = lang === 'ru' ? '«да»' : '“yes”';
    const no = lang === 'ru' ? '«нет»' : '“no”';
    const pass = m.pass_min ?? 2;
    const rule =
      pass <= 1
        ? lang === 'ru'
          ? 'зачёт при любом ответе'
          : 'passes either way'
        : lang === 'ru'
          ? `зачёт при ${yes}`
          : `passes at ${yes}`;
    text = lang === 'ru' ? `Оценка ${yes} или ${no}, ${rule}` : `Rated ${yes} or ${no}, ${rule}`;
  } else {
    const top = SCALE_POINTS[m.scale];
    const scale = `1–${top}`;
    text = lang === 'ru' ? `Оценка по шкале ${scale}` : `Rated ${scale}`;
    if (m.pass_min !== undefined)
      text +=
        m.pass_min >= top
          ? lang === 'ru'
            ? `, зачёт при ${m.pass_min}`
            : `, passes at ${m.pass_min}`
          : lang === 'ru'
            ? `, зачёт при ${m.pass_min} и выше`
            : `, passes at ${m.pass_min} or above`;
  }
  return text + critical(m.critical, lang);
}

const critical = (flag: boolean | undefined, lang: Lang) =>
  flag === true
    ? lang === 'ru'
      ? '; критичный пункт: без него не пройдена вся проверка'
      : '; critical: failing it fails the whole audit'
    : '';

/** The measure in words: "Calls answered by the 3rd ring (5 s a ring)". */
export function describeMeasure(
  measure: MeasureInput,
  lang: Lang,
  opts: { ringSeconds?: number } = {},
): string {
  switch (measure.type) {
    case 'threshold': {
      if (measure.field === 'rings') return describeRings(measure.min, measure.max, lang, opts.ringSeconds);
      const subject =
        measure.field === 'wait_seconds'
          ? lang === 'ru'
            ? 'Время ожидания'
            : 'Waiting time'
          : measure.field === undefined || measure.field === ''
            ? MISSING
            : quote(measure.field, lang);
      const unit = measure.field === 'wait_seconds' ? (lang === 'ru' ? 'с' : 's') : '';
      const range = bounds(measure.min, measure.max, lang, unit);
      if (range === undefined)
        return lang === 'ru' ? `${subject}: граница не задана` : `${subject}: no limit set`;
      return lang === 'ru' || measure.field === 'wait_seconds'
        ? `${subject} ${range}`
        : `${subject} is ${range}`;
    }
    case 'response_time':
      return describeResponseTime(measure.within, measure.clock, lang);
    case 'template': {
      const codes = (measure.allowed ?? []).filter((c) => c !== '');
      const lead = lang === 'ru' ? 'Используется стандартный шаблон' : 'Uses a standard template';
      return codes.length === 0 ? lead : `${lead}: ${list(codes, lang, or)}`;
    }
    case 'script':
      return describeScript(measure, lang);
    case 'rating':
      return describeRating(measure, lang);
    case 'checklist': {
      const na = measure.allow_na !== false;
      const text =
        lang === 'ru'
          ? na
            ? 'Пункт «да / нет / неприменимо»'
            : 'Пункт «да / нет»'
          : na
            ? 'Yes / no / not applicable item'
            : 'Yes / no item';
      return text + critical(measure.critical, lang);
    }
    default:
      return '';
  }
}

const NOUNS: Record<string, { en: string; ru: string }> = {
  phone: { en: 'calls', ru: 'звонков' },
  email: { en: 'e-mails', ru: 'писем' },
  letter: { en: 'letters', ru: 'писем' },
  visit: { en: 'visits', ru: 'посещений' },
  chat: { en: 'chats', ru: 'чатов' },
  other: { en: 'requests', ru: 'обращений' },
};
const OBSERVATIONS = { en: 'observations', ru: 'наблюдений' };
const ANY = { en: 'requests', ru: 'обращений' };

const PERIOD_WORDS: Record<Period, { en: string; ru: string }> = {
  day: { en: 'each day', ru: 'каждый день' },
  week: { en: 'each week', ru: 'каждую неделю' },
  month: { en: 'each month', ru: 'каждый месяц' },
  quarter: { en: 'each quarter', ru: 'каждый квартал' },
};

/**
 * The target in words: "at least 90 % of calls each month". The noun follows the channels (one
 * channel names its own; e-mail and letters together are letters; otherwise requests), or
 * observations for audited measures.
 */
export function describeTarget(
  target: number | undefined,
  period: Period | undefined,
  lang: Lang,
  opts: { channels?: readonly string[]; observed?: boolean } = {},
): string {
  const channels = [...new Set(opts.channels ?? [])];
  const noun = opts.observed
    ? OBSERVATIONS
    : channels.length === 1
      ? (NOUNS[channels[0]!] ?? ANY)
      : channels.length === 2 && channels.includes('email') && channels.includes('letter')
        ? { en: 'letters', ru: 'писем' }
        : ANY;
  const percent = target === undefined || Number.isNaN(target) ? MISSING : `${num(target * 100, lang)} %`;
  const when = period === undefined ? MISSING : (PERIOD_WORDS[period]?.[lang] ?? MISSING);
  return lang === 'ru'
    ? `не менее ${percent} ${noun.ru} ${when}`
    : `at least ${percent} of ${noun.en} ${when}`;
}

/** Measure and target: "Calls answered by the 3rd ring (5 s a ring); at least 90 % of calls each month". */
export function describeStandard(
  def: StandardDefinitionInput,
  lang: Lang,
  opts: { ringSeconds?: number } = {},
): string {
  const m = def.measure;
  const measure = m === undefined ? MISSING : describeMeasure(m, lang, opts);
  const rings = m?.type === 'threshold' && m.field === 'rings';
  const observed = m?.type === 'rating' || m?.type === 'checklist';
  const channels = def.channels ?? (rings ? ['phone'] : undefined);
  const target = describeTarget(def.target, def.period, lang, {
    observed,
    ...(channels === undefined ? {} : { channels }),
  });
  return `${measure}; ${target}`;
}
