/**
 * A hand-checked evaluation case shared by the in-process tests (src/services/evaluation) and the
 * CLI tests (src/cli/commands/evaluate.command.test.ts): a standards file with two calendars and
 * five standards, and records whose verdicts were worked out by hand from the rules of issue 3
 * (see the comments on each record).
 */
export const STANDARDS = `version: etalon/v1
calendars:
  - id: office
    timezone: Europe/Moscow
    week:
      mon: ["09:00-13:00", "14:00-18:00"]
      tue: ["09:00-13:00", "14:00-18:00"]
      wed: ["09:00-13:00", "14:00-18:00"]
      thu: ["09:00-13:00", "14:00-18:00"]
      fri: ["09:00-13:00", "14:00-16:45"]
  - id: desk
    timezone: Asia/Yekaterinburg
    week:
      mon: ["08:00-20:00"]
      tue: ["08:00-20:00"]
      wed: ["08:00-20:00"]
      thu: ["08:00-20:00"]
      fri: ["08:00-20:00"]
    holidays: ["2026-03-09"]
    ring_seconds: 4
units:
  - {code: ORG, name: {ru: компания, en: company}}
  - {code: HR, name: {ru: отдел кадров, en: HR department}, parent: ORG}
  - {code: HR-PAY, name: {ru: расчётный отдел, en: payroll}, parent: HR}
  - {code: IT, name: {ru: ИТ, en: IT}, parent: ORG}
employees:
  - {code: E1, name: {ru: Джоан, en: Joan}, unit: HR}
  - {code: E2, name: {ru: Пётр, en: Peter}, unit: HR-PAY}
standards:
  - code: TEL-01
    title: Answer the phone by the third ring
    kind: tangible
    category: responsiveness
    channels: [phone]
    units: [HR]
    calendar: office
    measure: {type: threshold, field: rings, max: 3}
    target: 0.8
    period: month
  - code: GRT-01
    title: {ru: Стандартное приветствие, en: Standard greeting}
    kind: intangible
    category: greeting
    channels: [phone]
    calendar: desk
    measure:
      type: script
      require: [time_greeting, unit, employee]
      greetings:
        - {from: "05:00", say: ["доброе утро", "good morning"]}
        - {from: "12:00", say: ["добрый день", "good afternoon"]}
        - {from: "18:00", say: ["добрый вечер", "good evening"]}
    target: 0.5
    period: month
  - code: MAIL-01
    title: Reply to written requests within 4 business hours
    kind: tangible
    category: written
    channels: [email, letter]
    calendar: office
    measure: {type: response_time, within: 4h}
    target: 0.5
    period: week
  - code: TPL-01
    title: Replies use an approved template
    kind: tangible
    category: written
    channels: [email]
    units: [IT]
    measure: {type: template, allowed: [T-STD-1, T-STD-2]}
    target: 1
    period: month
  - code: CHAT-01
    title: Answer a chat within an hour of desk time
    kind: tangible
    category: responsiveness
    channels: [chat]
    calendar: desk
    measure: {type: response_time, within: 1h}
    target: 0.9
    period: day
`;

export type Rec = Record<string, string | number>;
export const RECORDS: Rec[] = [
  // p1 11:15 in Yekaterinburg: morning; 12 s → 3 rings.
  {
    id: 'p1',
    channel: 'phone',
    unit: 'HR',
    employee: 'E1',
    started_at: '2026-03-02T09:15:00+03:00',
    answered_at: '2026-03-02T09:15:12+03:00',
    greeting: 'Доброе утро! Отдел кадров, Джоан слушает.',
  },
  // p2 12:30 in Yekaterinburg: a morning greeting is wrong; 21.3 s → 5 rings.
  {
    id: 'p2',
    channel: 'phone',
    unit: 'HR',
    employee: 'E1',
    started_at: '2026-03-02T10:30:00+03:00',
    answered_at: '2026-03-02T10:30:21.300+03:00',
    greeting: 'Доброе утро, отдел кадров, Джоан',
  },
  // p3 under HR; rings given; ё in the text and in the names.
  {
    id: 'p3',
    channel: 'phone',
    unit: 'HR-PAY',
    employee: 'E2',
    started_at: '2026-03-03T14:00:00+03:00',
    answered_at: '2026-03-03T14:00:30+03:00',
    rings: 2,
    greeting: 'Добрый день. Расчётный отдел, Пётр.',
  },
  // p4 abandoned after 10 s (≤ 3 × 5 s) → na; no greeting → na.
  {
    id: 'p4',
    channel: 'phone',
    unit: 'HR',
    started_at: '2026-03-03T15:00:00+03:00',
    ended_at: '2026-03-03T15:00:10+03:00',
  },
  // p5 abandoned after 40 s → fail.
  {
    id: 'p5',
    channel: 'phone',
    unit: 'HR',
    started_at: '2026-03-04T11:00:00+03:00',
    ended_at: '2026-03-04T11:00:40+03:00',
  },
  // p6 IT: TEL-01 does not apply; no employee → the script cannot be judged.
  {
    id: 'p6',
    channel: 'phone',
    unit: 'IT',
    started_at: '2026-03-04T12:00:00+03:00',
    answered_at: '2026-03-04T12:00:03+03:00',
    greeting: 'Good afternoon, IT',
  },
  // p7 April; English names.
  {
    id: 'p7',
    channel: 'phone',
    unit: 'HR',
    employee: 'E1',
    started_at: '2026-04-01T09:00:00+03:00',
    answered_at: '2026-04-01T09:00:04+03:00',
    greeting: 'Good morning, HR department, Joan speaking',
  },
  // e1 Fri 16:00 → Mon 12:16: 45 min + 3 h 16 min = 4 h 01 min.
  {
    id: 'e1',
    channel: 'email',
    unit: 'HR',
    employee: 'E1',
    started_at: '2026-03-06T16:00:00+03:00',
    answered_at: '2026-03-09T12:16:00+03:00',
  },
  // e2 10:00 → 13:30 (lunch): 3 h.
  {
    id: 'e2',
    channel: 'email',
    unit: 'IT',
    started_at: '2026-03-02T10:00:00+03:00',
    answered_at: '2026-03-02T13:30:00+03:00',
    template: 'T-STD-1',
  },
  // e3 Mon 17:00 → Tue 12:00: exactly 4 h; template differs in case.
  {
    id: 'e3',
    channel: 'email',
    unit: 'IT',
    started_at: '2026-03-02T17:00:00+03:00',
    answered_at: '2026-03-03T12:00:00+03:00',
    template: 't-std-1',
  },
  // e4 unanswered, 3 h by as-of → pending.
  { id: 'e4', channel: 'email', unit: 'IT', started_at: '2026-03-10T09:00:00+03:00' },
  // e5 unanswered, 11 h by as-of → breached.
  { id: 'e5', channel: 'email', unit: 'HR-PAY', employee: 'E2', started_at: '2026-03-09T09:00:00+03:00' },
  // e6 answered without a template.
  {
    id: 'e6',
    channel: 'email',
    unit: 'IT',
    started_at: '2026-03-03T09:00:00+03:00',
    answered_at: '2026-03-03T09:30:00+03:00',
  },
  {
    id: 'l1',
    channel: 'letter',
    unit: 'ORG',
    started_at: '2026-03-05T09:00:00+03:00',
    answered_at: '2026-03-05T12:00:00+03:00',
  },
  // c1 Fri 19:45 → Tue 08:30 (Mon a holiday): 15 + 30 min.
  {
    id: 'c1',
    channel: 'chat',
    unit: 'IT',
    started_at: '2026-03-06T19:45:00+05:00',
    answered_at: '2026-03-10T08:30:00+05:00',
  },
  // c2 Fri 19:30 desk time → Tue 08:40: 30 + 40 min; started in another offset.
  {
    id: 'c2',
    channel: 'chat',
    unit: 'IT',
    started_at: '2026-03-06T17:30:00+03:00',
    answered_at: '2026-03-10T08:40:00+05:00',
  },
  // c3 Monday 23:30 Moscow is Tuesday 01:30 at the desk: day 2026-03-03; 10 min.
  {
    id: 'c3',
    channel: 'chat',
    unit: 'HR',
    started_at: '2026-03-02T23:30:00+03:00',
    answered_at: '2026-03-03T08:10:00+05:00',
  },
];

const COLUMNS = [
  'id',
  'channel',
  'unit',
  'employee',
  'started_at',
  'answered_at',
  'ended_at',
  'rings',
  'greeting',
  'template',
];
const csvCell = (v: string | number | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
export const toCsv = (records: Rec[]) =>
  `${COLUMNS.join(',')}\n${records.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(',')).join('\n')}\n`;
export const toNdjson = (records: Rec[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

export type Row = Record<string, unknown>;
export const row = (
  standard: string,
  unit: string,
  period: string,
  [pass, fail, na, pending]: [number, number, number, number],
  compliance: number | null,
  target: number,
  met: boolean | null,
): Row => ({ standard, unit, period, pass, fail, na, pending, compliance, target, met });

/** Worked out by hand from the rules of issue 3 (see the comments on RECORDS). */
export const BY_UNIT: Row[] = [
  row('CHAT-01', 'HR', '2026-03-03', [1, 0, 0, 0], 1, 0.9, true),
  row('CHAT-01', 'IT', '2026-03-06', [1, 1, 0, 0], 0.5, 0.9, false),
  row('GRT-01', 'HR', '2026-03', [1, 1, 2, 0], 0.5, 0.5, true),
  row('GRT-01', 'HR', '2026-04', [1, 0, 0, 0], 1, 0.5, true),
  row('GRT-01', 'HR-PAY', '2026-03', [1, 0, 0, 0], 1, 0.5, true),
  row('GRT-01', 'IT', '2026-03', [0, 0, 1, 0], null, 0.5, null),
  row('MAIL-01', 'HR', '2026-W10', [0, 1, 0, 0], 0, 0.5, false),
  row('MAIL-01', 'HR-PAY', '2026-W11', [0, 1, 0, 0], 0, 0.5, false),
  row('MAIL-01', 'IT', '2026-W10', [3, 0, 0, 0], 1, 0.5, true),
  row('MAIL-01', 'IT', '2026-W11', [0, 0, 0, 1], null, 0.5, null),
  row('MAIL-01', 'ORG', '2026-W10', [1, 0, 0, 0], 1, 0.5, true),
  row('TEL-01', 'HR', '2026-03', [1, 2, 1, 0], 1 / 3, 0.8, false),
  row('TEL-01', 'HR', '2026-04', [1, 0, 0, 0], 1, 0.8, true),
  row('TEL-01', 'HR-PAY', '2026-03', [1, 0, 0, 0], 1, 0.8, true),
  row('TPL-01', 'IT', '2026-03', [1, 2, 1, 0], 1 / 3, 1, false),
];
