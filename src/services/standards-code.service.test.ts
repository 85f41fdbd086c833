import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { createTestDatabase, describeEachDb, type TestDatabase } from '../../test/test-database';
import { createPerson, createTestApp, type TestApp } from '../../test/test-app';
import { actorForUser, systemActor } from '../core';
import { parseStandardsFile } from '../contract/standards-file.schema';
import { applyReport, problemText } from './standards-code/apply-report';
import { BOOTSTRAP } from './standards-code/standards-code.fixture';
import { startOfDayIn } from './standards-code.service';

const cli = { actor: systemActor('cli') };
const opts = (
  extra: Partial<{ dryRun: boolean; publish: boolean; effectiveFrom: string; title: string }> = {},
) => ({
  dryRun: false,
  publish: false,
  fileName: 'standards.yaml',
  ...extra,
});

/** Rows in the tables an apply may write. */
async function counts(d: TestDatabase) {
  const n = async (
    table: 'units' | 'employees' | 'catalog_entries' | 'catalog_versions' | 'proposals' | 'audit_log',
  ) =>
    Number(
      (
        await d.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    units: await n('units'),
    employees: await n('employees'),
    entries: await n('catalog_entries'),
    versions: await n('catalog_versions'),
    proposals: await n('proposals'),
    audit: await n('audit_log'),
  };
}

/** What a refused apply names: `standards.yaml:12: standard TEL-01: …` lines. */
async function refusal(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (e) {
    const err = e as { code: string; details: { problems: Parameters<typeof problemText>[0][] } };
    expect(err.code).toBe('import_refused');
    return err.details.problems.map(problemText);
  }
  throw new Error('the file was applied');
}

describeEachDb('standards as code', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database());
  });
  afterAll(() => t.app.close());

  it('a broken file changes nothing and names every problem with its line, the standard and the field', async () => {
    const before = await counts(database());
    const broken = BOOTSTRAP.replace(
      'units: [HR]\n    calendar: office',
      'units: [HR, SALES]\n    calendar: night',
    )
      .replace('owner: E1', 'owner: E9')
      .replace('{type: threshold, field: rings, max: 3}', '{type: threshold, field: rings, min: 5, max: 3}')
      .replace('parent: ORG}\n', 'parent: ORG}\n  - {code: "BAD CODE", name: {en: Bad}}\n')
      .replace(
        'category: greeting\n',
        'category: greeting\n    grid_cells: [{provider: IT, recipient: HR}]\n',
      )
      .replace('within: 9h', 'within: soon');
    const lines = await refusal(t.services.standardsCode.apply(cli, broken, opts({ publish: true })));
    expect(lines).toEqual([
      expect.stringMatching(
        /^standards\.yaml:18: units\.2\.code: unit BAD CODE: code must start with a letter/,
      ),
      'standards.yaml:31: standard TEL-01: units.1: unknown unit "SALES"',
      'standards.yaml:32: standard TEL-01: calendar: unknown calendar "night"',
      'standards.yaml:33: standard TEL-01: owner: unknown owner employee "E9"',
      'standards.yaml:34: standard TEL-01: measure: min 5 is above max 3',
      'standards.yaml:42: standard MAIL-01: measure.within: "soon" is not a duration like 4h, 90m, 1h30m, 45s, 2d',
      'standards.yaml:49: standard GRT-01: grid_cells.0: no grid cell from "IT" to "HR"',
    ]);
    const yaml = await refusal(
      t.services.standardsCode.apply(cli, 'version: etalon/v1\nstandards: [\n', opts()),
    );
    expect(yaml[0]).toMatch(/^standards\.yaml:\d+: YAML: /);
    expect(await counts(database())).toEqual(before);
  });

  it('a dry run says what would change and writes nothing', async () => {
    const before = await counts(database());
    const result = await t.services.standardsCode.apply(
      cli,
      BOOTSTRAP,
      opts({ dryRun: true, publish: true }),
    );
    expect(result).toMatchObject({
      dry_run: true,
      no_changes: false,
      units: { created: ['ORG', 'HR', 'IT'], updated: [] },
      employees: { created: ['E1', 'E2'], updated: [] },
      proposal: null,
    });
    expect(result.changes.map((c) => `${c.action} ${c.entity} ${c.code}`)).toEqual([
      'add calendar office',
      'add standard TEL-01',
      'add standard MAIL-01',
      'add standard GRT-01',
      'add standard SMILE-01',
      'add standard DESK-01',
    ]);
    expect(applyReport(result)).toContain('+ standard TEL-01  Answer by the 3rd ring');
    expect(applyReport(result).at(-1)).toBe('dry run: nothing written');
    expect(await counts(database())).toEqual(before);
  });

  it('bootstraps an instance with --publish (back-dated), exports what it applied, and applying the export is a no-op', async () => {
    const result = await t.services.standardsCode.apply(
      cli,
      BOOTSTRAP,
      opts({ publish: true, effectiveFrom: '2026-01-01T00:00:00.000Z' }),
    );
    expect(result.proposal).toMatchObject({
      status: 'published',
      title: 'Apply standards.yaml',
      author_label: 'cli',
    });
    expect(applyReport(result).at(-1)).toBe(`proposal #${result.proposal!.number} published`);
    const hr = (await t.services.units.list(cli, { limit: 50, offset: 0 })).items.find(
      (u) => u.code === 'HR',
    )!;
    expect(hr).toMatchObject({ name: { ru: 'Отдел кадров', en: 'HR department' } });
    const tel = await database()
      .db.selectFrom('catalog_versions')
      .innerJoin('catalog_entries', 'catalog_entries.id', 'catalog_versions.entry_id')
      .select(['effective_from', 'published_directly'])
      .where('code', '=', 'TEL-01')
      .executeTakeFirstOrThrow();
    expect(tel).toMatchObject({ effective_from: '2026-01-01T00:00:00.000Z' });
    expect(Number(tel.published_directly)).toBe(1);

    const text = await t.services.standardsCode.exportYaml(cli);
    const parsed = parseStandardsFile(parseDocument(text).toJS());
    expect(parsed.ok).toBe(true);
    expect(text).toContain('# Etalon standards catalog in force at 2026-03-02T09:00:00.000Z');
    expect(text).toContain('holidays: [ "--01-01", "2026-02-23" ]');
    const file = parsed.ok ? parsed.value : undefined;
    expect(file?.standards.map((s) => s.code)).toEqual([
      'DESK-01',
      'GRT-01',
      'MAIL-01',
      'SMILE-01',
      'TEL-01',
    ]);
    expect(file?.units).toEqual([
      { code: 'HR', name: { ru: 'Отдел кадров', en: 'HR department' }, parent: 'ORG' },
      { code: 'IT', name: { ru: 'ИТ', en: 'IT' }, parent: 'ORG' },
      { code: 'ORG', name: { ru: 'Компания', en: 'Company' } },
    ]);
    expect(file?.employees).toEqual([
      { code: 'E1', name: { ru: 'Анна', en: 'Anna' }, unit: 'HR' },
      { code: 'E2', name: { en: 'Ivan' }, unit: 'IT' },
    ]);

    const before = await counts(database());
    const again = await t.services.standardsCode.apply(cli, text, opts({ publish: true }));
    expect(again).toMatchObject({ no_changes: true, changes: [], proposal: null });
    expect(applyReport(again)).toEqual(['no changes']);
    // The original file is no change either: defaults and key order do not count.
    expect((await t.services.standardsCode.apply(cli, BOOTSTRAP, opts())).no_changes).toBe(true);
    expect(await counts(database())).toEqual(before);

    // Round trip: the export applied to a fresh database exports the same text.
    const fresh = await createTestDatabase(database().dialect);
    const other = await createTestApp(fresh);
    try {
      await other.services.standardsCode.apply(
        cli,
        text,
        opts({ publish: true, effectiveFrom: '2026-01-01T00:00:00.000Z' }),
      );
      expect(await other.services.standardsCode.exportYaml(cli)).toBe(text);
    } finally {
      await other.app.close();
      await fresh.close();
    }
  });

  it('exports only the standards binding a unit with --unit; an unknown unit is 404', async () => {
    const text = await t.services.standardsCode.exportYaml(cli, { unit: 'IT' });
    const parsed = parseStandardsFile(parseDocument(text).toJS());
    expect(parsed.ok && parsed.value.standards.map((s) => s.code)).toEqual([
      'DESK-01',
      'GRT-01',
      'MAIL-01',
      'SMILE-01',
    ]);
    await expect(t.services.standardsCode.exportYaml(cli, { unit: 'NOPE' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('a changed standard opens a proposal against the latest version; a partial file may name what the database has', async () => {
    const partial = `version: etalon/v1
units:
  - {code: HR, name: {ru: Кадры, en: HR}, parent: ORG}
  - {code: LEGAL, name: {en: Legal}, parent: ORG}
employees:
  - {code: E3, name: {en: Olga}, unit: LEGAL}
standards:
  - code: TEL-01
    title: {ru: Ответ до третьего звонка, en: Answer by the 3rd ring}
    description: {en: Pick up before the fourth ring.}
    why: {en: Callers hang up.}
    kind: tangible
    category: responsiveness
    channels: [phone]
    units: [HR, IT]
    calendar: office
    owner: E2
    measure: {type: threshold, field: rings, max: 3}
    target: 0.95
    period: month
`;
    const head = await createPerson(t.services, 'head');
    const dry = await t.services.standardsCode.apply(cli, partial, opts({ dryRun: true }));
    expect(dry.changes).toHaveLength(1);
    expect(applyReport(dry)).toEqual([
      '~ standard TEL-01 (v1 → v2): units ["HR"] → ["HR","IT"]; owner "E1" → "E2"; target 0.9 → 0.95',
      '+ unit LEGAL',
      '~ unit HR',
      '+ employee E3',
      'dry run: nothing written',
    ]);
    const result = await t.services.standardsCode.apply(cli, partial, opts({ title: 'Faster answers' }));
    expect(result.changes[0]).toMatchObject({
      action: 'change',
      code: 'TEL-01',
      base_version: 1,
      stale: false,
    });
    expect(result.proposal).toMatchObject({ title: 'Faster answers', status: 'open' });
    expect(applyReport(result).at(-1)).toBe(`proposal #${result.proposal!.number} opened`);
    // Units and employees are saved at once and audited; the standard waits for its approvals.
    const units = (await t.services.units.list(cli, { limit: 50, offset: 0 })).items;
    expect(units.find((u) => u.code === 'HR')?.name).toEqual({ ru: 'Кадры', en: 'HR' });
    expect(units.find((u) => u.code === 'LEGAL')).toBeDefined();
    const audit = await database()
      .db.selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'unit')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'unit.create',
      'unit.create',
      'unit.create',
      'unit.create',
      'unit.update',
    ]);
    const text = await t.services.standardsCode.exportYaml(cli);
    expect(text).toContain('target: 0.9\n');
    expect(text).not.toContain('target: 0.95');

    // A head may propose, not publish; a viewer may not even propose.
    await expect(
      t.services.standardsCode.apply({ actor: actorForUser(head.user) }, partial, opts({ publish: true })),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const viewer = await createPerson(t.services, 'viewer');
    await expect(
      t.services.standardsCode.apply({ actor: actorForUser(viewer.user) }, partial, opts({ dryRun: true })),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

it('a bare effective date starts at midnight in the zone given; an instant stays as it is', () => {
  expect(startOfDayIn('2026-01-01', 'Europe/Moscow')).toBe('2025-12-31T21:00:00.000Z');
  expect(startOfDayIn('2026-07-01', 'America/New_York')).toBe('2026-07-01T04:00:00.000Z');
  expect(startOfDayIn('2026-01-01T09:30:00+03:00', 'UTC')).toBe('2026-01-01T06:30:00.000Z');
});
