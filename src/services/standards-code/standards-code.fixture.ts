/**
 * For tests only: a standards file that bootstraps an instance — calendars (a yearly holiday, a
 * shift), units, employees, and standards of every measure type with the catalog's fields.
 */
export const BOOTSTRAP = `version: etalon/v1
calendars:
  - id: office
    name: {ru: Офис, en: Office}
    timezone: Europe/Moscow
    week:
      mon: ["09:00-13:00", "14:00-18:00"]
      tue: ["09:00-13:00", "14:00-18:00"]
      wed: ["09:00-13:00", "14:00-18:00"]
      thu: ["09:00-13:00", "14:00-18:00"]
      fri: ["09:00-13:00", "14:00-16:45"]
    holidays: ["--01-01", "2026-02-23"]
    shifts:
      "2026-03-07": ["10:00-14:00"]
units:
  - {code: ORG, name: {ru: Компания, en: Company}}
  - {code: HR, name: {ru: Отдел кадров, en: HR department}, parent: ORG}
  - {code: IT, name: {ru: ИТ, en: IT}, parent: ORG}
employees:
  - {code: E1, name: {ru: Анна, en: Anna}, unit: HR}
  - {code: E2, name: {en: Ivan}, unit: IT}
standards:
  - code: TEL-01
    title: {ru: Ответ до третьего звонка, en: Answer by the 3rd ring}
    description: {en: Pick up before the fourth ring.}
    why: {en: Callers hang up.}
    kind: tangible
    category: responsiveness
    channels: [phone]
    units: [HR]
    calendar: office
    owner: E1
    measure: {type: threshold, field: rings, max: 3}
    target: 0.9
    period: month
  - code: MAIL-01
    title: Reply to written requests within a business day
    kind: tangible
    category: written
    channels: [email, letter]
    measure: {type: response_time, within: 9h}
    target: 0.9
    period: month
  - code: GRT-01
    title: {ru: Стандартное приветствие, en: Standard greeting}
    kind: intangible
    category: greeting
    measure:
      type: script
      require: [time_greeting, unit, employee]
      greetings:
        - {from: "05:00", say: [доброе утро]}
        - {from: "12:00", say: [добрый день]}
    target: 0.8
    period: quarter
  - code: SMILE-01
    title: {en: Smile}
    kind: intangible
    category: behaviour
    measure: {type: rating, scale: "1-5", pass_min: 4, guidance: {en: A visible smile when greeting}}
    target: 0.8
    period: month
  - code: DESK-01
    title: {en: A tidy reception desk}
    kind: intangible
    category: environment
    units: [HR, IT]
    measure: {type: checklist, critical: true}
    target: 1
    period: week
`;
