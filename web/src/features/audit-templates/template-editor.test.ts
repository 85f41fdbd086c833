import { describe, expect, it } from 'vitest';
import { AuditTemplateInput, type AuditTemplate } from '../../../../src/contract/audit-template.schema';
import type { StandardSummary } from '../../../../src/contract/catalog.schema';
import {
  addCategorySection,
  addItems,
  addSection,
  emptyEditor,
  fingerprint,
  filterStandards,
  fromPercent,
  groupByCategory,
  itemKey,
  move,
  moveItem,
  moveSection,
  observedStandards,
  placeIssues,
  removeItem,
  removeSection,
  renameSection,
  requestOf,
  savedVersion,
  stateOf,
  toPercent,
  type EditorState,
  type ObservedStandard,
} from './template-editor';

const checklist = { type: 'checklist' as const, weight: 1, critical: false, allow_na: true };
const smile = {
  type: 'rating' as const,
  scale: '1-5' as const,
  pass_min: 4,
  weight: 2,
  critical: false,
  allow_na: false,
};

function std(
  code: string,
  category: ObservedStandard['category'],
  kind: ObservedStandard['kind'] = 'tangible',
): ObservedStandard {
  return { code, version: 1, title: { en: code, ru: code }, kind, category, measure: checklist };
}

const TIDY = std('TIDY', 'environment');
const SIGN = std('SIGN-IN', 'environment');
const SMILE: ObservedStandard = { ...std('SMILE', 'behaviour', 'intangible'), measure: smile };
const EYES = std('EYES', 'behaviour', 'intangible');
const ALL = [TIDY, SIGN, SMILE, EYES];

const summary = (
  code: string,
  status: StandardSummary['status'],
  measure: Record<string, unknown> | null,
  category = 'environment',
): StandardSummary =>
  ({
    id: code,
    code,
    status,
    current: {
      version: 3,
      effective_from: '2026-01-01T00:00:00.000Z',
      effective_until: null,
      retired: measure === null,
      definition:
        measure === null
          ? null
          : { code, title: code, kind: 'tangible', category, measure, target: 0.9, period: 'month' },
    },
    next: null,
    pending: [],
  }) as unknown as StandardSummary;

describe('observedStandards', () => {
  it('keeps standards in force measured by rating or checklist, with their version in force', () => {
    const out = observedStandards([
      summary('A', 'active', checklist),
      summary('B', 'active', smile, 'behaviour'),
      summary('C', 'active', { type: 'threshold', field: 'rings', max: 3 }),
      summary('D', 'scheduled', checklist),
      summary('E', 'retired', null),
    ]);
    expect(out.map((s) => [s.code, s.version, s.category, s.measure.type])).toEqual([
      ['A', 3, 'environment', 'checklist'],
      ['B', 3, 'behaviour', 'rating'],
    ]);
  });
});

describe('filters and groups', () => {
  it('filters by category, kind and the codes binding a unit', () => {
    const none = { category: '', kind: '', unitCodes: null };
    expect(filterStandards(ALL, none)).toHaveLength(4);
    expect(filterStandards(ALL, { ...none, category: 'behaviour' }).map((s) => s.code)).toEqual([
      'SMILE',
      'EYES',
    ]);
    expect(filterStandards(ALL, { ...none, kind: 'tangible' }).map((s) => s.code)).toEqual([
      'TIDY',
      'SIGN-IN',
    ]);
    expect(
      filterStandards(ALL, { category: 'environment', kind: '', unitCodes: new Set(['TIDY', 'SMILE']) }).map(
        (s) => s.code,
      ),
    ).toEqual(['TIDY']);
  });

  it('groups by category in the catalog order (behaviour after environment), codes sorted, empty groups left out', () => {
    expect(groupByCategory(ALL).map((g) => [g.category, g.standards.map((s) => s.code)])).toEqual([
      ['environment', ['SIGN-IN', 'TIDY']],
      ['behaviour', ['EYES', 'SMILE']],
    ]);
    expect(groupByCategory([])).toEqual([]);
  });
});

describe('percent', () => {
  it('converts both ways without float noise', () => {
    expect(toPercent(0.57)).toBe(57);
    expect(toPercent(0.857)).toBe(85.7);
    expect(fromPercent(57)).toBe(0.57);
    expect(fromPercent(85.7)).toBe(0.857);
    expect(fromPercent(100)).toBe(1);
  });
});

describe('editing', () => {
  const env = { ru: 'Обстановка', en: 'Environment' };

  it('adds a category as a section with the standards not yet in the template, id from the category', () => {
    let s = addCategorySection(emptyEditor(), 'environment', env, ALL);
    expect(s.sections).toHaveLength(1);
    expect(s.sections[0]!.id).toBe('environment');
    expect(s.sections[0]!.title).toEqual(env);
    expect(s.sections[0]!.items.map((i) => i.standard)).toEqual(['SIGN-IN', 'TIDY']);
    // Again: nothing left to add, nothing changes.
    expect(addCategorySection(s, 'environment', env, ALL)).toBe(s);
    // One removed, then the category again: a second section with just that one and a free id.
    s = removeItem(s, s.sections[0]!.key, 'TIDY');
    s = addCategorySection(s, 'environment', env, ALL);
    expect(s.sections.map((x) => [x.id, x.items.map((i) => i.standard)])).toEqual([
      ['environment', ['SIGN-IN']],
      ['environment-2', ['TIDY']],
    ]);
  });

  it('adds sections with free ids and items only once per template', () => {
    let s = addSection(addSection(emptyEditor()));
    expect(s.sections.map((x) => x.id)).toEqual(['section', 'section-2']);
    const [a, b] = s.sections.map((x) => x.key) as [string, string];
    s = addItems(s, a, [SMILE, EYES]);
    s = addItems(s, b, [EYES, TIDY]);
    expect(s.sections.map((x) => x.items.map((i) => i.standard))).toEqual([['SMILE', 'EYES'], ['TIDY']]);
    expect(s.sections[0]!.items[0]).toEqual({
      standard: 'SMILE',
      title: SMILE.title,
      version: 1,
      measure: smile,
    });
    expect(addItems(s, b, [SMILE])).toBe(s);
  });

  it('renames, reorders and removes by key', () => {
    let s = addSection(addSection(emptyEditor(), { ru: 'А', en: 'A' }), { ru: 'Б', en: 'B' });
    const [a, b] = s.sections.map((x) => x.key) as [string, string];
    s = renameSection(s, a, 'en', 'Alpha');
    expect(s.sections[0]!.title).toEqual({ ru: 'А', en: 'Alpha' });
    s = moveSection(s, a, 1);
    expect(s.sections.map((x) => x.key)).toEqual([b, a]);
    expect(moveSection(s, a, 1).sections.map((x) => x.key)).toEqual([b, a]);
    s = addItems(s, a, [TIDY, SIGN, EYES]);
    s = moveItem(s, a, 'EYES', -1);
    expect(s.sections[1]!.items.map((i) => i.standard)).toEqual(['TIDY', 'EYES', 'SIGN-IN']);
    expect(moveItem(s, a, 'TIDY', -1).sections[1]!.items.map((i) => i.standard)).toEqual([
      'TIDY',
      'EYES',
      'SIGN-IN',
    ]);
    s = removeSection(s, b);
    expect(s.sections.map((x) => x.key)).toEqual([a]);
  });

  it('move leaves the list alone at its ends and for an unknown index', () => {
    expect(move([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(move([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
    expect(move([1, 2, 3], -1, 1)).toEqual([1, 2, 3]);
    expect(move([1, 2, 3], 1, 1)).toEqual([1, 3, 2]);
  });
});

describe('requestOf', () => {
  it('builds the body the contract accepts: trimmed texts, empty titles left out, percent as a share', () => {
    let s: EditorState = {
      ...emptyEditor(),
      code: ' RECEPTION ',
      title: { ru: ' Приёмная ', en: '' },
      passMark: 85.5,
    };
    s = addCategorySection(s, 'environment', { ru: 'Обстановка', en: '' }, ALL);
    s = addSection(s);
    s = addItems(s, s.sections[1]!.key, [SMILE]);
    const body = requestOf(s);
    expect(body).toEqual({
      code: 'RECEPTION',
      title: { ru: 'Приёмная' },
      pass_mark: 0.855,
      sections: [
        {
          id: 'environment',
          title: { ru: 'Обстановка' },
          items: [{ standard: 'SIGN-IN' }, { standard: 'TIDY' }],
        },
        { id: 'section', items: [{ standard: 'SMILE' }] },
      ],
    });
    expect(AuditTemplateInput.safeParse(body).success).toBe(true);
  });

  it('sends what is missing so the server names the fields', () => {
    const body = requestOf({ ...emptyEditor(), passMark: '' });
    const parsed = AuditTemplateInput.safeParse(body);
    expect(parsed.success).toBe(false);
    const paths = [...new Set(parsed.error!.issues.map((i) => i.path.join('.')))].sort();
    expect(paths).toEqual(['code', 'pass_mark', 'sections', 'title']);
  });

  it('round-trips a saved template', () => {
    const template = {
      id: 't1',
      code: 'R',
      title: { ru: null, en: 'Reception' },
      pass_mark: 0.8,
      version: 2,
      latest_version: 2,
      sections: [
        {
          id: 'env',
          title: null,
          items: [{ id: 'TIDY', standard: 'TIDY', standard_version: 4, title: 'Tidy', measure: checklist }],
        },
      ],
      version_created_at: '2026-01-01T00:00:00.000Z',
      version_created_by: 'Q',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    } satisfies AuditTemplate;
    const s = stateOf(template);
    expect(s.passMark).toBe(80);
    expect(s.sections[0]!.items[0]!.version).toBe(4);
    expect(requestOf(s)).toEqual({
      code: 'R',
      title: { en: 'Reception' },
      pass_mark: 0.8,
      sections: [{ id: 'env', items: [{ standard: 'TIDY' }] }],
    });
  });
});

describe('fingerprint', () => {
  it('changes with what a save sends, not with spaces around texts or a section key', () => {
    const s = addSection({ ...emptyEditor(), code: 'R' }, { ru: '', en: 'A' });
    expect(fingerprint({ ...s, code: ' R ' })).toBe(fingerprint(s));
    expect(fingerprint({ ...s, sections: s.sections.map((x) => ({ ...x, key: 'other' })) })).toBe(
      fingerprint(s),
    );
    expect(fingerprint({ ...s, passMark: 81 })).not.toBe(fingerprint(s));
    expect(fingerprint(renameSection(s, s.sections[0]!.key, 'ru', 'А'))).not.toBe(fingerprint(s));
    expect(fingerprint(addItems(s, s.sections[0]!.key, [TIDY]))).not.toBe(fingerprint(s));
  });
});

describe('placeIssues', () => {
  it('puts each issue at its field, section or item, and keeps it there when things move', () => {
    let s = addSection(addSection(emptyEditor()));
    const [a, b] = s.sections.map((x) => x.key) as [string, string];
    s = addItems(s, a, [TIDY, SMILE]);
    const placed = placeIssues(
      [
        { path: 'code', code: 'invalid_format', message: 'bad code' },
        { path: 'title', message: 'needs ru or en' },
        { path: 'title.ru', message: 'too long' },
        { path: 'pass_mark', message: 'within 0…1' },
        { path: 'sections', message: 'at least one section' },
        { path: 'sections.0.items.1.standard', code: 'not_observed', message: 'SMILE is not observed' },
        { path: 'sections.1.items', message: 'a section needs at least one item' },
        { path: 'sections.1.id', code: 'duplicate_section', message: 'dup' },
        { path: 'sections.7.items.0.standard', message: 'gone' },
        { path: '', message: 'whole' },
      ],
      s,
    );
    expect(placed.fields.code?.map((i) => i.message)).toEqual(['bad code']);
    expect(placed.fields.title?.map((i) => i.message)).toEqual(['needs ru or en', 'too long']);
    expect(placed.fields.pass_mark).toHaveLength(1);
    expect(placed.fields.sections?.map((i) => i.message)).toEqual(['at least one section', 'gone']);
    expect(placed.items[itemKey(a, 'SMILE')]?.map((i) => i.code)).toEqual(['not_observed']);
    expect(placed.items[itemKey(a, 'TIDY')]).toBeUndefined();
    expect(placed.sections[b]?.map((i) => i.message)).toEqual(['a section needs at least one item', 'dup']);
    expect(placed.rest.map((i) => i.message)).toEqual(['whole']);
    // Moved afterwards: the issue still names the same item by key and code.
    const moved = moveSection(moveItem(s, a, 'SMILE', -1), a, 1);
    expect(moved.sections[1]!.items[0]!.standard).toBe('SMILE');
    expect(placed.items[itemKey(moved.sections[1]!.key, 'SMILE')]).toHaveLength(1);
  });
});

describe('savedVersion', () => {
  it('tells whether a new version was made', () => {
    expect(savedVersion(null, { latest_version: 1 })).toEqual({ version: 1, created: true });
    expect(savedVersion(2, { latest_version: 3 })).toEqual({ version: 3, created: true });
    expect(savedVersion(3, { latest_version: 3 })).toEqual({ version: 3, created: false });
  });
});
