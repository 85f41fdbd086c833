import { expect, type Page } from '@playwright/test';

/** Picks an option of a Mantine select or multi-select by the field's label (English interface). */
async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page
    .getByRole('combobox', { name: label })
    .or(page.getByRole('textbox', { name: label }))
    .first()
    // A multi-select's pills wrapper lies over its input; the click still lands on the field.
    .click({ force: true });
  await page.getByRole('option', { name: option }).first().click();
}

/** The catalog of standards (`/standards`): filters in the address, a row (or card) per standard. */
export class StandardsCatalogPage {
  constructor(private readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/standards${query}`);
    await expect(this.page.getByTestId('standards-tabs')).toBeVisible();
  }

  /** Narrows the catalog by code or title (debounced: waits for the address to carry it). */
  async search(text: string) {
    await this.page.getByRole('textbox', { name: 'Search' }).fill(text);
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}`));
  }

  async filter(label: 'Kind' | 'Category' | 'Channel' | 'Status' | 'Unit', option: string | RegExp) {
    await choose(this.page, label, option);
  }

  /** The table row (desktop) of a standard, by its code. */
  row(code: string) {
    return this.page.getByTestId('standards-table').getByRole('row').filter({ hasText: code });
  }

  async openStandard(code: string) {
    await this.page.getByRole('link', { name: code, exact: true }).click();
    await expect(this.page).toHaveURL(new RegExp(`/standards/${encodeURIComponent(code)}$`));
  }

  async newStandard() {
    await this.page.getByRole('link', { name: 'New standard' }).first().click();
    await expect(this.page).toHaveURL(/\/standards\/new$/);
    return new StandardEditorPage(this.page);
  }

  empty() {
    return this.page.getByTestId('empty');
  }
}

/** A standard's page (`/standards/:code`). */
export class StandardPage {
  constructor(private readonly page: Page) {}

  inWords() {
    return this.page.getByTestId('standard-in-words');
  }

  history() {
    return this.page.getByTestId('version-history');
  }

  async proposeChange() {
    await this.page.getByRole('link', { name: 'Propose a change' }).click();
    await expect(this.page).toHaveURL(/\/edit$/);
    return new StandardEditorPage(this.page);
  }
}

/** The standard editor (`/standards/new`, `/standards/:code/edit`), its live preview and the save dialog. */
export class StandardEditorPage {
  constructor(private readonly page: Page) {}

  async fillBasics(s: {
    code: string;
    title: { ru: string; en: string };
    kind?: 'Tangible' | 'Intangible';
    category?: string;
    channels?: string[];
  }) {
    await this.page.getByRole('textbox', { name: /^Code/ }).fill(s.code);
    await this.page.getByRole('textbox', { name: /^Title · Русский/ }).fill(s.title.ru);
    await this.page.getByRole('textbox', { name: /^Title · English/ }).fill(s.title.en);
    if (s.kind) await choose(this.page, 'Kind', s.kind);
    if (s.category) await choose(this.page, 'Category', s.category);
    for (const channel of s.channels ?? []) await choose(this.page, 'Channels', channel);
    await this.page.keyboard.press('Escape');
  }

  /** A threshold on rings: "answered by the Nth ring". */
  async ringsAtMost(max: number) {
    await choose(this.page, 'Measure', 'Threshold');
    await choose(this.page, 'What is measured', 'Rings before the answer');
    await this.page.getByRole('textbox', { name: 'At most' }).fill(String(max));
  }

  async measureType(
    type: 'Threshold' | 'Response time' | 'Template' | 'Script' | 'Rating' | 'Checklist item',
  ) {
    await choose(this.page, 'Measure', type);
  }

  async target(percent: number, period?: 'Day' | 'Week' | 'Month' | 'Quarter') {
    await this.page.getByRole('textbox', { name: /^Target/ }).fill(String(percent));
    if (period) await choose(this.page, 'Period', period);
  }

  /** The plain-language preview in one language, as the editor shows it live. */
  preview(lang: 'ru' | 'en') {
    return this.page.getByTestId('standard-preview').locator(`p[lang="${lang}"]`);
  }

  validity() {
    return this.page.getByTestId('editor-validity');
  }

  /** Saves into a new draft proposal and lands on its page; returns the proposal id. */
  async saveIntoNewProposal(p: { title: string; rationale?: string; effective?: string }) {
    await this.page.getByRole('button', { name: 'Save into a proposal' }).click();
    const dialog = this.page.getByTestId('proposal-save');
    await dialog.getByRole('textbox', { name: /^Proposal title/ }).fill(p.title);
    if (p.rationale) await dialog.getByRole('textbox', { name: 'Rationale' }).fill(p.rationale);
    if (p.effective) await dialog.getByLabel('Takes effect on').fill(p.effective);
    await dialog.getByRole('button', { name: 'Create the proposal' }).click();
    await expect(this.page).toHaveURL(/\/standards\/proposals\/[0-9a-f-]{36}$/);
    return this.page.url().split('/').pop()!;
  }

  /** Adds the change to one of the person's drafts (by its title) and lands on it. */
  async addToDraft(title: string | RegExp) {
    await this.page.getByRole('button', { name: 'Save into a proposal' }).click();
    const dialog = this.page.getByTestId('proposal-save');
    await dialog.getByText('Add to my draft').click();
    await dialog.getByRole('combobox', { name: 'Draft' }).click();
    await this.page.getByRole('option', { name: title }).first().click();
    await dialog.getByRole('button', { name: 'Add to the draft' }).click();
    await expect(this.page).toHaveURL(/\/standards\/proposals\/[0-9a-f-]{36}$/);
  }
}
