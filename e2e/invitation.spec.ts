import { expect, test } from '@playwright/test';
import { LoginPage } from './page-models/auth.pages';
import { ensureFirstAdmin } from './page-models/first-admin';
import { Shell } from './page-models/shell.page';

const NEWCOMER = { name: 'Nina Newcomer', email: 'nina@example.org', password: 'silver harbour 31 gulls' };

/**
 * An administrator invites a person; the first link gets lost, so they send a new one; the
 * person opens it in their own browser, chooses a password and signs in.
 */
test('invite a person, re-send the link, the person joins', async ({ page, browser, request }) => {
  const admin = await ensureFirstAdmin(request);
  await new LoginPage(page).open();
  await new LoginPage(page).signIn(admin.email, admin.password);
  const shell = new Shell(page);
  // The sign-in page has a language switch too: wait for the shell before using its one.
  await expect(shell.navigation()).toBeVisible();
  await shell.switchLanguage('en');
  await shell.link('Users').click();

  await page.getByRole('button', { name: 'Add user' }).click();
  const form = page.getByTestId('user-create-form');
  await form.getByLabel('Full name').fill(NEWCOMER.name);
  await form.getByLabel('E-mail').fill(NEWCOMER.email);
  await form.getByLabel('Send an invitation link').check();
  await form.getByRole('button', { name: 'Add user' }).click();
  const firstLink = await page.getByTestId('invite-url').inputValue();
  expect(firstLink).toMatch(/\/invite#token=/);
  await page.getByRole('button', { name: 'Done' }).click();

  // The link got lost: send a new one from the person's actions.
  await page.getByRole('button', { name: `Actions for ${NEWCOMER.name}` }).click();
  await page.getByRole('menuitem', { name: 'New invitation link' }).click();
  const link = await page.getByTestId('invite-url').inputValue();
  expect(link).not.toBe(firstLink);
  await page.screenshot({ path: 'test-results/screenshots/06-new-invitation-link.png' });

  const newcomer = await browser.newContext({ locale: 'en-US' });
  const theirs = await newcomer.newPage();
  await theirs.goto(firstLink);
  await expect(theirs.getByText('This invitation cannot be used')).toBeVisible();
  await theirs.goto(link);
  await expect(theirs.getByText(`Welcome, ${NEWCOMER.name}!`)).toBeVisible();
  await theirs.getByLabel('New password').fill(NEWCOMER.password);
  await theirs.getByLabel('Repeat the password').fill(NEWCOMER.password);
  await theirs.getByRole('button', { name: 'Set password' }).click();
  await expect(theirs).toHaveURL(/\/login/);
  await new LoginPage(theirs).signIn(NEWCOMER.email, NEWCOMER.password);
  await expect(new Shell(theirs).link('Standards')).toBeVisible();
  await newcomer.close();
});
