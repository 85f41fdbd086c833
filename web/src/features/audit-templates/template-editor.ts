import type {
  AuditTemplate,
  AuditTemplateInput,
  ObservedMeasureSnapshot,
} from '../../../../src/contract/audit-template.schema';
import type { StandardSummary } from '../../../../src/contract/catalog.schema';
import { STANDARD_CATEGORIES } from '../../../../src/contract/standards-file.schema';

/**
 * The template editor's state and the pure steps on it (issue 7, docs/AUDITS.md "Template"): the
 * page holds an `EditorState`, every button is one of these functions, and `requestOf` is what
 * `POST`/`PUT /audit-templates` receive. The server judges; nothing here decides what is valid.
 */

export type Localized = { ru?: string | undefined; en?: string | undefined } | string;
export type StandardCategory = (typeof STANDARD_CATEGORIES)[number];

/** An observed standard the editor may pick: a published one whose measure is rating or checklist. */
export interface ObservedStandard {
  code: string;
  version: number;
  title: Localized;
  kind: 'tangible' | 'intangible';
  category: StandardCategory;
  measure: ObservedMeasureSnapshot;
}

export interface ItemDraft {
  /** The standard's code (also the item's id on the server). */
  standard: string;
  title: Localized;
  /** The version it was picked at (a saved template: the snapshot's; new: the version in force). */
  version: number;
  measure: ObservedMeasureSnapshot;
}

export interface SectionDraft {
  /** Local and stable while the section is edited and moved (React key, where errors stick). */
  key: string;
  /** The section's id on the server. */
  id: string;
  title: { ru: string; en: string };
  items: ItemDraft[];
}

export interface EditorState {
  code: string;
  title: { ru: string; en: string };
  /** The pass mark in percent as typed (0…100), or '' while empty. */
  passMark: number | '';
  sections: SectionDraft[];
}

export const emptyEditor = (): EditorState => ({
  code: '',
  title: { ru: '', en: '' },
  passMark: 80,
  sections: [],
});

let keySeq = 0;
/** A section key no other section of this page has. */
export const newKey = () => `s${++keySeq}`;

/** `0.8` → `80`, `0.857` → `85.7`, without float noise. */
export const toPercent = (share: number) => Math.round(share * 100_000) / 1000;
/** `80` → `0.8`, `85.7` → `0.857`, without float noise. */
export const fromPercent = (percent: number) => Math.round(percent * 1000) / 100_000;

/** The editor state of a saved template (the version shown). */
export function stateOf(template: AuditTemplate): EditorState {
  return {
    code: template.code,
    title: { ru: template.title.ru ?? '', en: template.title.en ?? '' },
    passMark: toPercent(template.pass_mark),
    sections: template.sections.map((s) => ({
      key: newKey(),
      id: s.id,
      title: { ru: s.title?.ru ?? '', en: s.title?.en ?? '' },
      items: s.items.map((i) => ({
        standard: i.standard,
        title: i.title,
        version: i.standard_version,
        measure: i.measure,
      })),
    })),
  };
}

/** `{ru, en}` as typed → the languages that have text (trimmed), or undefined when neither has. */
function titleOf(t: { ru: string; en: string }): { ru?: string; en?: string } | undefined {
  const ru = t.ru.trim();
  const en = t.en.trim();
  if (!ru && !en) return undefined;
  return { ...(ru ? { ru } : {}), ...(en ? { en } : {}) };
}

/**
 * The body of `POST /audit-templates` and `PUT /audit-templates/:id`. An empty title is sent as
 * `{}` (the server says "needs ru or en" at `title`); an empty pass mark as NaN would not survive
 * JSON, so it is sent as -1 and the server names `pass_mark`.
 */
export function requestOf(state: EditorState): AuditTemplateInput {
  return {
    code: state.code.trim(),
    title: titleOf(state.title) ?? {},
    pass_mark: state.passMark === '' ? -1 : fromPercent(state.passMark),
    sections: state.sections.map((s) => {
      const title = titleOf(s.title);
      return {
        id: s.id,
        ...(title ? { title } : {}),
        items: s.items.map((i) => ({ standard: i.standard })),
      };
    }),
  };
}

/** What a save would send, as one string: two states with the same one need no save between them. */
export const fingerprint = (state: EditorState): string => JSON.stringify(requestOf(state));

// ── The catalog ───────────────────────────────────────────────────────────────────────────────────

/**
 * The standards an audit can judge: in force now (status `active`), measured by `rating` or
 * `checklist`; the rest of the catalog is read from call logs, not observed.
 */
export function observedStandards(items: readonly StandardSummary[]): ObservedStandard[] {
  const out: ObservedStandard[] = [];
  for (const s of items) {
    const def = s.current.definition;
    if (s.status !== 'active' || def === null) continue;
    const m = def.measure;
    if (m.type !== 'rating' && m.type !== 'checklist') continue;
    out.push({
      code: s.code,
      version: s.current.version,
      title: def.title,
      kind: def.kind,
      category: def.category,
      measure: m as ObservedMeasureSnapshot,
    });
  }
  return out;
}

export interface PickerFilters {
  category: string;
  kind: string;
  /** Codes of the standards binding the chosen unit (the server's `?unit=` answer); null: any unit. */
  unitCodes: ReadonlySet<string> | null;
}

export function filterStandards(items: readonly ObservedStandard[], f: PickerFilters): ObservedStandard[] {
  return items.filter(
    (s) =>
      (f.category === '' || s.category === f.category) &&
      (f.kind === '' || s.kind === f.kind) &&
      (f.unitCodes === null || f.unitCodes.has(s.code)),
  );
}

/** Standards by category, in the catalog's order of categories, each group by code; empty groups left out. */
export function groupByCategory(
  items: readonly ObservedStandard[],
): { category: StandardCategory; standards: ObservedStandard[] }[] {
  return STANDARD_CATEGORIES.map((category) => ({
    category,
    standards: items.filter((s) => s.category === category).sort((a, b) => a.code.localeCompare(b.code)),
  })).filter((g) => g.standards.length > 0);
}

/** The codes already in the template (a standard appears once per template). */
export const usedCodes = (state: EditorState): Set<string> =>
  new Set(state.sections.flatMap((s) => s.items.map((i) => i.standard)));

// ── Steps ─────────────────────────────────────────────────────────────────────────────────────────

/** `base`, or `base-2`, `base-3`… — the first id no section has. */
export function freeSectionId(state: EditorState, base: string): string {
  const taken = new Set(state.sections.map((s) => s.id));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export function addSection(
  state: EditorState,
  title: { ru: string; en: string } = { ru: '', en: '' },
  base = 'section',
  items: ItemDraft[] = [],
): EditorState {
  const section: SectionDraft = { key: newKey(), id: freeSectionId(state, base), title, items };
  return { ...state, sections: [...state.sections, section] };
}

export const itemOf = (s: ObservedStandard): ItemDraft => ({
  standard: s.code,
  title: s.title,
  version: s.version,
  measure: s.measure,
});

/**
 * "Add all of this category as a section": a new section named after the category holding its
 * standards that the template does not have yet (by code). Unchanged when every one is in already.
 */
export function addCategorySection(
  state: EditorState,
  category: StandardCategory,
  title: { ru: string; en: string },
  standards: readonly ObservedStandard[],
): EditorState {
  const used = usedCodes(state);
  const items = standards
    .filter((s) => s.category === category && !used.has(s.code))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(itemOf);
  if (items.length === 0) return state;
  return addSection(state, title, category, items);
}

const mapSection = (state: EditorState, key: string, f: (s: SectionDraft) => SectionDraft): EditorState => ({
  ...state,
  sections: state.sections.map((s) => (s.key === key ? f(s) : s)),
});

export const renameSection = (
  state: EditorState,
  key: string,
  lang: 'ru' | 'en',
  text: string,
): EditorState => mapSection(state, key, (s) => ({ ...s, title: { ...s.title, [lang]: text } }));

export const removeSection = (state: EditorState, key: string): EditorState => ({
  ...state,
  sections: state.sections.filter((s) => s.key !== key),
});

/** The list with the element at `index` moved one place up (-1) or down (+1); unchanged at the ends. */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  const out = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return out;
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

export function moveSection(state: EditorState, key: string, by: -1 | 1): EditorState {
  const i = state.sections.findIndex((s) => s.key === key);
  return { ...state, sections: move(state.sections, i, by) };
}

/** Adds the standards to the section, skipping those the template already has anywhere. */
export function addItems(
  state: EditorState,
  key: string,
  standards: readonly ObservedStandard[],
): EditorState {
  const used = usedCodes(state);
  const fresh = standards.filter((s) => !used.has(s.code)).map(itemOf);
  if (fresh.length === 0) return state;
  return mapSection(state, key, (s) => ({ ...s, items: [...s.items, ...fresh] }));
}

export const removeItem = (state: EditorState, key: string, code: string): EditorState =>
  mapSection(state, key, (s) => ({ ...s, items: s.items.filter((i) => i.standard !== code) }));

export const moveItem = (state: EditorState, key: string, code: string, by: -1 | 1): EditorState =>
  mapSection(state, key, (s) => ({
    ...s,
    items: move(
      s.items,
      s.items.findIndex((i) => i.standard === code),
      by,
    ),
  }));

// ── The server's answer ───────────────────────────────────────────────────────────────────────────

export type TopField = 'code' | 'title' | 'pass_mark' | 'sections';

export interface PlacedIssue {
  path: string;
  code?: string | undefined;
  message: string;
}

/** Where the server's issues show: next to a top field, a section (by key), an item (by section key and code), or above the save button. */
export interface PlacedIssues {
  fields: Partial<Record<TopField, PlacedIssue[]>>;
  sections: Record<string, PlacedIssue[]>;
  /** Keyed `<section key> <standard code>`. */
  items: Record<string, PlacedIssue[]>;
  rest: PlacedIssue[];
}

export const itemKey = (sectionKey: string, code: string) => `${sectionKey} ${code}`;

const push = <K extends string>(into: Partial<Record<K, PlacedIssue[]>>, key: K, issue: PlacedIssue) => {
  into[key] = [...(into[key] ?? []), issue];
};

/**
 * Places the server's validation issues on the state they were about (the state that was sent):
 * `sections.0.items.1.standard` belongs to the second item of the first section, and stays with
 * it (by key and code) when sections or items are moved afterwards. `title.ru` goes to `title`.
 */
export function placeIssues(issues: readonly PlacedIssue[], sent: EditorState): PlacedIssues {
  const out: PlacedIssues = { fields: {}, sections: {}, items: {}, rest: [] };
  for (const issue of issues) {
    const parts = issue.path.split('.');
    const [head] = parts;
    if (head === 'code' || head === 'title' || head === 'pass_mark') {
      push(out.fields, head, issue);
      continue;
    }
    if (head === 'sections') {
      const section = parts[1] === undefined ? undefined : sent.sections[Number(parts[1])];
      if (section === undefined) {
        push(out.fields, 'sections', issue);
        continue;
      }
      const item =
        parts[2] === 'items' && parts[3] !== undefined ? section.items[Number(parts[3])] : undefined;
      if (item !== undefined) push(out.items, itemKey(section.key, item.standard), issue);
      else push(out.sections, section.key, issue);
      continue;
    }
    out.rest.push(issue);
  }
  return out;
}

/** Whether a save made a new version: a new template is version 1; an edit, when the version rose. */
export function savedVersion(
  before: number | null,
  after: Pick<AuditTemplate, 'latest_version'>,
): { version: number; created: boolean } {
  return { version: after.latest_version, created: before === null || after.latest_version > before };
}
