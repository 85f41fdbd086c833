import { expect, type Locator, type Page } from '@playwright/test';

export interface UnitInput {
  code: string;
  en?: string;
  ru?: string;
  /** The parent's code; none makes a top-level unit. */
  parent?: string;
  /** An IANA zone typed into the searchable picker, e.g. `Europe/Moscow`. */
  timezone?: string;
}

export interface EmployeeInput {
  code: string;
  en?: string;
  ru?: string;
  position?: string;
  unit: string;
  email?: string;
}

/** Organization (in English): the unit tree, its dialogs, and the unit and employee pages. */
export class OrgPage {
  constructor(private readonly page: Page) {}

  async open(heading = 'Organization') {
    await this.page.goto('/org');
    await expect(this.page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }

  tree() {
    return this.page.getByRole('list', { name: 'Organization units' });
  }

  /** A unit's row in the tree (the row itself, not its children). */
  row(code: string): Locator {
    return this.page.locator(`[data-testid="unit-row"][data-code="${code}"]`);
  }

  /** The list item holding the unit and everything shown below it. */
  item(code: string): Locator {
    return this.page
      .locator('li')
      .filter({ has: this.row(code) })
      .last();
  }

  /** Picks an option in a Mantine Select by typing part of it, then clicking the option. */
  private async choose(scope: Locator, label: string, typed: string, option: RegExp | string) {
    const input = scope
      .getByRole('textbox', { name: label })
      .or(scope.getByRole('combobox', { name: label }));
    await input.click();
    await input.fill(typed);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  async createUnit(unit: UnitInput, button = 'New unit') {
    await this.page.getByRole('button', { name: button }).first().click();
    const form = this.page.getByTestId('unit-form');
    await form.getByLabel('Code').fill(unit.code);
    if (unit.en) await form.getByLabel('Name in English').fill(unit.en);
    if (unit.ru) await form.getByLabel('Name in Russian').fill(unit.ru);
    if (unit.parent) await this.choose(form, 'Parent unit', unit.parent, new RegExp(`^\\s*${unit.parent} `));
    if (unit.timezone) await this.choose(form, 'Time zone', unit.timezone, unit.timezone);
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(form).toBeHidden();
    await expect(this.row(unit.code)).toBeVisible();
  }

  async createEmployee(employee: EmployeeInput) {
    await this.page.getByRole('button', { name: 'New employee' }).first().click();
    const form = this.page.getByTestId('employee-form');
    await form.getByLabel('Code').fill(employee.code);
    if (employee.en) await form.getByLabel('Name in English').fill(employee.en);
    if (employee.ru) await form.getByLabel('Name in Russian').fill(employee.ru);
    if (employee.position) await form.getByLabel('Position').fill(employee.position);
    await this.choose(form, 'Unit', employee.unit, new RegExp(`^\\s*${employee.unit} `));
    if (employee.email) await form.getByLabel('E-mail').fill(employee.email);
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(form).toBeHidden();
  }

  /** Drags one unit's row onto another's (or onto the top-level zone when `onto` is null). */
  async drag(code: string, onto: string | null) {
    const target = onto === null ? this.page.getByTestId('root-drop-zone') : this.row(onto);
    await this.row(code).dragTo(target);
  }

  moveConfirmation() {
    return this.page.getByRole('dialog', { name: 'Move the unit?' });
  }

  /** "Move…" from the unit's menu: the way without dragging. */
  async moveWithMenu(code: string, parent: string | null) {
    await this.row(code)
      .getByRole('button', { name: /^Actions: / })
      .click();
    await this.page.getByRole('menuitem', { name: 'Move…' }).click();
    const form = this.page.getByTestId('unit-move-form');
    if (parent === null) await this.choose(form, 'New parent unit', 'Top level', /Top level/);
    else await this.choose(form, 'New parent unit', parent, new RegExp(`^\\s*${parent} `));
    await form.getByRole('button', { name: 'Continue' }).click();
  }

  async openUnit(code: string) {
    await this.row(code).getByRole('link').first().click();
    await expect(this.page.getByRole('heading', { level: 1, name: new RegExp(`^${code} · `) })).toBeVisible();
  }

  async openTransferMenu() {
    await this.page.getByRole('button', { name: 'Import / export' }).click();
  }

  /** Import → choose a CSV of units → "Check the file"; the dialog stays open for the answer. */
  async checkUnitsCsv(name: string, csv: string) {
    const dialog = this.importDialog();
    if (!(await dialog.isVisible())) {
      await this.openTransferMenu();
      await this.page.getByRole('menuitem', { name: 'Import from a file…' }).click();
    }
    await dialog.locator('input[type="file"]').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await dialog.getByRole('radio', { name: 'Units' }).check({ force: true });
    await dialog.getByRole('button', { name: 'Check the file' }).click();
  }

  importDialog() {
    return this.page.getByTestId('org-import');
  }
}
