import { expect, type APIRequestContext, type Page } from '@playwright/test';

interface Names {
  en: string;
  ru: string;
}
interface Created {
  id: string;
}

/**
 * The API as the signed-in browser sees it (the page's cookies, plus the session's CSRF token),
 * for putting the organization in place before a journey clicks through the grid.
 */
export class GridApi {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly csrf: string,
  ) {}

  static async forPage(page: Page) {
    const session = await (await page.request.get('/api/v1/auth/session')).json();
    return new GridApi(page.request, session.csrf_token as string);
  }

  private async post<T>(path: string, data: unknown): Promise<T> {
    const response = await this.request.post(`/api/v1${path}`, {
      data,
      headers: { 'x-csrf-token': this.csrf },
    });
    expect(response.status(), `POST ${path}: ${await response.text()}`).toBe(201);
    return (await response.json()) as T;
  }

  unit(code: string, name: Names, parentId: string | null = null) {
    return this.post<Created>('/units', { code, name, parent_id: parentId });
  }

  employee(body: {
    code: string;
    name: Names;
    unit_id: string;
    position?: string;
    email?: string;
    extensions?: string[];
  }) {
    return this.post<Created>('/employees', body);
  }

  async supportTypeId(code: string): Promise<string> {
    const list = await (await this.request.get('/api/v1/support-types?limit=500')).json();
    const found = (list.items as { id: string; code: string }[]).find((t) => t.code === code);
    if (!found) throw new Error(`no support type ${code}`);
    return found.id;
  }
}

/** Service grid → Matrix, in English. */
export class GridMatrixPage {
  constructor(private readonly page: Page) {}

  async open(unitId?: string) {
    await this.page.goto(unitId ? `/grid?unit=${unitId}` : '/grid');
    // The first answer can take a while on a busy machine: the whole matrix comes in one piece.
    await expect(this.matrix()).toBeVisible({ timeout: 15_000 });
  }

  matrix() {
    return this.page.getByRole('grid', { name: /Service grid/ });
  }

  /** A cell, by the names of the unit helped and of the one helping: "HR ← IT: …". */
  cell(recipient: string, provider: string) {
    return this.matrix().getByRole('button', { name: new RegExp(`^${recipient} ← ${provider}:`) });
  }

  editor() {
    return this.page.getByTestId('cell-editor');
  }

  async fillCell(cell: { types: string[]; instructions: string; expected?: string; contact?: string }) {
    const editor = this.editor();
    await editor.getByRole('combobox', { name: 'Kinds of help' }).click();
    for (const type of cell.types) await this.page.getByRole('option', { name: type }).click();
    await editor.getByLabel('Instructions').fill(cell.instructions);
    if (cell.expected) await editor.getByLabel('Expected response').fill(cell.expected);
    if (cell.contact) {
      await editor.getByRole('combobox', { name: 'Contact person' }).fill(cell.contact);
      await this.page.getByRole('option', { name: new RegExp(cell.contact) }).click();
    }
  }

  /** The abbreviations shown in a cell, e.g. ["IS", "PC"]. */
  async badges(recipient: string, provider: string) {
    return this.cell(recipient, provider).locator('.grid-badge').allTextContents();
  }
}

/** Service grid → "Whom do I ask?", in English. */
export class GridAskPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/grid/ask');
  }

  async chooseUnit(name: string) {
    const input = this.page.getByRole('combobox', { name: 'My unit' });
    await input.click();
    await input.fill(name);
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  async need(type: string) {
    await this.page.getByRole('radiogroup', { name: 'What I need' }).getByText(type, { exact: true }).click();
    await expect(this.page.getByRole('radio', { name: type })).toBeChecked();
  }

  answer(provider: string) {
    return this.page.getByRole('article', { name: provider });
  }
}
