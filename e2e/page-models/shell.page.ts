import type { Page } from '@playwright/test';

/** The signed-in application shell: navigation, language switch, account menu. */
export class Shell {
  constructor(private readonly page: Page) {}

  navigation() {
    return this.page.getByRole('navigation', { name: /Main navigation|Основная навигация/ });
  }

  link(name: string) {
    return this.navigation().getByRole('link', { name, exact: true });
  }

  async switchLanguage(locale: 'ru' | 'en') {
    await this.page.getByRole('button', { name: 'Язык / Language' }).click();
    await this.page.getByTestId(`language-${locale}`).click();
  }

  /** Opens the navigation behind the burger on a narrow screen. */
  async openNavigationOnPhone() {
    await this.page
      .getByRole('button', { name: /Show or hide navigation|Показать или скрыть навигацию/ })
      .click();
  }

  async signOut() {
    await this.page.getByTestId('user-menu').click();
    await this.page.getByTestId('sign-out').click();
  }
}
