import { expect, type Page } from '@playwright/test';

/** The proposals list (`/standards/proposals`). */
export class ProposalsListPage {
  constructor(private readonly page: Page) {}

  async open(filter: { status?: string; awaitingMe?: boolean } = {}) {
    const params = new URLSearchParams();
    if (filter.status) params.set('status', filter.status);
    if (filter.awaitingMe) params.set('awaiting', '1');
    const qs = params.toString();
    await this.page.goto(`/standards/proposals${qs ? `?${qs}` : ''}`);
  }

  rows() {
    return this.page.getByTestId('proposal-row');
  }

  row(title: string | RegExp) {
    return this.rows().filter({ hasText: title });
  }

  async openProposal(title: string | RegExp) {
    await this.row(title).getByRole('link').first().click();
    await expect(this.page.getByTestId('proposal-title')).toBeVisible();
  }
}

/**
 * One proposal (`/standards/proposals/:id`): its changes, approvals, actions (only those the
 * server allows) and the discussion.
 */
export class ProposalPage {
  constructor(private readonly page: Page) {}

  async open(id: string) {
    await this.page.goto(`/standards/proposals/${id}`);
    await expect(this.title()).toBeVisible();
  }

  title() {
    return this.page.getByTestId('proposal-title');
  }

  status() {
    return this.page.getByTestId('proposal-status').first();
  }

  changes() {
    return this.page.getByTestId('proposal-change');
  }

  change(code: string) {
    return this.changes().filter({ hasText: code });
  }

  /** The field rows that differ in a change (highlighted). */
  changedFields(code: string) {
    return this.change(code).locator('tr[data-changed="true"]');
  }

  approvals() {
    return this.page.getByTestId('approval');
  }

  conflicts() {
    return this.page.getByTestId('proposal-conflicts');
  }

  action(name: 'approve' | 'reject' | 'submit' | 'edit' | 'withdraw' | 'publish-now') {
    return this.page.getByTestId(name);
  }

  async submit() {
    await this.action('submit').click();
    await expect(this.status()).not.toHaveText(/Draft|Черновик/);
  }

  /** Approve or reject with a comment (a rejection needs one). */
  async decide(decision: 'approve' | 'reject', comment: string) {
    await this.action(decision).click();
    const form = this.page.getByTestId('decide-form');
    await form.getByRole('textbox').fill(comment);
    await form.getByRole('button', { name: /Approve|Reject|Согласовать|Отклонить/ }).click();
    await expect(form).toBeHidden();
  }

  async withdraw() {
    await this.action('withdraw').click();
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: /Withdraw|Отозвать/ })
      .click();
  }

  async publishNow() {
    await this.action('publish-now').click();
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: /Publish now|Опубликовать сейчас/ })
      .click();
  }

  async edit(fields: { title?: string; rationale?: string; effective?: string }) {
    await this.action('edit').click();
    const form = this.page.getByTestId('proposal-edit-form');
    if (fields.title !== undefined) await form.getByLabel(/^Title|^Название/).fill(fields.title);
    if (fields.rationale !== undefined)
      await form.getByLabel(/rationale|Обоснование/i).fill(fields.rationale);
    if (fields.effective !== undefined) await form.getByLabel(/Takes effect|Вступает/).fill(fields.effective);
    await form.getByRole('button', { name: /Save|Сохранить/ }).click();
  }

  async removeChange(code: string) {
    await this.change(code)
      .getByRole('button', { name: new RegExp(code) })
      .click();
    await expect(this.change(code)).toHaveCount(0);
  }

  comments() {
    return this.page.getByTestId('comment');
  }

  /** Writes a comment; `mention` picks that person from the @ suggestions first. */
  async comment(text: string, mention?: string) {
    const box = this.page.getByTestId('comment-input');
    await box.click();
    if (mention) {
      await box.pressSequentially(`@${mention.slice(0, 3)}`);
      await this.page.getByTestId('mention-option').filter({ hasText: mention }).first().click();
    }
    await box.pressSequentially(text);
    const before = await this.comments().count();
    await this.page.getByTestId('comment-send').click();
    await expect(this.comments()).toHaveCount(before + 1);
  }
}

/** The header's bell and the notifications page. */
export class NotificationsBell {
  constructor(private readonly page: Page) {}

  bell() {
    return this.page.getByTestId('notifications-bell');
  }

  async open() {
    await this.bell().click();
    await expect(this.page.getByTestId('notifications-popover')).toBeVisible();
  }

  items() {
    return this.page.getByTestId('notifications-popover').getByTestId('notification');
  }

  unread() {
    return this.page
      .getByTestId('notifications-popover')
      .locator('[data-testid="notification"][data-unread]');
  }

  async markAllRead() {
    await this.page.getByTestId('mark-all-read').click();
  }
}

/** "My standards": acknowledge what binds me. */
export class MyStandardsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto('/standards/mine');
  }

  standard(code: string) {
    return this.page.getByTestId('my-standard').filter({ hasText: code });
  }

  async acknowledge(code: string) {
    const card = this.standard(code);
    await card.getByTestId('acknowledge').click();
    await expect(card.getByTestId('acknowledge')).toHaveCount(0);
  }
}
