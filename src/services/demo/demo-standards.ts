import type { Locale } from '../../contract/common.schema';
import type { CalendarDefinitionInput, StandardDefinitionInput } from '../../contract/catalog.schema';

/**
 * North Wind's service standards, as the seed text lists them: the tangible ones (answer by the
 * third ring, the standard greeting, standard letters, replies to written requests, complaints,
 * the reception and the workplace) and the intangible ones (smile, eye contact, a pleasant voice).
 * Definitions carry both languages, like names; the proposals' free texts (title, rationale, the
 * comment) are loaded in the demo's language.
 */

type Text = Record<Locale, string>;

export const DEMO_CALENDAR = 'MSK-OFFICE';

const DAY = ['09:00-13:00', '14:00-18:00'];

export const DEMO_CALENDAR_DEFINITION: CalendarDefinitionInput = {
  id: DEMO_CALENDAR,
  name: { ru: 'Офис в Москве', en: 'Moscow office' },
  timezone: 'Europe/Moscow',
  week: { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: ['09:00-13:00', '14:00-16:45'] },
  // Russia's public holidays every year, and one year's extra day off.
  holidays: [
    '--01-01',
    '--01-02',
    '--01-03',
    '--01-04',
    '--01-05',
    '--01-06',
    '--01-07',
    '--01-08',
    '--02-23',
    '--03-08',
    '--05-01',
    '--05-09',
    '--06-12',
    '--11-04',
    '2026-12-31',
  ],
  // The working day before a holiday is an hour shorter.
  shifts: { '2026-11-03': ['09:00-13:00', '14:00-17:00'] },
  ring_seconds: 5,
};

export const DEMO_STANDARDS: StandardDefinitionInput[] = [
  {
    code: 'TEL-01',
    title: { ru: 'Ответ на звонок не позднее третьего гудка', en: 'Answer the phone by the third ring' },
    description: {
      ru: 'Снимите трубку не позже третьего гудка — и на своём телефоне, и на телефоне коллеги, которого нет на месте.',
      en: "Pick up by the third ring at the latest, on your own phone and on an absent colleague's.",
    },
    why: {
      ru: 'После третьего гудка клиент решает, что его не ждут, и кладёт трубку или звонит руководителю.',
      en: 'After the third ring a caller feels nobody is there, and hangs up or calls your head instead.',
    },
    kind: 'tangible',
    category: 'responsiveness',
    channels: ['phone'],
    calendar: DEMO_CALENDAR,
    owner: 'E-REC1',
    measure: { type: 'threshold', field: 'rings', max: 3 },
    target: 0.9,
    period: 'month',
  },
  {
    code: 'TEL-02',
    title: { ru: 'Стандартное приветствие по телефону', en: 'The standard telephone greeting' },
    description: {
      ru: 'Поздоровайтесь по времени суток, назовите отдел и себя: «Доброе утро, отдел кадров, у телефона Марина».',
      en: 'Greet for the time of day, name your unit and yourself: "Good morning, HR department, Marina speaking".',
    },
    why: {
      ru: 'Клиент сразу знает, что попал куда нужно и с кем говорит, — и не переспрашивает.',
      en: 'Callers know at once that they reached the right place and whom they speak to, and need not ask.',
    },
    kind: 'tangible',
    category: 'greeting',
    channels: ['phone'],
    calendar: DEMO_CALENDAR,
    owner: 'E-HR1',
    measure: {
      type: 'script',
      require: ['time_greeting', 'unit', 'employee'],
      greetings: [
        { from: '05:00', say: ['доброе утро', 'good morning'] },
        { from: '12:00', say: ['добрый день', 'good afternoon'] },
        { from: '18:00', say: ['добрый вечер', 'good evening'] },
      ],
    },
    target: 0.9,
    period: 'month',
  },
  {
    code: 'MAIL-01',
    title: { ru: 'Письма — по стандартным шаблонам', en: 'Letters use the standard templates' },
    description: {
      ru: 'Отвечайте письменно на стандартных бланках: подтверждение получения, ответ по существу, мотивированный отказ.',
      en: 'Answer in writing on the standard forms: acknowledgement, answer, reasoned refusal.',
    },
    why: {
      ru: 'Шаблон не забывает о сроках, контактах и подписи, а клиент получает одинаково понятный ответ от любого отдела.',
      en: 'A template never forgets the deadline, the contact and the signature, and customers get the same clear answer from any unit.',
    },
    kind: 'tangible',
    category: 'written',
    channels: ['email', 'letter'],
    owner: 'E-LEG1',
    measure: { type: 'template', allowed: ['LTR-ACK', 'LTR-ANSWER', 'LTR-REFUSAL'] },
    target: 0.95,
    period: 'month',
  },
  {
    code: 'MAIL-02',
    title: {
      ru: 'Ответ на письменный запрос в течение рабочего дня',
      en: 'Reply to written requests within a business day',
    },
    description: {
      ru: 'Ответьте на письмо или запрос в течение 8 рабочих часов по календарю офиса — хотя бы подтверждением и сроком.',
      en: 'Reply to a letter or request within 8 working hours of the office calendar, at least with an acknowledgement and a date.',
    },
    why: {
      ru: 'Молчание хуже отказа: человек не может планировать свою работу, пока не знает, что его запрос принят.',
      en: 'Silence is worse than a refusal: people cannot plan their work until they know their request was received.',
    },
    kind: 'tangible',
    category: 'written',
    channels: ['email', 'letter'],
    units: ['HR', 'ACC'],
    grid_cells: [
      { provider: 'HR', recipient: 'ACC' },
      { provider: 'ACC', recipient: 'HR' },
    ],
    calendar: DEMO_CALENDAR,
    owner: 'E-HR1',
    measure: { type: 'response_time', within: '8h', clock: 'business' },
    target: 0.9,
    period: 'week',
  },
  {
    code: 'CMP-01',
    title: { ru: 'Каждая жалоба зарегистрирована и закреплена', en: 'Every complaint is logged and owned' },
    description: {
      ru: 'Жалоба записана в журнал в день поступления, у неё есть ответственный и срок ответа, о котором сообщили клиенту.',
      en: 'A complaint is logged the day it arrives, with a person responsible and an answer date the customer was told.',
    },
    why: {
      ru: 'Жалобы чаще всего возникают из-за неясной ответственности; закреплённая жалоба не теряется между отделами.',
      en: 'Complaints most often come from unclear responsibility; an owned complaint does not fall between units.',
    },
    kind: 'tangible',
    category: 'complaints',
    owner: 'E-DIR',
    measure: { type: 'checklist', critical: true, allow_na: true },
    target: 1,
    period: 'quarter',
  },
  {
    code: 'ENV-01',
    title: { ru: 'Приёмная встречает посетителя', en: 'The reception welcomes visitors' },
    description: {
      ru: 'Посетитель записывается при входе, приёмная убрана, указатели видны, сотрудник — в форме и с бейджем, к посетителю обращаются по имени.',
      en: 'Visitors sign in, the reception is tidy, signs are visible, staff wear the uniform and a badge, and call visitors by name.',
    },
    why: {
      ru: 'Первое впечатление об организации складывается в приёмной — ещё до разговора.',
      en: 'The first impression of the organization is made at the reception, before a word is said.',
    },
    kind: 'tangible',
    category: 'environment',
    channels: ['visit'],
    units: ['RECEPTION'],
    owner: 'E-REC1',
    measure: {
      type: 'checklist',
      guidance: {
        ru: 'Отметьте «нет», если хотя бы одно не выполнено.',
        en: 'Answer "no" if any of it is missing.',
      },
    },
    target: 0.9,
    period: 'month',
  },
  {
    code: 'ENV-02',
    title: { ru: 'Рабочее место в порядке', en: 'A tidy and safe workplace' },
    description: {
      ru: 'На столе только текущие дела, чужие документы не на виду, проходы свободны.',
      en: "Only current work on the desk, no one else's papers in view, walkways clear.",
    },
    why: {
      ru: 'Порядок — это и имидж, и охрана персональных данных, и безопасность.',
      en: 'Order is the image, the protection of personal data and safety in one.',
    },
    kind: 'tangible',
    category: 'environment',
    channels: ['visit'],
    owner: 'E-DIR',
    measure: { type: 'checklist', allow_na: false },
    target: 0.9,
    period: 'quarter',
  },
  {
    code: 'BEH-01',
    title: { ru: 'Улыбайтесь при общении с клиентами', en: 'Smile when you deal with customers' },
    description: {
      ru: 'Улыбка при встрече и в разговоре — в том числе по телефону: её слышно.',
      en: 'Smile when you meet and while you talk, on the phone too: it can be heard.',
    },
    why: {
      ru: 'Улыбка говорит клиенту, что ему рады, раньше любых слов.',
      en: 'A smile tells customers they are welcome before any word does.',
    },
    kind: 'intangible',
    category: 'behaviour',
    channels: ['visit', 'phone'],
    owner: 'E-DIR',
    measure: {
      type: 'rating',
      scale: '1-5',
      pass_min: 4,
      labels: [
        { ru: 'хмуро', en: 'frowning' },
        { ru: 'безразлично', en: 'indifferent' },
        { ru: 'вежливо', en: 'polite' },
        { ru: 'приветливо', en: 'friendly' },
        { ru: 'радушно', en: 'warm' },
      ],
    },
    target: 0.8,
    period: 'quarter',
  },
  {
    code: 'BEH-02',
    title: { ru: 'Смотрите собеседнику в глаза', en: 'Make eye contact' },
    description: {
      ru: 'Во время разговора смотрите на посетителя, а не в экран или бумаги.',
      en: 'While you talk, look at the visitor, not at the screen or your papers.',
    },
    why: {
      ru: 'Взгляд показывает, что вы слушаете и заняты именно этим человеком.',
      en: 'Eye contact shows you are listening and attending to this very person.',
    },
    kind: 'intangible',
    category: 'behaviour',
    channels: ['visit'],
    owner: 'E-DIR',
    measure: {
      type: 'rating',
      scale: 'yes_no',
      guidance: {
        ru: '«Да», если сотрудник смотрел на посетителя большую часть разговора.',
        en: '"Yes" when the employee looked at the visitor for most of the conversation.',
      },
    },
    target: 0.8,
    period: 'quarter',
  },
  {
    code: 'BEH-03',
    title: { ru: 'Говорите приятным голосом', en: 'Speak in a pleasant voice' },
    description: {
      ru: 'Спокойный, доброжелательный тон и внятная речь — без спешки и раздражения.',
      en: 'A calm, friendly tone and clear speech, without hurry or irritation.',
    },
    why: {
      ru: 'По телефону голос — всё, что клиент знает о нас.',
      en: 'On the phone your voice is all the customer knows of us.',
    },
    kind: 'intangible',
    category: 'behaviour',
    channels: ['phone', 'visit'],
    owner: 'E-DIR',
    measure: { type: 'rating', scale: '1-5', pass_min: 4 },
    target: 0.8,
    period: 'quarter',
  },
  // Judged in the reception audit (issue 7): one item each, so an auditor answers one question.
  {
    code: 'ENV-03',
    title: { ru: 'Посетители записываются при входе', en: 'Visitors sign in' },
    description: {
      ru: 'Каждый посетитель записан в журнал посетителей при входе: имя, время, к кому пришёл.',
      en: 'Every visitor is entered in the visitors’ log on arrival: name, time, whom they came to see.',
    },
    why: {
      ru: 'Безопасность: мы знаем, кто в здании, и можем помочь посетителю, если что-то случится.',
      en: 'Safety: we know who is in the building and can look after visitors if something happens.',
    },
    kind: 'tangible',
    category: 'environment',
    channels: ['visit'],
    owner: 'E-REC1',
    measure: {
      type: 'checklist',
      critical: true,
      allow_na: false,
      guidance: {
        ru: '«Нет», если хотя бы один посетитель за время наблюдения прошёл, не записавшись.',
        en: '"No" if any visitor during the observation went in without signing in.',
      },
    },
    target: 1,
    period: 'month',
  },
  {
    code: 'ENV-04',
    title: { ru: 'Форма одежды', en: 'Dress code' },
    description: {
      ru: 'Сотрудник в форме организации, опрятен, бейдж с именем на виду.',
      en: 'The employee wears the uniform, looks neat, and the name badge is visible.',
    },
    why: {
      ru: 'По форме посетитель сразу узнаёт, к кому обратиться.',
      en: 'The uniform tells visitors at once whom to ask.',
    },
    kind: 'tangible',
    category: 'environment',
    channels: ['visit'],
    owner: 'E-DIR',
    measure: {
      type: 'rating',
      scale: '1-3',
      pass_min: 2,
      weight: 0.5,
      labels: [
        { ru: 'не по форме', en: 'not to the code' },
        { ru: 'по форме, без бейджа', en: 'uniform, no badge' },
        { ru: 'полностью по форме', en: 'fully to the code' },
      ],
    },
    target: 0.9,
    period: 'quarter',
  },
  {
    code: 'BEH-04',
    title: { ru: 'Обращайтесь к клиенту по имени', en: 'Address the client by name' },
    description: {
      ru: 'Узнав имя клиента, обращайтесь к нему по имени (и отчеству, если клиент так представился).',
      en: 'Once you know the client’s name, use it when you speak to them.',
    },
    why: {
      ru: 'Обращение по имени показывает, что клиента слышат и помнят.',
      en: 'Using the name shows the client they are heard and remembered.',
    },
    kind: 'intangible',
    category: 'behaviour',
    channels: ['visit', 'phone'],
    owner: 'E-DIR',
    measure: {
      type: 'checklist',
      guidance: {
        ru: '«Неприменимо», если клиент не назвался.',
        en: '"Not applicable" when the client did not give a name.',
      },
    },
    target: 0.8,
    period: 'quarter',
  },
];

/** The catalog as agreed: published at once, in force since the start of the year. */
export const DEMO_CATALOG_PROPOSAL: { title: Text; rationale: Text } = {
  title: {
    ru: 'Стандарты обслуживания «Северного ветра»',
    en: "North Wind's service standards",
  },
  rationale: {
    ru: 'Стандарты, которые руководители отделов обсудили и согласовали на совещании в декабре: осязаемые (звонки, приветствие, письма, жалобы, приёмная и рабочее место) и неосязаемые (улыбка, взгляд, голос).',
    en: 'The standards the heads of units discussed and agreed at the December meeting: tangible ones (calls, the greeting, letters, complaints, the reception and the workplace) and intangible ones (smile, eye contact, voice).',
  },
};

/** A change still in discussion: written requests answered within 4 business hours instead of 8. */
export const DEMO_OPEN_PROPOSAL: {
  code: string;
  within: string;
  title: Text;
  rationale: Text;
  comment: Text;
} = {
  code: 'MAIL-02',
  within: '4h',
  title: {
    ru: 'Отвечать на письменные запросы за 4 рабочих часа',
    en: 'Reply to written requests within 4 business hours',
  },
  rationale: {
    ru: 'За квартал 97 % запросов получили ответ за 8 часов, а половина — за 3. Предлагаю сократить срок до 4 рабочих часов: клиенты просят отвечать в тот же день.',
    en: 'Last quarter 97 % of requests were answered within 8 hours and half within 3. I propose 4 business hours: customers ask for an answer the same day.',
  },
  comment: {
    ru: 'Для отдела кадров 4 часа реальны: почту разбираем утром и после обеда. Бухгалтерии в дни закрытия месяца может быть тяжело — предлагаю обсудить исключение на эти дни.',
    en: 'Four hours works for HR: we go through the mail in the morning and after lunch. Accounts may struggle on month-end closing days; shall we discuss an exception for those?',
  },
};
