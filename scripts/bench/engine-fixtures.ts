/**
 * Synthetic data for `npm run bench:engine`: a standards file with eight standards over two
 * calendars (holidays, a transferred Saturday, DST in one of them) and a stream of interaction
 * records with mixed channels, written as CSV and as NDJSON. Deterministic (seeded) so runs compare.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { RECORD_FIELDS } from '../../src/contract/interaction-record.schema';
import { seededRandom } from '../../src/core/random';

export const STANDARDS_YAML = `version: etalon/v1
timezone: Europe/Moscow
calendars:
  - id: office
    timezone: Europe/Moscow
    week:
      mon: ["09:00-13:00", "14:00-18:00"]
      tue: ["09:00-13:00", "14:00-18:00"]
      wed: ["09:00-13:00", "14:00-18:00"]
      thu: ["09:00-13:00", "14:00-18:00"]
      fri: ["09:00-13:00", "14:00-16:45"]
    holidays: ["2026-01-01", "2026-01-02", "2026-01-07", "2026-02-23", "2026-03-09", "2026-05-01", "2026-05-11", "2026-06-12", "2026-11-04"]
    shifts:
      "2026-03-07": ["10:00-14:00"]
    ring_seconds: 5
  - id: us-desk
    timezone: America/New_York
    week:
      mon: ["08:00-20:00"]
      tue: ["08:00-20:00"]
      wed: ["08:00-20:00"]
      thu: ["08:00-20:00"]
      fri: ["08:00-20:00"]
      sat: ["10:00-14:00"]
    holidays: ["2026-01-01", "2026-05-25", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"]
units:
  - {code: ORG, name: {ru: компания, en: company}}
  - {code: HR, name: {ru: отдел кадров, en: HR department}, parent: ORG}
  - {code: IT, name: {ru: ИТ-отдел, en: IT department}, parent: ORG}
  - {code: SALES, name: {ru: отдел продаж, en: sales}, parent: ORG}
  - {code: US, name: {en: US desk}, parent: SALES}
employees:
  - {code: E1, name: {ru: Джоан, en: Joan}, unit: HR}
  - {code: E2, name: {ru: Иван, en: Ivan}, unit: IT}
  - {code: E3, name: {ru: Мария, en: Maria}, unit: SALES}
  - {code: E4, name: {en: Peter}, unit: US}
standards:
  - {code: TEL-01, title: Answer by the third ring, kind: tangible, category: responsiveness, channels: [phone], measure: {type: threshold, field: rings, max: 3}, target: 0.9, period: month}
  - {code: TEL-02, title: Wait at most 30 seconds, kind: tangible, category: responsiveness, channels: [phone], units: [SALES], calendar: us-desk, measure: {type: threshold, field: wait_seconds, max: 30}, target: 0.85, period: week}
  - code: TEL-03
    title: {ru: Стандартное приветствие, en: The standard greeting}
    kind: tangible
    category: greeting
    channels: [phone]
    measure:
      type: script
      require: [time_greeting, unit, employee]
      greetings:
        - {from: "05:00", say: ["доброе утро", "good morning"]}
        - {from: "12:00", say: ["добрый день", "good afternoon"]}
        - {from: "18:00", say: ["добрый вечер", "good evening"]}
    target: 0.8
    period: month
  - {code: MAIL-01, title: Reply within 4 business hours, kind: tangible, category: responsiveness, channels: [email], measure: {type: response_time, within: 4h}, target: 0.9, period: month}
  - {code: MAIL-02, title: Standard letters, kind: tangible, category: written, channels: [email, letter], measure: {type: template, allowed: [T-STD-1, T-STD-2, T-STD-3]}, target: 0.95, period: quarter}
  - {code: LET-01, title: Answer letters within 3 days, kind: tangible, category: written, channels: [letter], measure: {type: response_time, within: 72h, clock: calendar}, target: 0.9, period: month}
  - {code: CHAT-01, title: Chat reply within 90 seconds, kind: tangible, category: responsiveness, channels: [chat], calendar: us-desk, measure: {type: response_time, within: 90s}, target: 0.9, period: day}
  - {code: VIS-01, title: Serve visitors within 10 minutes, kind: tangible, category: environment, channels: [visit], units: [HR, IT], measure: {type: threshold, field: wait_seconds, max: 600}, target: 0.8, period: week}
`;

const CHANNELS = ['phone', 'phone', 'phone', 'email', 'email', 'letter', 'chat', 'visit'] as const;
const UNITS = ['HR', 'IT', 'SALES', 'US'] as const;
const EMPLOYEE_OF: Record<string, string> = { HR: 'E1', IT: 'E2', SALES: 'E3', US: 'E4' };
const GREETINGS = [
  'Доброе утро, отдел кадров, Джоан слушает',
  'Good afternoon, IT department, Ivan speaking',
  'Добрый день! Отдел продаж, Мария',
  'Hello?',
  'Good morning, US desk, Peter here',
];
const START = Date.parse('2026-01-01T00:00:00Z');
const SPAN_MS = 364 * 86_400_000;

export interface FixtureRecord {
  id: string;
  channel: string;
  unit: string;
  employee?: string;
  started_at: string;
  answered_at?: string;
  ended_at?: string;
  rings?: number;
  wait_seconds?: number;
  greeting?: string;
  template?: string;
}

/**
 * The n-th synthetic record, the same for a given seed and n. `idOffset` numbers the ids from there
 * (`r<idOffset + n>`), so files made with other seeds and offsets hold distinct records.
 */
export function* records(count: number, seed = 42, idOffset = 0): Generator<FixtureRecord> {
  const rnd = seededRandom(seed);
  for (let i = 0; i < count; i += 1) {
    const channel = CHANNELS[Math.floor(rnd() * CHANNELS.length)]!;
    const unit = UNITS[Math.floor(rnd() * UNITS.length)]!;
    const started = START + Math.floor(rnd() * SPAN_MS);
    const r: FixtureRecord = {
      id: `r${idOffset + i}`,
      channel,
      unit,
      started_at: new Date(started).toISOString(),
    };
    if (rnd() < 0.8) r.employee = EMPLOYEE_OF[unit]!;
    const answered = rnd() < 0.9;
    const delay =
      channel === 'phone' || channel === 'visit' || channel === 'chat'
        ? Math.floor(rnd() * (channel === 'visit' ? 900 : 40)) * 1000
        : Math.floor(rnd() * 3 * 86_400_000);
    if (answered) r.answered_at = new Date(started + delay).toISOString();
    if (channel === 'phone') {
      r.ended_at = new Date(started + delay + Math.floor(rnd() * 300_000)).toISOString();
      if (rnd() < 0.3) r.rings = Math.floor(delay / 5000);
      if (rnd() < 0.7) r.greeting = GREETINGS[Math.floor(rnd() * GREETINGS.length)]!;
    }
    if (channel === 'visit' && answered) r.wait_seconds = delay / 1000;
    if ((channel === 'email' || channel === 'letter') && answered && rnd() < 0.9)
      r.template = `T-STD-${1 + Math.floor(rnd() * 4)}`;
    yield r;
  }
}

const COLUMNS = RECORD_FIELDS;
const csvCell = (v: unknown) => {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * Writes `count` records to a CSV (with a header) and an NDJSON file; `seed` and `idOffset` as
 * `records` takes them (the defaults give the engine benchmark's files).
 */
export async function writeFixtures(
  count: number,
  csvPath: string,
  ndjsonPath: string,
  { seed = 42, idOffset = 0 }: { seed?: number; idOffset?: number } = {},
): Promise<void> {
  const csv = createWriteStream(csvPath);
  const nd = createWriteStream(ndjsonPath);
  csv.write(`${COLUMNS.join(',')}\n`);
  let csvBuf = '';
  let ndBuf = '';
  for (const r of records(count, seed, idOffset)) {
    csvBuf += `${COLUMNS.map((c) => csvCell(r[c])).join(',')}\n`;
    ndBuf += `${JSON.stringify(r)}\n`;
    if (csvBuf.length > 1 << 20) {
      if (!csv.write(csvBuf)) await once(csv, 'drain');
      if (!nd.write(ndBuf)) await once(nd, 'drain');
      csvBuf = '';
      ndBuf = '';
    }
  }
  csv.end(csvBuf);
  nd.end(ndBuf);
  await Promise.all([once(csv, 'finish'), once(nd, 'finish')]);
}
