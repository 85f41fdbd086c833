import { expect, test } from '@playwright/test';
import { apiAs } from './page-models/api-as';
import { LoginPage } from './page-models/auth.pages';
import { CalibrationPage } from './page-models/calibration.page';
import { ensureFirstAdmin } from './page-models/first-admin';
import { Shell } from './page-models/shell.page';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

// Everything this journey makes carries a tag, so it runs in any order with the other journeys.
const tag = Date.now().toString(36).slice(-5).toUpperCase();
const UNIT = `CA${tag}`;
const SMILE = `CA${tag}-SMILE`;
const TIDY = `CA${tag}-TIDY`;
const PASSWORD = 'copper meadow 73 lanterns';
const person = (name: string, role: string) => ({
  name,
  email: `${name.split(' ')[0]!.toLowerCase()}.${tag.toLowerCase()}@example.org`,
  password: PASSWORD,
  role,
});
const LEAD = person('Lida Lead', 'manager');
const AUDITORS = [person('Pavel Auditor', 'auditor'), person('Rita Auditor', 'auditor')] as const;

const CATALOG = `version: etalon/v1
timezone: Europe/Moscow
units:
  - {code: ${UNIT}, name: {en: Front desk ${tag}}}
standards:
  - code: ${SMILE}
    title: {en: Smiles ${tag}, ru: Улыбается ${tag}}
    kind: intangible
    category: behaviour
    units: [${UNIT}]
    measure: {type: rating, scale: "1-5", pass_min: 4}
    target: 0.9
    period: month
  - code: ${TIDY}
    title: {en: Tidy desk ${tag}, ru: Порядок на стойке ${tag}}
    kind: tangible
    category: environment
    units: [${UNIT}]
    measure: {type: checklist}
    target: 1
    period: month
`;

/** What each auditor answers, by subject: they differ on s2's rating and s3's checklist item. */
const ANSWERS: Record<string, Record<string, string>>[] = [
  {
    s1: { [`Smiles ${tag}`]: '5', [`Tidy desk ${tag}`]: 'Yes' },
    s2: { [`Smiles ${tag}`]: '2', [`Tidy desk ${tag}`]: 'No' },
    s3: { [`Smiles ${tag}`]: '4', [`Tidy desk ${tag}`]: 'Yes' },
  },
  {
    s1: { [`Smiles ${tag}`]: '5', [`Tidy desk ${tag}`]: 'Yes' },
    s2: { [`Smiles ${tag}`]: '3', [`Tidy desk ${tag}`]: 'No' },
    s3: { [`Smiles ${tag}`]: '4', [`Tidy desk ${tag}`]: 'No' },
  },
];

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, locale: 'en-US' });

/**
 * Issue 7's calibration: a quality lead's session with three subjects; two auditors judge it blind
 * on their phones; the lead sees only who has submitted, reveals, and reads the agreement.
 */
test('two auditors judge a calibration session blind, the lead reveals it and sees alpha', async ({
  page,
  request,
  baseURL,
}) => {
  // Two people answer six items each on a phone, one after the other: more than one default minute.
  test.setTimeout(150_000);
  const admin = await ensureFirstAdmin(request);
  const asAdmin = await apiAs(baseURL!, admin);
  await asAdmin.send(
    'post',
    '/catalog/apply?publish=true&effective_from=2026-01-01',
    CATALOG,
    'application/yaml',
  );
  const template = await asAdmin.post<{ id: string }>('/audit-templates', {
    code: `calibration-${tag.toLowerCase()}`,
    title: { en: `Front desk ${tag}` },
    pass_mark: 0.8,
    sections: [{ id: 'all', items: [{ standard: SMILE }, { standard: TIDY }] }],
  });
  const ids: string[] = [];
  for (const p of [LEAD, ...AUDITORS])
    ids.push((await asAdmin.post<{ user: { id: string } }>('/users', p)).user.id);
  await asAdmin.api.dispose();

  const asLead = await apiAs(baseURL!, LEAD);
  const session = await asLead.post<{ id: string }>('/calibration-sessions', {
    title: `Front desk calibration ${tag}`,
    template_id: template.id,
    subjects: [
      { label: 'Call 1', description: 'The 9:10 call' },
      { label: 'Visit', description: 'Monday, 10:00' },
      { label: 'Photos', description: 'The desk at noon' },
    ],
    participant_ids: ids.slice(1),
  });
  await asLead.api.dispose();

  const login = new LoginPage(page);
  const shell = new Shell(page);
  const calibration = new CalibrationPage(page);

  for (const [i, auditor] of AUDITORS.entries()) {
    await login.open();
    await login.signIn(auditor.email, auditor.password);
    await expect(page).not.toHaveURL(/\/login$/);
    if ((await page.locator('html').getAttribute('lang')) !== 'en') await shell.switchLanguage('en');
    // "Calibration" in the navigation (behind the burger on a phone) lists the session.
    await shell.openNavigationOnPhone();
    await shell.link('Calibration').click();
    await page.getByRole('link', { name: `Open Front desk calibration ${tag}` }).click();
    await expect(page).toHaveURL(new RegExp(`/calibration/${session.id}$`));
    // Blind: the second auditor starts from nothing although the first has answered everything.
    await expect(calibration.progress()).toHaveText('0 of 6 answered');
    for (const [subject, answers] of Object.entries(ANSWERS[i]!)) await calibration.judge(subject, answers);
    await expect(calibration.progress()).toHaveText('6 of 6 answered');
    if (i === 0) await page.screenshot(shot('calibration-01-judging'));
    await calibration.submit();
    await expect(calibration.whoSubmitted()).toContainText(`${auditor.name} — submitted`);
    await shell.signOut();
  }

  await login.open();
  await login.signIn(LEAD.email, LEAD.password);
  await expect(page).not.toHaveURL(/\/login$/);
  await calibration.open(session.id);
  await expect(calibration.whoSubmitted()).toContainText('Pavel Auditor — submitted');
  await expect(calibration.whoSubmitted()).toContainText('Rita Auditor — submitted');
  await expect(page.getByTestId('calibration-results')).toHaveCount(0);
  await calibration.reveal();

  // SMILE (ordinal): 5/5, 2/3, 4/4 — n = 6, D_o = 2·δ²(2,3)/6 = 1/3, D_e = 198/30 → α = 0.949.
  // TIDY (nominal): yes/yes, no/no, yes/no — D_o = 2/6, D_e = 2·3·3/30 → α = 0.444.
  await expect(calibration.result(SMILE).getByTestId('alpha-badge')).toHaveText('α = 0.949 · reliable');
  await expect(calibration.result(TIDY).getByTestId('alpha-badge')).toHaveText(
    'α = 0.444 · observers disagree',
  );
  await expect(calibration.result(TIDY)).toContainText('Observers disagree — sharpen the guidance');
  await expect(calibration.result(TIDY).locator('tr[data-disagree]')).toHaveCount(1);
  await expect(calibration.overall('ordinal').getByTestId('alpha-badge')).toBeVisible();
  await expect(page.getByTestId('leniency-ordinal')).toBeVisible();
  await page.screenshot(shot('calibration-02-results'));
});
