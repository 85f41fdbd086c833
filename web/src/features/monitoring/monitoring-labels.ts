import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryResponse } from '../../../../src/contract/monitoring.schema';
import { pickName, type Names } from '../grid/grid-labels';

type Standard = SummaryResponse['standards'][number];

/** Unit and standard names in the reader's language (else the other one, else the code). */
export function useMonitoringNames() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const unitName = useCallback(
    (u: { code: string; name_ru: string | null; name_en: string | null }) =>
      pickName({ ru: u.name_ru, en: u.name_en } satisfies Names, lng, u.code),
    [lng],
  );
  const standardTitle = useCallback(
    (s: Pick<Standard, 'code' | 'title'>) =>
      pickName({ ru: s.title.ru ?? null, en: s.title.en ?? null }, lng, s.code),
    [lng],
  );
  return { lng, unitName, standardTitle };
}
