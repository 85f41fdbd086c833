import { expect, test } from '@playwright/test';
import { apiAs } from './page-models/api-as';
import { LoginPage } from './page-models/auth.pages';
import { ensureFirstAdmin } from './page-models/first-admin';
import { Shell } from './page-models/shell.page';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

// Everything this journey makes carries a tag, so it runs in any order with the other journeys.
const tag = Date.now().toString(36).slice(-5).toUpperCase();
const UNIT = `AU${tag}`;
const SMILE = `AU${tag}-SMILE`;
const EYES = `AU${tag}-EYES`;
const SIGNIN = `AU${tag}-SIGNIN`;
const TIDY = `AU${tag}-TIDY`;
const TEMPLATE = `reception-${tag.toLowerCase()}`;
const VISIT = `VISIT-${tag}`;
const AUDITOR = {
  name: 'Olga Auditor',
  email: `olga.${tag.toLowerCase()}@example.org`,
  password: 'silver harbour 61 lanterns',
};

/** A reception: one unit and four observed standards (two ratings, two checklist items). */
const CATALOG = `version: etalon/v1
timezone: Europe/Moscow
units:
  - {code: ${UNIT}, name: {en: Reception ${tag}, ru: Ресепшен ${tag}}}
standards:
  - code: ${SMILE}
    title: {en: Greets with a smile ${tag}, ru: Приветствует с улыбкой ${tag}}
    kind: intangible
    category: behaviour
    channels: [visit]
    units: [${UNIT}]
    measure: {type: rating, scale: "1-5", pass_min: 4, weight: 2, labels: [Cold, Flat, Polite, Warm, Radiant], guidance: {en: A real smile within the first seconds, ru: Настоящая улыбка в первые секунды}}
    target: 0.9
    period: month
  - code: ${EYES}
    title: {en: Looks the client in the eye ${tag}, ru: Смотрит клиенту в глаза ${tag}}
    kind: intangible
    category: behaviour
    channels: [visit]
    units: [${UNIT}]
    measure: {type: rating, scale: yes_no}
    target: 0.9
    period: month
  - code: ${SIGNIN}
    title: {en: Visitors sign in ${tag}, ru: Посетители расписываются ${tag}}
    kind: tangible
    category: environment
    channels: [visit]
    units: [${UNIT}]
    measure: {type: checklist, critical: true, allow_na: false}
    target: 1
    period: month
  - code: ${TIDY}
    title: {en: A tidy reception desk ${tag}, ru: Порядок на стойке ${tag}}
    kind: tangible
    category: environment
    channels: [visit]
    units: [${UNIT}]
    measure: {type: checklist}
    target: 1
    period: month
`;

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, locale: 'en-US' });

/**
 * Issue 7's phone journey: an auditor starts a reception audit, answers the first section, loses
 * the connection in the second and keeps answering, comes back online (the answers are sent), is
 * told what is still missing on submitting, answers it and sees the score.
 */
test('an auditor fills a reception audit on a phone, offline in the middle, submits it and sees the score', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  const admin = await ensureFirstAdmin(request);
  const asAdmin = await apiAs(baseURL!, admin);
  await asAdmin.send(
    'post',
    '/catalog/apply?publish=true&effective_from=2026-01-01',
    CATALOG,
    'application/yaml',
  );
  await asAdmin.post('/audit-templates', {
    code: TEMPLATE,
    title: { en: `Reception audit ${tag}`, ru: `Аудит ресепшена ${tag}` },
    pass_mark: 0.7,
    sections: [
      {
        id: 'behaviour',
        title: { en: 'Behaviour', ru: 'Поведение' },
        items: [{ standard: SMILE }, { standard: EYES }],
      },
      {
        id: 'environment',
        title: { en: 'Environment', ru: 'Обстановка' },
        items: [{ standard: SIGNIN }, { standard: TIDY }],
      },
    ],
  });
  await asAdmin.post('/users', { ...AUDITOR, role: 'auditor' });
  // The visit the auditor observes, as the monitoring knows it.
  await asAdmin.post('/interactions', {
    interactions: [{ id: VISIT, channel: 'visit', unit: UNIT, started_at: '2026-03-02T09:15:00Z' }],
  });
  await asAdmin.api.dispose();

  await new LoginPage(page).open();
  await new LoginPage(page).signIn(AUDITOR.email, AUDITOR.password);
  const shell = new Shell(page);
  if ((await page.locator('html').getAttribute('lang')) !== 'en') await shell.switchLanguage('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // "Audits" in the navigation (behind the burger on a phone) → the auditor's own list, empty.
  await shell.openNavigationOnPhone();
  await shell.link('Audits').click();
  await expect(page.getByRole('heading', { name: 'Audits', level: 1 })).toBeVisible();
  await expect(page.getByTestId('empty')).toBeVisible();

  // A new audit: the template and the unit.
  await page.getByRole('button', { name: 'New audit' }).first().click();
  const form = page.getByTestId('new-audit-form');
  await form.getByRole('combobox', { name: 'Template' }).click();
  await page.getByRole('option', { name: `Reception audit ${tag}` }).click();
  await form.getByRole('combobox', { name: 'Unit observed' }).click();
  await page.getByRole('option', { name: new RegExp(UNIT) }).click();
  // The record observed: an unknown id is named at its field; the real one links the audit to it.
  const observedRecord = form.getByRole('textbox', { name: 'Interaction record observed' });
  await observedRecord.fill(`NOPE-${tag}`);
  await form.getByRole('button', { name: 'Start audit' }).click();
  await expect(form.getByText(`No interaction record has the id "NOPE-${tag}"`).first()).toBeVisible();
  await observedRecord.fill(VISIT);
  await form.getByRole('button', { name: 'Start audit' }).click();
  await expect(page).toHaveURL(/\/audits\/[^/]+$/);
  await expect(page.getByTestId('audit-interaction')).toHaveText(`Observed record: ${VISIT}`);
  const auditId = page.url().split('/').pop()!;
  // What the form keeps in the browser for this audit (the e2e project compiles without DOM types).
  const queuedScript = `localStorage.getItem('etalon.audit-draft.${auditId}')`;

  // Section 1 of 2: the rating as big buttons with the scale's labels, guidance in the UI language.
  await expect(page.getByRole('heading', { name: 'Behaviour', level: 2 })).toBeVisible();
  const smile = page.getByRole('group', { name: `Greets with a smile ${tag}` });
  await expect(smile.getByText('A real smile within the first seconds')).toBeVisible();
  await smile.getByText('Radiant').click();
  await expect(smile.getByRole('radio', { name: /5/ })).toBeChecked();
  const eyes = page.getByRole('group', { name: `Looks the client in the eye ${tag}` });
  await eyes.getByText('No', { exact: true }).click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await page.screenshot(shot('audits-01-first-section'));

  // Section 2: the connection drops; answers wait in the browser.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Environment', level: 2 })).toBeVisible();
  await context.setOffline(true);
  const signIn = page.getByRole('group', { name: `Visitors sign in ${tag}` });
  await expect(signIn.getByRole('radio')).toHaveCount(2); // critical, no N/A
  await signIn.getByText('Yes', { exact: true }).click();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'offline');
  await expect(page.getByTestId('offline-note')).toBeVisible();
  const queued = await page.evaluate<string | null>(queuedScript);
  expect(JSON.parse(queued ?? '{}')).toEqual({ answers: { [SIGNIN]: 'yes' }, comments: {} });
  await page.screenshot(shot('audits-02-offline'));

  // Back online: the queue is sent.
  await context.setOffline(false);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  expect(await page.evaluate<string | null>(queuedScript)).toBeNull();

  // The server out of reach (the browser still online) and the tab closed: a comment waits in the
  // browser and is laid over the server's draft when the form opens again, then sent.
  await page.route('**/api/v1/audits/*/answers', (route) => route.abort());
  await signIn.getByRole('button', { name: /Add a comment/ }).click();
  await signIn.getByRole('textbox', { name: 'Comment' }).fill('Book at the door');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'offline');
  expect(JSON.parse((await page.evaluate<string | null>(queuedScript)) ?? '{}')).toEqual({
    answers: {},
    comments: { [SIGNIN]: 'Book at the door' },
  });
  await page.unroute('**/api/v1/audits/*/answers');
  await page.reload();
  await page.getByRole('button', { name: /Section 2: Environment/ }).click();
  await expect(signIn.getByRole('textbox', { name: 'Comment' })).toHaveValue('Book at the door');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  expect(await page.evaluate<string | null>(queuedScript)).toBeNull();

  // Submitting with an item unanswered: the server names it; following the link opens it.
  await page.getByTestId('submit-audit').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit' }).click();
  const problems = page.getByTestId('submit-problems');
  await expect(problems).toContainText(`A tidy reception desk ${tag}`);
  await expect(problems).toContainText('no answer yet');
  await problems.getByRole('button', { name: `A tidy reception desk ${tag}` }).click();
  const tidy = page.getByRole('group', { name: `A tidy reception desk ${tag}` });
  await expect(tidy).toBeFocused();
  await tidy.getByText('N/A', { exact: true }).click();
  await expect(problems).toBeHidden();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  await page.getByTestId('submit-audit').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit' }).click();

  // The score: SMILE 2 + SIGN-IN 1 earned of 2 + 1 + 1 counted (TIDY not applicable) = 75 %, passed.
  await expect(page.getByTestId('audit-result')).toBeVisible();
  await expect(page.getByTestId('audit-score')).toHaveText('75 %');
  await expect(page.getByTestId('audit-outcome')).toHaveText('Passed');
  await expect(page.getByTestId('audit-summary')).toContainText('Score 75');
  await expect(page.getByTestId('result-item')).toHaveCount(4);
  await expect(page.getByTestId('audit-result')).toContainText('Book at the door');
  await page.screenshot(shot('audits-03-result'));

  // A correction is an amendment with a reason: "No" on eye contact was a mistake → 100 %.
  await page.getByTestId('amend-audit').click();
  const amend = page.getByTestId('amend-dialog');
  const save = amend.getByRole('button', { name: 'Save amendment' });
  await expect(save).toBeDisabled();
  await amend
    .getByRole('group', { name: `Looks the client in the eye ${tag}` })
    .getByText('Yes', { exact: true })
    .click();
  await save.click();
  await expect(amend.getByText('Say why the audit is amended.')).toBeVisible();
  await amend
    .getByRole('textbox', { name: /Reason for the amendment/ })
    .fill('Misread the form: she did look up');
  await page.screenshot(shot('audits-04-amend'));
  await save.click();
  await expect(amend).toBeHidden();
  await expect(page.getByTestId('audit-score')).toHaveText('100 %');
  await expect(page.getByRole('region', { name: 'Amendments' })).toContainText(
    'Misread the form: she did look up',
  );

  // In the list: submitted, with its score.
  await page.getByRole('link', { name: 'Back to audits' }).click();
  const row = page.getByTestId('audit-row').first();
  await expect(row).toContainText('Submitted');
  await expect(row).toContainText('Score 100 %');
});
