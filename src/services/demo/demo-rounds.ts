import type { Locale } from '../../contract/common.schema';
import type { ScheduleRuleInput } from '../../contract/audit-schedule.schema';
import type { DemoAnswer } from './demo-audits';

/**
 * The demo's audit rounds and calibration (issue 7): the reception audit as a weekly round in each
 * unit visitors come to, from the current week on, and one calibration session in which the two
 * auditors judged the same three visits — agreeing on the environment, less on the behaviour, so the
 * results show what a session is for.
 */

type Text = Record<Locale, string>;

/** Every Monday at 10:00 in the unit's zone; due by Friday 10:00, accepted until Sunday. */
export const DEMO_SCHEDULE: { rule: ScheduleRuleInput; due_after: string; grace: string } = {
  rule: { kind: 'weekly', weekday: 1, time: '10:00' },
  due_after: 'P4D',
  grace: 'P2D',
};

export const DEMO_CALIBRATION_TITLE: Text = {
  ru: 'Калибровка: три визита в приёмную',
  en: 'Calibration: three reception visits',
};

export const DEMO_CALIBRATION_SUBJECTS: Array<{ id: string; label: Text; description: Text }> = [
  {
    id: 'visit-1',
    label: { ru: 'Визит 1: курьер в час пик', en: 'Visit 1: a courier at rush hour' },
    description: {
      ru: 'Запись с камеры у стойки, 9:05–9:12. Очередь из трёх человек, курьер с коробкой.',
      en: 'Desk camera recording, 9:05–9:12. A queue of three, a courier with a parcel.',
    },
  },
  {
    id: 'visit-2',
    label: { ru: 'Визит 2: постоянный клиент', en: 'Visit 2: a regular client' },
    description: {
      ru: 'Запись с камеры у стойки, 11:40–11:46. Клиент называет себя при входе.',
      en: 'Desk camera recording, 11:40–11:46. The client gives a name on arrival.',
    },
  },
  {
    id: 'visit-3',
    label: { ru: 'Визит 3: недовольный посетитель', en: 'Visit 3: an unhappy visitor' },
    description: {
      ru: 'Запись с камеры у стойки, 15:20–15:31. Посетитель жалуется на ожидание.',
      en: 'Desk camera recording, 15:20–15:31. The visitor complains about the wait.',
    },
  },
];

/**
 * What each auditor answered (by DEMO_AUDITORS index), subject → item → answer. They agree on the
 * checklist items and differ on the smile (one reads 3 as polite enough, the other does not) and
 * on eye contact with the unhappy visitor: the guidance for those needs sharpening.
 */
export const DEMO_CALIBRATION_ANSWERS: Array<Record<string, Record<string, DemoAnswer>>> = [
  {
    'visit-1': { 'ENV-03': 'no', 'ENV-02': 'yes', 'ENV-04': 3, 'BEH-01': 3, 'BEH-02': 2, 'BEH-04': 'na' },
    'visit-2': { 'ENV-03': 'yes', 'ENV-02': 'yes', 'ENV-04': 3, 'BEH-01': 5, 'BEH-02': 2, 'BEH-04': 'yes' },
    'visit-3': { 'ENV-03': 'yes', 'ENV-02': 'no', 'ENV-04': 2, 'BEH-01': 2, 'BEH-02': 2, 'BEH-04': 'no' },
  },
  {
    'visit-1': { 'ENV-03': 'no', 'ENV-02': 'yes', 'ENV-04': 3, 'BEH-01': 4, 'BEH-02': 1, 'BEH-04': 'na' },
    'visit-2': { 'ENV-03': 'yes', 'ENV-02': 'yes', 'ENV-04': 3, 'BEH-01': 4, 'BEH-02': 2, 'BEH-04': 'yes' },
    'visit-3': { 'ENV-03': 'yes', 'ENV-02': 'no', 'ENV-04': 2, 'BEH-01': 3, 'BEH-02': 1, 'BEH-04': 'no' },
  },
];
