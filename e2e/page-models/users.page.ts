import type { Page } from '@playwright/test';

/** Administration → Users, in Russian (the journey switches language before it gets here). */
export class UsersPageRu {
  constructor(private readonly page: Page) {}

  async addWithPassword(person: { name: string; email: string; password: string; role: string }) {
    await this.page.getByRole('button', { name: 'Добавить пользователя' }).click();
    const form = this.page.getByTestId('user-create-form');
    await form.getByLabel('Полное имя').fill(person.name);
    await form.getByLabel('Электронная почта').fill(person.email);
    await form.getByRole('combobox', { name: 'Роль' }).click();
    await this.page.getByRole('option', { name: person.role }).click();
    await form.getByLabel('Задать пароль').check();
    await form.getByLabel('Пароль', { exact: true }).fill(person.password);
    await form.getByRole('button', { name: 'Добавить' }).click();
  }

  row(text: string) {
    return this.page.getByRole('row').filter({ hasText: text });
  }
}
