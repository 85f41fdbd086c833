import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogStatus } from '../../../../src/contract/catalog.schema';
import type { Locale } from '../../../../src/contract/common.schema';
import { roleCan } from '../../../../src/core/permissions';
import type { Role } from '../../../../src/core/roles';

/** A text of the standards file: one string for every language, or `{ru, en}`. */
export type LocalizedText = string | { ru?: string | undefined; en?: string | undefined };

/** The text in `lng`, else in the other language, else `fallback`. */
export function pickText(text: LocalizedText | undefined | null, lng: Locale, fallback = ''): string {
  if (text === undefined || text === null) return fallback;
  if (typeof text === 'string') return text;
  return text[lng] ?? text[lng === 'ru' ? 'en' : 'ru'] ?? fallback;
}

/** The interface language and `pickText` bound to it. */
export function useLocalText() {
  const { i18n } = useTranslation();
  const lng: Locale = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const text = useCallback(
    (value: LocalizedText | undefined | null, fallback = '') => pickText(value, lng, fallback),
    [lng],
  );
  return { lng, text };
}

export const STATUS_COLOR: Record<CatalogStatus, string> = {
  active: 'teal',
  scheduled: 'blue',
  retired: 'gray',
};

/** Writing proposals (new standards, changes, retirements): quality leads and heads. */
export const canPropose = (role: Role) => roleCan(role, 'standards.propose');

/** `0.9` → `90`, without float noise (`0.57 * 100` is 56.99…). */
export const toPercent = (target: number) => Math.round(target * 10000) / 100;
