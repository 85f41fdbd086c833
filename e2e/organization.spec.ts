import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { LoginPage } from './page-models/auth.pages';
import { ensureFirstAdmin } from './page-models/first-admin';
import { OrgPage } from './page-models/org.page';
import { Shell } from './page-models/shell.page';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

async function signIn(page: Page, request: APIRequestContext) {
  const admin = await ensureFirstAdmin(request);
  const login = new LoginPage(page);
  await login.open();
  await login.signIn(admin.email, admin.password);
  const shell = new Shell(page);
  await expect(shell.navigation()).toBeVisible();
  await shell.switchLanguage('en');
  return shell;
}

/**
 * The journey: build a small organization through the interface, move a unit by dragging
 * it (with confirmation), see a refused drop, read the unit page with its inherited time zone and
 * its employee, see archiving refused while the unit is not empty, then do the same on a phone.
 */
test('organization: build the tree, drag a unit to move it, read the unit page', async ({
  page,
  request,
}) => {
  // Many dialogs on a 2-core machine shared with other runs: more than the default minute.
  test.setTimeout(150_000);
  const shell = await signIn(page, request);
  await shell.link('Organization').click();
  const org = new OrgPage(page);
  await expect(page.getByRole('heading', { name: 'Organization', level: 1 })).toBeVisible();

  const empty = page.getByTestId('empty');
  if (await empty.isVisible()) await page.screenshot(shot('org-01-empty'));

  await org.createUnit({ code: 'NORD', en: 'Nord Bank', ru: 'Норд Банк', timezone: 'Europe/Moscow' });
  await org.createUnit({ code: 'NORD-FIN', en: 'Finance', ru: 'Финансы', parent: 'NORD' });
  await org.createUnit({ code: 'HR-PAY', en: 'Payroll', ru: 'Расчёт зарплаты', parent: 'NORD' });
  await org.createEmployee({
    code: 'emp.0042',
    en: 'Maria Petrova',
    ru: 'Мария Петрова',
    position: 'Payroll specialist',
    unit: 'HR-PAY',
    email: 'maria.petrova@example.org',
  });
  // Both children sit under the root; the employee is counted on her unit.
  await expect(org.item('NORD').locator(org.row('NORD-FIN'))).toBeVisible();
  await expect(org.item('NORD').locator(org.row('HR-PAY'))).toBeVisible();
  await expect(org.row('HR-PAY')).toContainText('1 employee');
  await page.screenshot(shot('org-02-tree'));

  // Drag HR-PAY onto NORD-FIN → confirmation → moved.
  await org.drag('HR-PAY', 'NORD-FIN');
  const confirm = org.moveConfirmation();
  await expect(confirm).toContainText('Move HR-PAY under NORD-FIN?');
  await page.screenshot(shot('org-03-move-confirmation'));
  await confirm.getByRole('button', { name: 'Move' }).click();
  await expect(confirm).toBeHidden();
  await expect(org.item('NORD-FIN').locator(org.row('HR-PAY'))).toBeVisible();

  // A drop that would close a loop is refused in the browser: no confirmation appears.
  await org.drag('NORD-FIN', 'HR-PAY');
  await expect(confirm).toBeHidden();
  await expect(org.item('NORD-FIN').locator(org.row('HR-PAY'))).toBeVisible();

  // Search keeps the match's ancestors and marks the match.
  await page.getByLabel('Search units').fill('payroll');
  await expect(org.row('HR-PAY')).toHaveAttribute('data-match', 'true');
  await expect(org.row('NORD')).toBeVisible();
  await expect(org.row('NORD-FIN')).not.toHaveAttribute('data-match');
  await page.screenshot(shot('org-04-search'));
  await page.getByLabel('Search units').fill('');

  // The unit page: parent, inherited time zone, the employee.
  await org.openUnit('HR-PAY');
  await expect(page.getByTestId('unit-parent')).toContainText('NORD-FIN');
  await expect(page.getByTestId('unit-timezone')).toContainText('Europe/Moscow');
  await expect(page.getByTestId('unit-timezone')).toContainText('inherited from NORD');
  await expect(page.locator('[data-testid="employee-row"][data-code="emp.0042"]')).toBeVisible();
  await page.screenshot(shot('org-05-unit-page'));

  // The edit dialog: make the employee the unit's head.
  await page.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByTestId('unit-form');
  await form.getByLabel('Heads').click();
  await page.getByRole('option', { name: /Maria Petrova/ }).click();
  await form.getByLabel('Calendar').click(); // closes the list of people
  await page.screenshot(shot('org-05b-unit-edit'));
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('unit-heads')).toContainText('Maria Petrova');

  // Archiving a unit that still has an employee: the server's refusal is shown.
  await page.getByRole('button', { name: 'Archive' }).click();
  const archive = page.getByRole('dialog', { name: 'Archive HR-PAY?' });
  await archive.getByRole('button', { name: 'Archive' }).click();
  await expect(archive.getByRole('alert')).toContainText('1 active employee');
  await page.screenshot(shot('org-06-archive-refused'));
  await archive.getByRole('button', { name: 'Cancel' }).click();

  // The employee page.
  await page.getByTestId('employee-row').getByRole('link', { name: 'Maria Petrova' }).click();
  await expect(page.getByRole('heading', { name: 'Maria Petrova', level: 1 })).toBeVisible();
  await expect(page.getByTestId('employee-unit')).toContainText('HR-PAY');

  // Link her to an Etalon account (the administrator's own, the only one on a fresh instance).
  await page.getByRole('button', { name: 'Edit' }).click();
  const employeeForm = page.getByTestId('employee-form');
  await employeeForm.getByRole('combobox', { name: 'Etalon account' }).click();
  await page
    .getByRole('option', { name: /@example\.org>$/ })
    .first()
    .click();
  await employeeForm.getByRole('button', { name: 'Save' }).click();
  await expect(employeeForm).toBeHidden();
  await expect(page.getByTestId('employee-user')).toContainText('@example.org');
  await page.screenshot(shot('org-07-employee-page'));
});

test('organization on a phone: the tree fits, a unit moves through its menu', async ({
  browser,
  request,
}) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true });
  const page = await context.newPage();
  await signIn(page, request);
  const org = new OrgPage(page);
  await org.open();
  await expect(org.row('HR-PAY')).toBeVisible();
  // A string, not a function: the e2e files are type-checked without the DOM library.
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(375);
  await page.screenshot(shot('org-08-phone-tree'));

  await org.moveWithMenu('HR-PAY', null);
  const confirm = org.moveConfirmation();
  await expect(confirm).toContainText('Make HR-PAY a top-level unit?');
  await page.screenshot(shot('org-09-phone-move'));
  await confirm.getByRole('button', { name: 'Move' }).click();
  await expect(confirm).toBeHidden();
  await expect(
    org
      .tree()
      .locator(':scope > li')
      .filter({ has: org.row('HR-PAY') }),
  ).toBeVisible();

  await org.openUnit('HR-PAY');
  await expect(page.getByTestId('unit-parent')).toContainText('Top level');
  await page.screenshot(shot('org-10-phone-unit'));

  // The same tree in Russian: names in the reader's language.
  await new Shell(page).switchLanguage('ru');
  await org.open('Организация');
  await expect(org.row('NORD')).toContainText('Норд Банк');
  await page.screenshot(shot('org-10b-phone-tree-ru'));
  await new Shell(page).switchLanguage('en');
  await context.close();
});

test('organization: a taken code is refused on its field; export a workbook, import a CSV after a dry run', async ({
  page,
  request,
}) => {
  await signIn(page, request);
  const org = new OrgPage(page);
  await org.open();

  // A code already in use is refused next to the code field.
  await page.getByRole('button', { name: 'New unit' }).first().click();
  const form = page.getByTestId('unit-form');
  await form.getByLabel('Code').fill('NORD');
  await form.getByLabel('Name in English').fill('Another Nord');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form.getByText('This code is already taken.')).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();

  await org.openTransferMenu();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Export all as Excel (XLSX)' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  // A parent that does not exist: the dry run lists the row, nothing changes.
  await org.checkUnitsCsv(
    'units-bad.csv',
    'code,name_en,name_ru,parent_code\nNORD-OPS,Operations,Операции,NOPE\n',
  );
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('parent_code');
  await expect(problems).toContainText('NORD-OPS');
  await page.screenshot(shot('org-11-import-problems'));

  await org.checkUnitsCsv(
    'units.csv',
    'code,name_en,name_ru,parent_code\nNORD-OPS,Operations,Операции,NORD\n',
  );
  await expect(page.getByTestId('import-checked')).toBeVisible();
  await page.screenshot(shot('org-12-import-checked'));
  await org.importDialog().getByRole('button', { name: 'Apply' }).click();
  await expect(org.importDialog()).toBeHidden();
  await expect(org.item('NORD').locator(org.row('NORD-OPS'))).toBeVisible();
});
