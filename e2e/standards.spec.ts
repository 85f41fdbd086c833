import { expect, test, type Page } from '@playwright/test';
import { apiAs } from './page-models/api-as';
import { LoginPage } from './page-models/auth.pages';
import { ensureFirstAdmin } from './page-models/first-admin';
import { HandbookPage } from './page-models/handbook.page';
import { NotificationsBell, ProposalPage } from './page-models/proposal.page';
import { Shell } from './page-models/shell.page';
import { StandardPage, StandardsCatalogPage } from './page-models/standards.page';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

// Everything this journey makes carries a tag, so it runs in any order with the other journeys.
const tag = Date.now().toString(36).slice(-5).toUpperCase();
const UNIT = { code: `ST${tag}`, name: { en: `Support desk ${tag}`, ru: `Служба поддержки ${tag}` } };
const STANDARD = `ST${tag}-TEL`;
const TITLE = { en: `Answer by the third ring ${tag}`, ru: `Ответ не позднее третьего гудка ${tag}` };
const PROPOSAL = `Answering the phone at the support desk ${tag}`;
const HEAD = {
  name: 'Hana Head',
  email: `hana.${tag.toLowerCase()}@example.org`,
  password: 'quiet river 77 lanterns',
};
const MANAGER = {
  name: 'Mark Manager',
  email: `mark.${tag.toLowerCase()}@example.org`,
  password: 'amber meadow 53 kites',
};

async function signIn(page: Page, person: { email: string; password: string }) {
  await new LoginPage(page).open();
  await new LoginPage(page).signIn(person.email, person.password);
  const shell = new Shell(page);
  await expect(shell.navigation()).toBeVisible();
  if ((await page.locator('html').getAttribute('lang')) !== 'en') await shell.switchLanguage('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  return shell;
}

test.describe.configure({ mode: 'serial' });
// Three people and a dozen pages: more than the default minute on a slow machine.
test.setTimeout(150_000);

/**
 * The agreement journey of issue 5: a quality lead writes a standard in the editor and opens a
 * proposal; the head of the unit it binds approves it in a second session; it is published and
 * appears in the unit's handbook.
 */
test('write a standard, agree on it with the head of the unit, see it published and in the handbook', async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const admin = await ensureFirstAdmin(request);
  const asAdmin = await apiAs(baseURL!, admin);
  // The unit the standard binds, headed by Hana (who signs in), and a quality manager, Mark.
  const unit = await asAdmin.post<{ id: string }>('/units', { code: UNIT.code, name: UNIT.name });
  const hana = await asAdmin.post<{ user: { id: string } }>('/users', { ...HEAD, role: 'head' });
  await asAdmin.post('/users', { ...MANAGER, role: 'manager' });
  const employee = await asAdmin.post<{ id: string }>('/employees', {
    code: `${UNIT.code}-H`,
    name: { en: 'Hana Head', ru: 'Хана Руководитель' },
    unit_id: unit.id,
    user_id: hana.user.id,
  });
  await asAdmin.patch(`/units/${unit.id}`, { head_ids: [employee.id] });
  await asAdmin.api.dispose();

  // 1. The administrator writes the standard in the editor, watching the live preview.
  await signIn(page, admin);
  const catalog = new StandardsCatalogPage(page);
  await catalog.open();
  const editor = await catalog.newStandard();
  await editor.fillBasics({
    code: STANDARD,
    title: TITLE,
    kind: 'Tangible',
    category: 'Responsiveness',
    channels: ['Phone'],
  });
  await page.getByRole('combobox', { name: 'Units' }).click({ force: true });
  await page.getByRole('option', { name: UNIT.name.en }).click();
  await page.keyboard.press('Escape');
  await editor.ringsAtMost(3);
  await editor.target(90, 'Month');
  await expect(editor.preview('en')).toContainText('3rd ring');
  await expect(editor.preview('en')).toContainText('at least 90 %');
  await expect(editor.preview('ru')).toContainText('3-го гудка');
  await page.screenshot(shot('standards-01-editor'));
  const proposalId = await editor.saveIntoNewProposal({
    title: PROPOSAL,
    rationale: 'Callers wait too long; the seed asks for the third ring.',
  });

  // 2. The proposal: one change, submitted for approval by the head of the unit and a manager.
  const proposal = new ProposalPage(page);
  await expect(proposal.title()).toHaveText(new RegExp(PROPOSAL));
  await expect(proposal.change(STANDARD)).toBeVisible();
  await proposal.submit();
  await expect(proposal.status()).toHaveText('In discussion');
  await expect(proposal.approvals()).toHaveCount(2);
  await expect(proposal.approvals().filter({ hasText: UNIT.name.en })).toContainText('Hana Head');
  // The author may not approve their own proposal: no decision buttons for the administrator.
  await expect(proposal.action('approve')).toHaveCount(0);
  await page.screenshot(shot('standards-02-proposal-open'));

  // The quality manager approves through the API (their own session).
  const asManager = await apiAs(baseURL!, MANAGER);
  await asManager.post(`/proposals/${proposalId}/approve`, { comment: 'Agreed.' });
  await asManager.api.dispose();

  // 3. Hana, in a second browser session, is notified, opens the proposal and approves it.
  const context = await browser.newContext();
  const headPage = await context.newPage();
  await signIn(headPage, HEAD);
  const bell = new NotificationsBell(headPage);
  await bell.open();
  await expect(bell.items().filter({ hasText: PROPOSAL })).toContainText('asked you to approve');
  await bell.items().filter({ hasText: PROPOSAL }).first().click();
  const headView = new ProposalPage(headPage);
  await expect(headView.title()).toHaveText(new RegExp(PROPOSAL));
  await headView.decide('approve', 'Yes — we can answer by the third ring.');
  await expect(headView.status()).toHaveText('Published');
  await headPage.screenshot(shot('standards-03-approved-by-head'));

  // 4. Published: the catalog shows version 1 in force, in plain words.
  await catalog.open(`?q=${encodeURIComponent(STANDARD)}`);
  await expect(catalog.row(STANDARD)).toContainText('Active');
  await catalog.openStandard(STANDARD);
  const standard = new StandardPage(page);
  await expect(standard.inWords()).toContainText('3rd ring');
  await expect(standard.history()).toContainText(PROPOSAL);
  await page.screenshot(shot('standards-04-published'));

  // The author hears that it was published.
  const adminBell = new NotificationsBell(page);
  await adminBell.open();
  await expect(adminBell.items().filter({ hasText: PROPOSAL }).first()).toBeVisible();
  await page.keyboard.press('Escape');

  // 5. The unit's handbook carries it, in English and in Russian, and prints without the app.
  const handbook = new HandbookPage(headPage);
  await handbook.open(unit.id, 'en');
  await expect(handbook.standard(STANDARD)).toContainText(TITLE.en);
  await expect(handbook.plain(STANDARD)).toContainText('3rd ring');
  await handbook.language('ru');
  await expect(handbook.standard(STANDARD)).toContainText(TITLE.ru);
  await handbook.emulatePrint();
  await headPage.screenshot(shot('standards-05-handbook-print'));
  await context.close();
});
