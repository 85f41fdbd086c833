import type { Locale } from '../../contract/common.schema';
import { seededRandom } from '../../core/random';

/**
 * The demo's reception audits (issue 7): one template built from the observed standards, two
 * auditors, and about three months of weekly audits of the units visitors come to — each unit with
 * its own habits, so the results differ: the reception is good and getting better, accounts often
 * forget the name and the dress code, the IT desk is somewhere between. Generated from a seed and
 * the week, so the same instant gives the same audits on every machine.
 */

type Text = Record<Locale, string>;

export const DEMO_TEMPLATE = {
  code: 'RECEPTION-AUDIT',
  title: { ru: 'Аудит приёмной', en: 'Reception audit' },
  pass_mark: 0.8,
  sections: [
    {
      id: 'environment',
      title: { ru: 'Обстановка', en: 'Environment' },
      items: [{ standard: 'ENV-03' }, { standard: 'ENV-02' }, { standard: 'ENV-04' }],
    },
    {
      id: 'behaviour',
      title: { ru: 'Поведение', en: 'Behaviour' },
      items: [{ standard: 'BEH-01' }, { standard: 'BEH-02' }, { standard: 'BEH-04' }],
    },
  ],
};

/** The demo's auditors: active accounts whose password nobody knows, until an administrator sets one. */
export const DEMO_AUDITORS: { email: string; name: Text }[] = [
  { email: 'olga.auditor@northwind.example', name: { ru: 'Ольга Смирнова', en: 'Olga Smirnova' } },
  { email: 'ivan.auditor@northwind.example', name: { ru: 'Иван Крылов', en: 'Ivan Krylov' } },
];

/** How likely each unit meets each item at the start of the period, and how much it improves by its end. */
const HABITS: Record<string, { base: number; gain: number; employees: string[] }> = {
  RECEPTION: { base: 0.82, gain: 0.12, employees: ['E-REC1', 'E-REC2'] },
  'IT-DESK': { base: 0.75, gain: 0.05, employees: ['E-IT1', 'E-IT2'] },
  ACC: { base: 0.62, gain: 0.0, employees: ['E-ACC1', 'E-ACC2'] },
};
export const DEMO_AUDIT_UNITS = Object.keys(HABITS);

/** Weeks of audits back from the current week (about three months). */
export const DEMO_AUDIT_WEEKS = 13;

export type DemoAnswer = number | 'yes' | 'no' | 'na';

export interface DemoAudit {
  unit: string;
  employee: string;
  /** Index into DEMO_AUDITORS. */
  auditor: number;
  observedAt: string;
  answers: Record<string, DemoAnswer>;
  comments: Record<string, Text>;
}

const MSK = 3 * 3600_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** Monday 00:00 Moscow of the week holding `ms`, as an instant. */
function mondayOf(ms: number): number {
  const local = ms + MSK;
  const dayStart = Math.floor(local / DAY) * DAY;
  const weekday = (new Date(dayStart).getUTCDay() + 6) % 7; // 0 = Monday
  return dayStart - weekday * DAY - MSK;
}

const FAIL_COMMENTS: Record<string, Text> = {
  'ENV-03': { ru: 'Курьер прошёл без записи.', en: 'A courier went in without signing in.' },
  'ENV-02': { ru: 'На столе чужие документы.', en: "Someone else's papers on the desk." },
  'ENV-04': { ru: 'Без бейджа.', en: 'No badge.' },
  'BEH-01': { ru: 'Не поднял глаз от экрана.', en: 'Did not look up from the screen.' },
  'BEH-04': {
    ru: 'Клиент представился, но по имени к нему не обращались.',
    en: 'The client gave a name; it was not used.',
  },
};

/**
 * The audits of the weeks before `nowMs`: one per unit and week, on a weekday between 10:00 and
 * 16:00 Moscow time, each observed at least a day after `fromMs` (the catalog takes effect then)
 * and a day before `nowMs`, oldest first.
 */
export function demoAudits(nowMs: number, fromMs: number): DemoAudit[] {
  const out: DemoAudit[] = [];
  const thisWeek = mondayOf(nowMs);
  for (let w = DEMO_AUDIT_WEEKS; w >= 1; w--) {
    const week = thisWeek - w * WEEK;
    const progress = (DEMO_AUDIT_WEEKS - w) / (DEMO_AUDIT_WEEKS - 1);
    DEMO_AUDIT_UNITS.forEach((unit, u) => {
      const rnd = seededRandom(Math.round(week / DAY) * 31 + u * 7 + 2026);
      const habits = HABITS[unit]!;
      const p = Math.min(0.97, habits.base + habits.gain * progress);
      const day = Math.floor(rnd() * 5);
      const minute = 10 * 60 + Math.floor(rnd() * 6 * 60);
      const observedAt = week + day * DAY + minute * 60_000;
      if (observedAt > nowMs - DAY || observedAt < fromMs + DAY) return;
      const met = () => rnd() < p;
      const answers: Record<string, DemoAnswer> = {
        // Critical, no N/A: rarely missed, and then the audit fails.
        'ENV-03': rnd() < 0.06 ? 'no' : 'yes',
        'ENV-02': met() ? 'yes' : 'no',
        'ENV-04': met() ? (rnd() < 0.7 ? 3 : 2) : 1,
        'BEH-01': met() ? 4 + Math.floor(rnd() * 2) : 2 + Math.floor(rnd() * 2),
        'BEH-02': met() ? 2 : 1,
        // Some clients do not give a name: not applicable.
        'BEH-04': rnd() < 0.15 ? 'na' : met() ? 'yes' : 'no',
      };
      const comments: Record<string, Text> = {};
      for (const [item, answer] of Object.entries(answers)) {
        const failed =
          answer === 'no' || (item === 'ENV-04' && answer === 1) || (item === 'BEH-01' && Number(answer) < 4);
        const comment = FAIL_COMMENTS[item];
        if (failed && comment && rnd() < 0.6) comments[item] = comment;
      }
      out.push({
        unit,
        employee: habits.employees[Math.floor(rnd() * habits.employees.length)]!,
        auditor: (w + u) % DEMO_AUDITORS.length,
        observedAt: new Date(observedAt).toISOString(),
        answers,
        comments,
      });
    });
  }
  out.sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt));
  // The reception's latest audit: eye contact ticked "no" by mistake (the amendment corrects it).
  const latest = out.filter((a) => a.unit === DEMO_AMENDMENT.unit).at(-1);
  if (latest) latest.answers[DEMO_AMENDMENT.item] = 1;
  return out;
}

/** The one amendment: the reception's latest audit, whose eye contact was misjudged. */
export const DEMO_AMENDMENT: { unit: string; item: string; reason: Text } = {
  unit: 'RECEPTION',
  item: 'BEH-02',
  reason: {
    ru: 'Перепутала отметку: зрительный контакт был, это видно по записи камеры.',
    en: 'Ticked the wrong box: there was eye contact, the camera recording shows it.',
  },
};
