import { expect, test, type Page } from '@playwright/test';
import { apiAs } from './page-models/api-as';
import { LoginPage } from './page-models/auth.pages';
import { ensureFirstAdmin, FIRST_ADMIN } from './page-models/first-admin';
import { Shell } from './page-models/shell.page';

const shot = (name: string) => ({ path: `test-results/screenshots/${name}.png`, fullPage: true });

// Everything this journey makes carries a tag, so it runs in any order with the other journeys.
const tag = Date.now().toString(36).slice(-5).toUpperCase();
const UNIT = { code: `MN${tag}`, name: `Front desk ${tag}` };
const AGENT = `AG${tag}`;
const STANDARD = `MN${tag}-RINGS`;

/** A catalog for this journey: one unit, one agent, one standard (answer by the third ring). */
const CATALOG = `version: etalon/v1
timezone: Europe/Moscow
calendars:
  - id: mn-${tag.toLowerCase()}
    timezone: Europe/Moscow
    week: {mon: ["00:00-24:00"], tue: ["00:00-24:00"], wed: ["00:00-24:00"], thu: ["00:00-24:00"], fri: ["00:00-24:00"], sat: ["00:00-24:00"], sun: ["00:00-24:00"]}
units:
  - {code: ${UNIT.code}, name: {en: ${UNIT.name}, ru: Приёмная ${tag}}}
employees:
  - {code: ${AGENT}, name: {en: Alex ${tag}, ru: Алекс ${tag}}, unit: ${UNIT.code}}
standards:
  - code: ${STANDARD}
    title: {en: Answer by the third ring ${tag}, ru: Ответ не позднее третьего гудка ${tag}}
    kind: tangible
    category: responsiveness
    channels: [phone]
    units: [${UNIT.code}]
    calendar: mn-${tag.toLowerCase()}
    measure: {type: threshold, field: rings, max: 3}
    target: 0.9
    period: month
`;

/**
 * A phone system's export with its own column names: 30 calls over the last days, every third one
 * answered after the 5th ring (a breach of the standard), one row broken.
 */
function foreignCsv(): { text: string; calls: number; late: number } {
  const lines = ['Call ID,Kind,Dept,Agent,Started,Picked up,Rings'];
  const now = Date.now();
  let late = 0;
  const calls = 30;
  for (let i = 0; i < calls; i++) {
    const started = new Date(now - (i + 1) * 3_600_000 * 5);
    const rings = i % 3 === 0 ? 5 : 2;
    if (rings > 3) late += 1;
    const picked = new Date(started.getTime() + rings * 5000);
    lines.push(
      [`${tag}-c${i}`, 'phone', UNIT.code, AGENT, started.toISOString(), picked.toISOString(), rings].join(
        ',',
      ),
    );
  }
  lines.push(`${tag}-broken,phone,${UNIT.code},${AGENT},yesterday,,2`);
  return { text: `${lines.join('\n')}\n`, calls, late };
}

async function signIn(page: Page) {
  await new LoginPage(page).open();
  await new LoginPage(page).signIn(FIRST_ADMIN.email, FIRST_ADMIN.password);
  const shell = new Shell(page);
  await expect(shell.navigation()).toBeVisible();
  if ((await page.locator('html').getAttribute('lang')) !== 'en') await shell.switchLanguage('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  return shell;
}

/** Chooses their column for our field in the mapping form (a searchable select labelled by our field). */
async function mapColumn(page: Page, ours: string, theirs: string) {
  const select = page.getByRole('combobox', { name: ours, exact: true });
  // The form guesses from the names; choosing the option it already holds would clear it.
  if ((await select.inputValue()) !== theirs) {
    await select.click();
    await page.getByRole('option', { name: theirs, exact: true }).click();
  }
  await expect(select).toHaveValue(theirs);
}

test.setTimeout(150_000);

/**
 * The monitoring journey of issue 6: a quality lead uploads a CSV whose header is not ours, maps
 * its columns, watches the import, opens the dashboard, drills into the failing cell and reads why
 * a call failed.
 */
test('import a CSV with a foreign header, then find the failed calls and their reasons on the dashboard', async ({
  page,
  request,
  baseURL,
}) => {
  await ensureFirstAdmin(request);
  const admin = await apiAs(baseURL!, FIRST_ADMIN);
  await admin.send(
    'post',
    '/catalog/apply?publish=true&effective_from=2026-01-01',
    CATALOG,
    'application/yaml',
  );

  await signIn(page);
  await page.goto('/monitoring/import');
  const csv = foreignCsv();
  await page.getByLabel('File to import').setInputFiles({
    name: `front-desk-${tag}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv.text),
  });

  // Their header is not ours: map the columns, and the preview shows what each row becomes.
  await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
  await mapColumn(page, 'id', 'Call ID');
  await mapColumn(page, 'channel', 'Kind');
  await mapColumn(page, 'unit', 'Dept');
  await mapColumn(page, 'employee', 'Agent');
  await mapColumn(page, 'started_at', 'Started');
  await mapColumn(page, 'answered_at', 'Picked up');
  await mapColumn(page, 'rings', 'Rings');
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('10 of 10 valid');
  await page.screenshot(shot('monitoring-01-mapping'));

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const job = page.getByTestId('import-job');
  await expect(job.getByRole('heading', { name: 'Import report' })).toBeVisible({ timeout: 60_000 });
  await expect(job.getByTestId('count-created')).toHaveText(String(csv.calls));
  await expect(job.getByTestId('count-rejected')).toHaveText('1');
  await page.screenshot(shot('monitoring-02-report'));

  // The dashboard: our unit's cell for the standard is below target; the drill-down says why.
  await job.getByRole('link', { name: 'Open the dashboard' }).click();
  await expect(page).toHaveURL(/\/monitoring(\?|$)/);
  const cell = page.getByRole('button', { name: new RegExp(`^${UNIT.name}, ${STANDARD}: `) });
  await expect(cell).toBeVisible({ timeout: 30_000 });
  const percent = Math.round(((csv.calls - csv.late) / csv.calls) * 100);
  await expect(cell).toHaveText(`${percent} %`);
  await page.screenshot(shot('monitoring-03-dashboard'));
  await cell.click();
  const drawer = page.getByRole('dialog');
  const findings = drawer.getByTestId('finding');
  await expect(findings).toHaveCount(csv.late);
  await expect(findings.first()).toContainText('answered after 5 rings');
  await page.screenshot(shot('monitoring-04-drill-down'));

  // The record itself, with every standard's verdict and its reason.
  await findings.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/monitoring\/records\//);
  await expect(page.getByText(STANDARD).first()).toBeVisible();
  await expect(page.getByText('answered after 5 rings').first()).toBeVisible();
  await page.screenshot(shot('monitoring-05-record'));
});
