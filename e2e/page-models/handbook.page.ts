import { expect, type Page } from '@playwright/test';

/** The service-standards handbook (`/handbook`, `/handbook/:unitId`), on screen and as printed. */
export class HandbookPage {
  constructor(private readonly page: Page) {}

  async open(unitId?: string, lang?: 'ru' | 'en') {
    await this.page.goto(`/handbook${unitId ? `/${unitId}` : ''}${lang ? `?lang=${lang}` : ''}`);
    await expect(this.document()).toBeVisible();
  }

  document() {
    return this.page.getByTestId('handbook-doc');
  }

  standards() {
    return this.page.getByTestId('handbook-standard');
  }

  standard(code: string) {
    return this.standards().filter({ hasText: code });
  }

  /** The sentence in plain words of a standard. */
  plain(code: string) {
    return this.standard(code).getByTestId('handbook-plain');
  }

  gives() {
    return this.page.getByTestId('handbook-gives');
  }

  receives() {
    return this.page.getByTestId('handbook-receives');
  }

  async language(lang: 'ru' | 'en') {
    await this.page.getByTestId('handbook-lang').getByText(lang.toUpperCase(), { exact: true }).click();
    await expect(this.document()).toHaveAttribute('lang', lang);
  }

  async chooseUnit(name: string) {
    await this.page.getByTestId('handbook-unit').click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  /** Switches to print media: the app's frame and the controls disappear. */
  async emulatePrint() {
    await this.page.emulateMedia({ media: 'print' });
    await expect(this.page.getByTestId('handbook-print')).toBeHidden();
  }
}
