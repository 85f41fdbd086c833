import { useCallback } from 'react';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickText } from '../standards/standards-labels';

/** A draft or a submitted audit. */
export function StatusBadge({ status }: { status: 'draft' | 'submitted' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status === 'draft' ? 'yellow' : 'blue'} tt="none">
      {t(`audits.status.${status}`)}
    </Badge>
  );
}

export const OUTCOME_COLOR = { passed: 'teal', failed: 'red', not_scored: 'gray' } as const;

/** Passed, failed, or not scored (nothing judged). */
export function OutcomeBadge({
  outcome,
  size,
}: {
  outcome: 'passed' | 'failed' | 'not_scored';
  size?: 'md' | 'lg' | 'xl';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="filled"
      color={OUTCOME_COLOR[outcome]}
      tt="none"
      size={size ?? 'md'}
      data-testid="audit-outcome"
    >
      {t(`audits.outcome.${outcome}`)}
    </Badge>
  );
}

/** A template's title in the interface language, the other language or the code as fallbacks. */
export function useTemplateTitle() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  return useCallback(
    (title: { ru: string | null; en: string | null } | null | undefined, fallback: string) =>
      pickText(title ? { ru: title.ru ?? undefined, en: title.en ?? undefined } : undefined, lng, fallback),
    [lng],
  );
}
