import type { Locale } from '../../../../src/contract/common.schema';
import type { CalendarDefinition, StandardDefinition } from '../../../../src/contract/standards-file.schema';
import { localized } from '../../../../src/core/standards/describe';

/**
 * Examples for staff, derived from a standard's measure: the greetings to say, the letters to use,
 * the rings to answer by, what an observer looks for. Words come from the caller's fixed-language
 * `t` (the document's language, not the interface's).
 */

type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface Example {
  /** A short lead ("From 06:00 to 12:00"); empty when the line stands alone. */
  lead: string;
  /** What to say, use or do. */
  text: string;
  /** Said out loud: shown as a quotation. */
  quote: boolean;
}

const ordinal = (n: number, lng: Locale) => {
  if (lng === 'ru') return `${n}-го`;
  const mod100 = n % 100;
  const suffix =
    mod100 >= 11 && mod100 <= 13
      ? 'th'
      : n % 10 === 1
        ? 'st'
        : n % 10 === 2
          ? 'nd'
          : n % 10 === 3
            ? 'rd'
            : 'th';
  return `${n}${suffix}`;
};

/** The greeting as said: "Доброе утро, отдел кадров, у телефона <имя>". */
export function greetingLine(say: string, parts: readonly string[], unitName: string, t: Translate): string {
  const pieces = [say.charAt(0).toLocaleUpperCase() + say.slice(1)];
  if (parts.includes('unit')) pieces.push(unitName || t('handbook.example.unitPlaceholder'));
  if (parts.includes('employee'))
    pieces.push(t('handbook.example.speaking', { name: t('handbook.example.namePlaceholder') }));
  return pieces.join(', ');
}

const CYRILLIC = /[\u0400-\u04FF]/u;

/**
 * The greetings worth printing in a document of this language: a list often holds both ("доброе
 * утро", "good morning"); keep the ones written in the document's script, or all when none is.
 */
export function greetingsIn(say: readonly string[], lng: Locale): string[] {
  const mine = say.filter((s) => CYRILLIC.test(s) === (lng === 'ru'));
  return mine.length > 0 ? mine : [...say];
}

export function examplesFor(
  def: StandardDefinition,
  ctx: { lng: Locale; t: Translate; unitName: string; calendar: CalendarDefinition | undefined },
): Example[] {
  const { lng, t, unitName, calendar } = ctx;
  const m = def.measure;
  switch (m.type) {
    case 'script': {
      const parts = m.require;
      if (m.greetings.length === 0)
        return [
          { lead: '', text: greetingLine(t('handbook.example.hello'), parts, unitName, t), quote: true },
        ];
      return m.greetings.flatMap((g, i) => {
        const next = m.greetings[i + 1];
        const lead = next
          ? t('handbook.example.fromTo', { from: g.from, to: next.from })
          : t('handbook.example.from', { from: g.from });
        return greetingsIn(g.say, lng).map((say, j) => ({
          lead: j === 0 ? lead : t('handbook.example.orSay'),
          text: greetingLine(say, parts, unitName, t),
          quote: true,
        }));
      });
    }
    case 'template':
      return [
        {
          lead: t('handbook.example.lettersLead'),
          text: m.allowed.join(', '),
          quote: false,
        },
      ];
    case 'threshold': {
      if (m.field !== 'rings' || m.max === undefined) return [];
      const ring = calendar?.ring_seconds ?? 5;
      return [
        {
          lead: '',
          text: t('handbook.example.rings', {
            ordinal: ordinal(m.max, lng),
            seconds: Math.round(m.max * ring),
          }),
          quote: false,
        },
      ];
    }
    case 'response_time':
      return [];
    case 'rating': {
      const out: Example[] = [];
      const guidance = localized(m.guidance, lng);
      if (guidance) out.push({ lead: t('handbook.example.observerLooks'), text: guidance, quote: false });
      if (m.labels && m.labels.length > 0) {
        const pass = m.pass_min ?? m.labels.length;
        out.push({
          lead: t('handbook.example.passes'),
          text: m.labels
            .slice(pass - 1)
            .map((l) => localized(l, lng))
            .join(', '),
          quote: false,
        });
      }
      return out;
    }
    case 'checklist': {
      const guidance = localized(m.guidance, lng);
      return guidance ? [{ lead: t('handbook.example.observerLooks'), text: guidance, quote: false }] : [];
    }
  }
}
