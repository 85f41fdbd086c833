import { expect, type Page } from '@playwright/test';

/** The first-run page: create the first administrator. */
export class SetupPage {
  constructor(private readonly page: Page) {}

  async createAdministrator(person: { name: string; email: string; password: string }) {
    await expect(this.page).toHaveURL(/\/setup$/);
    await this.page.getByLabel('Your name').fill(person.name);
    await this.page.getByLabel('E-mail').fill(person.email);
    await this.page.getByLabel('Password', { exact: true }).fill(person.password);
    await this.page.getByLabel('Repeat the password').fill(person.password);
    await this.page.getByRole('button', { name: 'Create administrator' }).click();
  }
}

/** The sign-in page. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/login');
  }

  /** Works in either language: the page speaks the browser's or the last chosen one. */
  async signIn(email: string, password: string) {
    await this.page.getByLabel(/^(E-mail|Электронная почта)$/).fill(email);
    await this.page.getByLabel(/^(Password|Пароль)$/).fill(password);
    await this.page.getByRole('button', { name: /^(Sign in|Войти)$/ }).click();
  }

  /** The notice above the form (after setup, after signing out). */
  notice() {
    return this.page.getByTestId('auth-notice');
  }
}
