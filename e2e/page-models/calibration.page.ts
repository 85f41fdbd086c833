import { expect, type Page } from '@playwright/test';

/** `/calibration/:id`: a participant judges subject by subject; the creator reveals; the results. */
export class CalibrationPage {
  constructor(private readonly page: Page) {}

  async open(id: string) {
    await this.page.goto(`/calibration/${id}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  /** Picks one answer per item (by the words on its button) on one subject's tab. */
  async judge(subjectId: string, answers: Record<string, string>) {
    await this.page.getByTestId(`subject-tab-${subjectId}`).click();
    const subject = this.page.getByTestId(`subject-${subjectId}`);
    for (const [item, choice] of Object.entries(answers)) {
      const group = subject.getByRole('group', { name: item });
      await group.getByText(choice, { exact: true }).click();
      await expect(group.getByRole('radio', { checked: true })).toHaveCount(1);
    }
    await expect(this.page.getByText('Saved', { exact: true })).toBeVisible();
  }

  progress() {
    return this.page.getByTestId('calibration-progress');
  }

  async submit() {
    await this.page.getByRole('button', { name: 'Submit my answers' }).click();
    await expect(this.page.getByTestId('you-submitted')).toBeVisible();
  }

  whoSubmitted() {
    return this.page.getByTestId('who-submitted');
  }

  async reveal() {
    await this.page.getByRole('button', { name: 'Reveal the answers' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Reveal the answers' }).click();
    await expect(this.page.getByTestId('calibration-results')).toBeVisible();
  }

  /** One item's result card: its alpha badge and the answers side by side. */
  result(itemId: string) {
    return this.page.getByTestId(`result-${itemId}`);
  }

  overall(level: 'nominal' | 'ordinal') {
    return this.page.getByTestId(`overall-${level}`);
  }
}
