import type { Locale } from '../../contract/common.schema';

/**
 * The demo organization: a small company whose HR department, accounts department, reception, IT
 * service desk and legal team serve each other, with a filled service grid. Names are in both
 * languages; free texts (positions, instructions) are written in both and loaded in the chosen one.
 * Every person, address and number here is invented. Later issues extend this same demo.
 */

type Text = Record<Locale, string>;

export interface DemoUnit {
  code: string;
  name: Text;
  parent?: string;
  timezone?: string;
  contact?: { email?: string; phone?: string; note?: Text };
  heads?: string[];
}

export interface DemoEmployee {
  code: string;
  name: Text;
  position: Text;
  unit: string;
  email: string;
  extensions: string[];
}

export interface DemoCell {
  /** A unit code, or `@` and an employee code for one person. */
  provider: string;
  recipient: string;
  types: string[];
  instructions: Text;
  expected: Text;
  /** An employee code. */
  contact?: string;
}

export const DEMO_ROOT = 'DEMO';

export const DEMO_UNITS: DemoUnit[] = [
  {
    code: DEMO_ROOT,
    name: { ru: 'ООО «Северный ветер»', en: 'North Wind Ltd' },
    timezone: 'Europe/Moscow',
    contact: { email: 'office@northwind.example', phone: '+7 495 000-10-00' },
    heads: ['E-DIR'],
  },
  {
    code: 'HR',
    name: { ru: 'Отдел кадров', en: 'HR department' },
    parent: DEMO_ROOT,
    contact: {
      email: 'hr@northwind.example',
      phone: '2100',
      note: {
        ru: 'Приём по личным вопросам — вт и чт, 14:00–17:00',
        en: 'Walk-in hours Tue and Thu, 14:00–17:00',
      },
    },
    heads: ['E-HR1'],
  },
  {
    code: 'ACC',
    name: { ru: 'Бухгалтерия', en: 'Accounts department' },
    parent: DEMO_ROOT,
    contact: { email: 'accounts@northwind.example', phone: '2200' },
    heads: ['E-ACC1'],
  },
  {
    code: 'ACC-PAY',
    name: { ru: 'Расчётная группа', en: 'Payroll team' },
    parent: 'ACC',
    contact: { email: 'payroll@northwind.example', phone: '2250' },
  },
  {
    code: 'RECEPTION',
    name: { ru: 'Приёмная', en: 'Reception' },
    parent: DEMO_ROOT,
    contact: {
      phone: '2000',
      note: { ru: 'Первый этаж, у главного входа', en: 'Ground floor, by the main entrance' },
    },
    heads: ['E-REC1'],
  },
  {
    code: 'IT-DESK',
    name: { ru: 'Служба ИТ-поддержки', en: 'IT service desk' },
    parent: DEMO_ROOT,
    contact: { email: 'it@northwind.example', phone: '2400' },
    heads: ['E-IT1'],
  },
  {
    code: 'LEGAL',
    name: { ru: 'Юридический отдел', en: 'Legal team' },
    parent: DEMO_ROOT,
    contact: { email: 'legal@northwind.example', phone: '2500' },
    heads: ['E-LEG1'],
  },
];

const person = (
  code: string,
  unit: string,
  name: Text,
  position: Text,
  email: string,
  extension: string,
): DemoEmployee => ({
  code,
  unit,
  name,
  position,
  email: `${email}@northwind.example`,
  extensions: [extension],
});

export const DEMO_EMPLOYEES: DemoEmployee[] = [
  person(
    'E-DIR',
    DEMO_ROOT,
    { ru: 'Ирина Волкова', en: 'Irina Volkova' },
    { ru: 'Генеральный директор', en: 'Managing director' },
    'i.volkova',
    '2001',
  ),
  person(
    'E-HR1',
    'HR',
    { ru: 'Марина Соколова', en: 'Marina Sokolova' },
    { ru: 'Начальник отдела кадров', en: 'Head of HR' },
    'm.sokolova',
    '2101',
  ),
  person(
    'E-HR2',
    'HR',
    { ru: 'Олег Петренко', en: 'Oleg Petrenko' },
    { ru: 'Специалист по кадрам', en: 'HR officer' },
    'o.petrenko',
    '2102',
  ),
  person(
    'E-ACC1',
    'ACC',
    { ru: 'Светлана Кузнецова', en: 'Svetlana Kuznetsova' },
    { ru: 'Главный бухгалтер', en: 'Chief accountant' },
    's.kuznetsova',
    '2201',
  ),
  person(
    'E-ACC2',
    'ACC',
    { ru: 'Артём Белов', en: 'Artyom Belov' },
    { ru: 'Бухгалтер', en: 'Accountant' },
    'a.belov',
    '2202',
  ),
  person(
    'E-PAY1',
    'ACC-PAY',
    { ru: 'Наталья Орлова', en: 'Natalia Orlova' },
    { ru: 'Бухгалтер по расчёту зарплаты', en: 'Payroll accountant' },
    'n.orlova',
    '2251',
  ),
  person(
    'E-REC1',
    'RECEPTION',
    { ru: 'Анна Лебедева', en: 'Anna Lebedeva' },
    { ru: 'Офис-менеджер', en: 'Office manager' },
    'a.lebedeva',
    '2003',
  ),
  person(
    'E-REC2',
    'RECEPTION',
    { ru: 'Дмитрий Зайцев', en: 'Dmitry Zaitsev' },
    { ru: 'Секретарь', en: 'Receptionist' },
    'd.zaitsev',
    '2002',
  ),
  person(
    'E-IT1',
    'IT-DESK',
    { ru: 'Павел Морозов', en: 'Pavel Morozov' },
    { ru: 'Руководитель ИТ-поддержки', en: 'IT service desk lead' },
    'p.morozov',
    '2401',
  ),
  person(
    'E-IT2',
    'IT-DESK',
    { ru: 'Екатерина Новикова', en: 'Ekaterina Novikova' },
    { ru: 'Инженер поддержки', en: 'Support engineer' },
    'e.novikova',
    '2402',
  ),
  person(
    'E-LEG1',
    'LEGAL',
    { ru: 'Григорий Фёдоров', en: 'Grigory Fyodorov' },
    { ru: 'Начальник юридического отдела', en: 'Head of legal' },
    'g.fyodorov',
    '2501',
  ),
  person(
    'E-LEG2',
    'LEGAL',
    { ru: 'Юлия Смирнова', en: 'Yulia Smirnova' },
    { ru: 'Юрист по договорам', en: 'Contracts lawyer' },
    'y.smirnova',
    '2502',
  ),
];

const everyDepartment = ['HR', 'ACC', 'RECEPTION', 'IT-DESK', 'LEGAL'];

export const DEMO_CELLS: DemoCell[] = [
  // HR helps everyone with personnel paperwork and keeps them informed.
  ...everyDepartment
    .filter((d) => d !== 'HR')
    .map((recipient): DemoCell => ({
      provider: 'HR',
      recipient,
      types: ['information', 'paperwork'],
      instructions: {
        ru: 'Заявления на отпуск и справки — через форму на портале «Кадры» или лично в каб. 210. Приложите заявление с подписью руководителя.',
        en: 'Leave requests and certificates: the HR portal form, or in person in room 210. Attach the request signed by your head.',
      },
      expected: { ru: 'Справка — за 2 рабочих дня', en: 'A certificate within 2 working days' },
      contact: 'E-HR2',
    })),
  {
    provider: 'ACC',
    recipient: 'HR',
    types: ['paperwork', 'deadlines'],
    instructions: {
      ru: 'Табели учёта рабочего времени сдавайте до 25-го числа; бухгалтерия заранее напомнит и проверит заполнение.',
      en: 'Hand in timesheets by the 25th; accounts send a reminder beforehand and check them.',
    },
    expected: {
      ru: 'Проверка табеля — в течение 1 рабочего дня',
      en: 'Timesheet check within 1 working day',
    },
    contact: 'E-ACC2',
  },
  {
    provider: 'ACC-PAY',
    recipient: 'HR',
    types: ['information', 'deadlines'],
    instructions: {
      ru: 'Вопросы по начислениям — письмом на payroll@, укажите табельный номер и месяц.',
      en: 'Pay questions: e-mail payroll@ with the staff number and the month.',
    },
    expected: { ru: 'Ответ — в течение 2 рабочих дней', en: 'An answer within 2 working days' },
    contact: 'E-PAY1',
  },
  ...['RECEPTION', 'IT-DESK', 'LEGAL'].map((recipient): DemoCell => ({
    provider: 'ACC',
    recipient,
    types: ['paperwork', 'consultation'],
    instructions: {
      ru: 'Авансовые отчёты и счета — в каб. 220 или сканом на accounts@. Перед сдачей сверьтесь с памяткой на портале.',
      en: 'Expense reports and invoices: room 220, or a scan to accounts@. Check them against the guide on the portal first.',
    },
    expected: { ru: 'Проверка — 3 рабочих дня', en: 'Checked within 3 working days' },
    contact: 'E-ACC2',
  })),
  ...everyDepartment
    .filter((d) => d !== 'IT-DESK')
    .map((recipient): DemoCell => ({
      provider: 'IT-DESK',
      recipient,
      types: ['consultation', 'escalation'],
      instructions: {
        ru: 'Звоните 2400 или пишите на it@; укажите номер рабочего места и приложите снимок экрана с ошибкой.',
        en: 'Call 2400 or e-mail it@ with your workstation number and a screenshot of the error.',
      },
      expected: {
        ru: 'Первый ответ — в течение 30 минут в рабочее время',
        en: 'A first reply within 30 minutes in working hours',
      },
      contact: 'E-IT2',
    })),
  ...['HR', 'ACC'].map((recipient): DemoCell => ({
    provider: 'LEGAL',
    recipient,
    types: ['paperwork', 'consultation'],
    instructions: {
      ru: 'Договоры на согласование — через систему документооборота, карточка «Юр. проверка». Срочные вопросы — по тел. 2500.',
      en: 'Contracts for review: the document system, card "Legal check". Urgent questions: call 2500.',
    },
    expected: { ru: 'Согласование договора — 3 рабочих дня', en: 'Contract review within 3 working days' },
    contact: 'E-LEG2',
  })),
  {
    provider: '@E-LEG1',
    recipient: 'ACC',
    types: ['escalation'],
    instructions: {
      ru: 'Если контрагент оспаривает оплату или грозит претензией — сразу к начальнику юротдела.',
      en: 'If a counterparty disputes a payment or threatens a claim, go straight to the head of legal.',
    },
    expected: { ru: 'В тот же день', en: 'The same day' },
    contact: 'E-LEG1',
  },
  ...everyDepartment
    .filter((d) => d !== 'RECEPTION')
    .map((recipient): DemoCell => ({
      provider: 'RECEPTION',
      recipient,
      types: ['document_delivery', 'information'],
      instructions: {
        ru: 'Входящую почту разносим дважды в день (10:00 и 15:00); исходящую оставляйте в лотке приёмной до 16:00.',
        en: 'Incoming post is delivered twice a day (10:00 and 15:00); leave outgoing post in the reception tray by 16:00.',
      },
      expected: { ru: 'Отправка — в тот же день', en: 'Sent the same day' },
      contact: 'E-REC2',
    })),
];
