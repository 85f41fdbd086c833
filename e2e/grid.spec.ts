import { expect, test, type Browser, type Page } from '@playwright/test';
import { LoginPage } from './page-models/auth.pages';
import { ensureFirstAdmin, FIRST_ADMIN } from './page-models/first-admin';
import { GridApi, GridAskPage, GridMatrixPage } from './page-models/grid.page';
import { Shell } from './page-models/shell.page';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

// The journeys share the organization they build: a company of three departments.
const tag = Date.now().toString(36).slice(-5).toUpperCase();
const COMPANY = { en: `Grid Test Co ${tag}`, ru: `Тестовая компания ${tag}` };
const HR = { en: 'HR', ru: 'Отдел кадров' };
const IT = { en: 'IT', ru: 'ИТ-отдел' };
const FACILITIES = { en: 'Facilities', ru: 'Хозяйственный отдел' };
const INSTRUCTIONS = 'Write to it-desk@example.org with the order number; we print and sign it for you.';
const ids: { company?: string; hr?: string } = {};
let admin = FIRST_ADMIN;

async function signIn(page: Page) {
  await new LoginPage(page).open();
  await new LoginPage(page).signIn(admin.email, admin.password);
  const shell = new Shell(page);
  await expect(shell.navigation()).toBeVisible();
  if ((await page.locator('html').getAttribute('lang')) !== 'en') await shell.switchLanguage('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  return shell;
}

test.describe.configure({ mode: 'serial' });

/** (a) An administrator builds a small grid by clicking: an empty cell, two kinds of help, instructions. */
test('build a small grid by clicking', async ({ page, request }) => {
  admin = await ensureFirstAdmin(request);
  const shell = await signIn(page);
  const api = await GridApi.forPage(page);
  const company = await api.unit(`GT${tag}`, COMPANY);
  ids.company = company.id;
  ids.hr = (await api.unit(`GT${tag}-HR`, HR, company.id)).id;
  const it = await api.unit(`GT${tag}-IT`, IT, company.id);
  await api.unit(`GT${tag}-FAC`, FACILITIES, company.id);
  await api.employee({
    code: `GT${tag}-E1`,
    name: { en: 'Ivan Helpdesk', ru: 'Иван Поддержкин' },
    unit_id: it.id,
    position: 'Service desk lead',
    email: `ivan.${tag.toLowerCase()}@example.org`,
    extensions: ['2041'],
  });

  await shell.link('Service grid').click();
  await expect(page.getByRole('heading', { name: 'Service grid', level: 1 })).toBeVisible();
  // Narrow the matrix to our company with the unit filter.
  await page.getByRole('combobox', { name: 'Part of the organization' }).click();
  await page.getByRole('combobox', { name: 'Part of the organization' }).fill(COMPANY.en);
  await page.getByRole('option', { name: COMPANY.en }).click();
  const grid = new GridMatrixPage(page);
  await expect(grid.cell('HR', 'IT')).toHaveAccessibleName('HR ← IT: no help yet');
  // Nobody helps anybody yet: every row is marked as a gap.
  await expect(page.getByTestId('grid-gaps')).toHaveText('4 units get no help');
  await page.screenshot(shot('grid-01-empty-matrix'));

  await grid.cell('HR', 'IT').click();
  await expect(page.getByTestId('cell-editor-pair')).toHaveText('IT helps HR');
  await grid.fillCell({
    types: ['Information support', 'Help with paperwork and checking'],
    instructions: INSTRUCTIONS,
    expected: 'Within one working day',
    contact: 'Ivan Helpdesk',
  });
  await page.screenshot(shot('grid-02-cell-editor'));
  await grid.editor().getByRole('button', { name: 'Create cell' }).click();
  await expect(grid.editor()).toBeHidden();

  await expect(grid.cell('HR', 'IT')).toHaveAccessibleName(
    'HR ← IT: Information support, Help with paperwork and checking',
  );
  expect(await grid.badges('HR', 'IT')).toEqual(['IS', 'PC']);
  await expect(page.getByTestId('grid-gaps')).toHaveText('3 units get no help');
  await page.screenshot(shot('grid-03-cell-created'));

  // The change is in the grid's history, with the kinds of help it added.
  await page.getByRole('link', { name: 'History' }).click();
  const entry = page.getByTestId('history-entry').first();
  await expect(entry).toContainText('Created');
  await expect(entry).toContainText('IT');
  await expect(entry).toContainText('HR');
  await page.screenshot(shot('grid-04-history'));
});

/** (b) Someone in HR finds who helps them with paperwork, and how to ask. */
test('find who helps HR with paperwork', async ({ page }) => {
  await signIn(page);
  await page.goto('/grid');
  await page.getByRole('link', { name: 'Whom do I ask?' }).first().click();
  const ask = new GridAskPage(page);
  await ask.chooseUnit('HR');
  await ask.need('Help with paperwork and checking');
  const answer = ask.answer('IT');
  await expect(answer).toBeVisible();
  await expect(answer).toContainText(INSTRUCTIONS);
  await expect(answer).toContainText('Within one working day');
  await expect(answer.getByRole('link', { name: /ivan\..*@example\.org/ })).toHaveAttribute(
    'href',
    /^mailto:/,
  );
  await expect(answer.getByRole('link', { name: 'Call 2041' })).toHaveAttribute('href', 'tel:2041');
  await page.screenshot(shot('grid-05-whom-do-i-ask'));

  // Nobody helps HR with escalations yet.
  await ask.need('Escalation point');
  await expect(page.getByText('Nobody helps this unit with that.')).toBeVisible();
});

/** The same on a phone: "Whom do I ask?" is the phone-first view; the matrix scrolls in its box. */
test('on a phone: answers as cards, the matrix scrolls inside its box', async ({ browser }) => {
  const page = await phonePage(browser);
  await signIn(page);
  await page.goto(`/grid/ask?unit=${ids.hr}`);
  await new GridAskPage(page).need('Help with paperwork and checking');
  await expect(new GridAskPage(page).answer('IT')).toContainText(INSTRUCTIONS);
  await page.screenshot(shot('grid-06-phone-ask'));

  await new GridMatrixPage(page).open(ids.company);
  // A string expression: the e2e files type-check without the DOM library.
  const widths = (await page.evaluate(`(() => {
    const box = document.querySelector('[data-testid=grid-matrix]');
    return { page: document.documentElement.scrollWidth, inner: box.scrollWidth, box: box.clientWidth };
  })()`)) as { page: number; inner: number; box: number };
  expect(widths.page).toBeLessThanOrEqual(375);
  expect(widths.inner).toBeGreaterThan(widths.box);
  await page.screenshot(shot('grid-07-phone-matrix'));
  await page.context().close();
});

/** Support types: add one, archive it, bring it back, delete it while no cell uses it. */
test('manage support types', async ({ page }) => {
  await signIn(page);
  await page.goto('/grid/types');
  const name = `Legal advice ${tag}`;
  await page.getByRole('button', { name: 'Add support type' }).click();
  const form = page.getByTestId('support-type-form');
  await form.getByLabel('Code').fill(`legal_${tag.toLowerCase()}`);
  await form.getByLabel('Name in English').fill(name);
  await form.getByLabel('Name in Russian').fill(`Юридическая консультация ${tag}`);
  await form.getByRole('button', { name: 'Create' }).click();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Active');
  await page.screenshot(shot('grid-09-support-types'));

  const actions = row.getByRole('button', { name: `Actions for ${name}` });
  await actions.click();
  await page.getByRole('menuitem', { name: 'Archive' }).click();
  await expect(row).toContainText('Archived');
  await actions.click();
  await page.getByRole('menuitem', { name: 'Restore' }).click();
  await expect(row).toContainText('Active');

  // A built-in type is never deleted; ours, unused, is.
  await page.getByRole('button', { name: 'Actions for Information support' }).click();
  const builtInDelete = page.getByRole('menuitem', { name: /^Delete/ });
  await expect(builtInDelete).toBeDisabled();
  await page.keyboard.press('Escape');
  // The menu fades out; wait until it has gone, or two "Delete" items are on the page at once.
  await expect(builtInDelete).toHaveCount(0);
  await actions.click();
  await page.getByRole('menuitem', { name: 'Delete', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Delete this support type?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(row).toHaveCount(0);
});

async function phonePage(browser: Browser) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    locale: 'en-US',
    isMobile: true,
  });
  return context.newPage();
}

/**
 * (c) Export the grid as XLSX, lose a cell, import the export: the dry run says it would create
 * that one cell back, applying it does, and the badges return.
 */
test('export and re-import the XLSX', async ({ page }, testInfo) => {
  await signIn(page);
  const grid = new GridMatrixPage(page);
  await grid.open(ids.company);

  await page.getByRole('button', { name: 'Import / export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export as XLSX' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  await grid.cell('HR', 'IT').click();
  await grid.editor().getByRole('button', { name: 'Delete cell' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this cell?' })
    .getByRole('button', { name: 'Delete cell' })
    .click();
  await expect(grid.cell('HR', 'IT')).toHaveAccessibleName('HR ← IT: no help yet');

  await page.getByRole('button', { name: 'Import / export' }).click();
  await page.getByRole('menuitem', { name: 'Import from a file…' }).click();
  const dialog = page.getByTestId('grid-import');
  await dialog.locator('input[type=file]').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Check' }).click();
  await expect(dialog.getByTestId('grid-import-created')).toHaveText('1');
  await expect(dialog.getByTestId('grid-import-deleted')).toHaveText('0');
  await page.screenshot(shot('grid-08-import-checked'));
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();

  await expect(grid.cell('HR', 'IT')).toHaveAccessibleName(
    'HR ← IT: Information support, Help with paperwork and checking',
  );
});
