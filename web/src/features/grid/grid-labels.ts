import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../src/contract/common.schema';
import type { SupportType } from '../../../../src/contract/grid.schema';
import type { UnitNode } from '../../../../src/contract/unit.schema';
import { roleCan } from '../../../../src/core/permissions';
import type { Role } from '../../../../src/core/roles';

/** Names in both languages as the API answers them; a missing one is null. */
export interface Names {
  ru: string | null;
  en: string | null;
}

/** The name in the reader's language, else in the other one, else the code. */
export function pickName(name: Names, lng: Locale, code = ''): string {
  return name[lng] ?? name[lng === 'ru' ? 'en' : 'ru'] ?? code;
}

/** `pickName` bound to the interface language. */
export function useNamer() {
  const { i18n } = useTranslation();
  const lng: Locale = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const name = useCallback((n: Names, code = '') => pickName(n, lng, code), [lng]);
  return { lng, name };
}

/**
 * Editing controls: administrators and managers edit every cell (`grid.write`), heads the cells
 * their unit provides (`grid.write.own` — the server decides which, and says so when it refuses).
 */
export const canEditGrid = (role: Role) => roleCan(role, 'grid.write') || roleCan(role, 'grid.write.own');
/** Managing the vocabulary of support types. */
export const canManageTypes = (role: Role) => roleCan(role, 'grid.types.write');

/** Words that carry no meaning in a type's name ("Help with paperwork" is about paperwork). */
const FILLER = new Set(['help', 'with', 'and', 'the', 'for', 'from', 'помощь', 'для', 'при']);
const letters = (s: string) => [...s.normalize('NFC')].filter((c) => /\p{L}|\p{N}/u.test(c));

/**
 * Two-letter abbreviations for the support types, unique within the vocabulary: the initials of
 * the first two meaningful words ("Help with paperwork and checking" → "PC"), else the first two
 * letters ("Consultation" → "CO"); on a clash, the first letter with a later one, then a number.
 */
export function abbreviate(types: readonly { id: string; label: string }[]): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const { id, label } of types) {
    const allWords = label.split(/[\s\-_/]+/).filter((w) => letters(w).length > 0);
    const meaningful = allWords.filter((w) => letters(w).length >= 3 && !FILLER.has(w.toLowerCase()));
    const words = meaningful.length > 0 ? meaningful : allWords;
    const all = letters(words.join('')).map((c) => c.toUpperCase());
    const candidates: string[] = [];
    if (words.length >= 2) candidates.push((letters(words[0]!)[0]! + letters(words[1]!)[0]!).toUpperCase());
    if (all.length >= 2) candidates.push(all[0]! + all[1]!);
    for (let i = 2; i < all.length; i++) candidates.push(all[0]! + all[i]!);
    const first = all[0] ?? '?';
    let pick = candidates.find((c) => !used.has(c));
    for (let n = 2; !pick; n++) if (!used.has(`${first}${n}`)) pick = `${first}${n}`;
    used.add(pick);
    out.set(id, pick);
  }
  return out;
}

export interface TypeLook {
  id: string;
  abbr: string;
  label: string;
  color: SupportType['color'];
  archived: boolean;
}

/** Each support type's abbreviation, name and colour in the interface language, by id. */
export function useTypeLooks(types: readonly SupportType[] | undefined) {
  const { name } = useNamer();
  return useMemo(() => {
    const list = types ?? [];
    const labelled = list.map((t) => ({ id: t.id, label: name(t.name, t.code) }));
    const abbrs = abbreviate(labelled);
    const byId = new Map<string, TypeLook>();
    for (const t of list) {
      byId.set(t.id, {
        id: t.id,
        abbr: abbrs.get(t.id) ?? '?',
        label: name(t.name, t.code),
        color: t.color,
        archived: t.status === 'archived',
      });
    }
    return byId;
  }, [types, name]);
}

export interface FlatUnit {
  id: string;
  code: string;
  name: Names;
  depth: number;
  parent_id: string | null;
}

/** The active units in tree order (depth first), each with its depth. */
export function flattenTree(roots: readonly UnitNode[]): FlatUnit[] {
  const out: FlatUnit[] = [];
  const walk = (nodes: readonly UnitNode[], depth: number) => {
    for (const n of nodes) {
      if (n.status !== 'active') continue;
      out.push({ id: n.id, code: n.code, name: n.name, depth, parent_id: n.parent_id });
      walk(n.children, depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}

/** Select options for units (plain names, so the chosen one reads cleanly) and their depth for indenting. */
export function useUnitOptions(units: readonly FlatUnit[]) {
  const { name } = useNamer();
  return useMemo(() => {
    const depth = new Map(units.map((u) => [u.id, u.depth]));
    return {
      data: units.map((u) => ({ value: u.id, label: name(u.name, u.code) })),
      depthOf: (id: string) => depth.get(id) ?? 0,
    };
  }, [units, name]);
}
