import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Dates and numbers in the interface language, through Intl. Instants arrive as UTC ISO strings
 * and are shown in the browser's time zone, which is the reader's.
 */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const dateTimeFmt = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' });
    const dateFmt = new Intl.DateTimeFormat(lng, { dateStyle: 'medium' });
    const numberFmt = new Intl.NumberFormat(lng);
    const valid = (iso: string | null | undefined): iso is string => !!iso && !Number.isNaN(Date.parse(iso));
    return {
      /** `2 Mar 2026, 09:15` / `2 мар. 2026 г., 09:15`; a dash for nothing. */
      dateTime: (iso: string | null | undefined, empty: string = t('common.none')) =>
        valid(iso) ? dateTimeFmt.format(new Date(iso)) : empty,
      date: (iso: string | null | undefined, empty: string = t('common.none')) =>
        valid(iso) ? dateFmt.format(new Date(iso)) : empty,
      number: (n: number) => numberFmt.format(n),
      /** A wait such as a `Retry-After`: `5 minutes` / `5 минут`, with the plural rules of the language. */
      wait: (seconds: number) => {
        const minutes = Math.ceil(seconds / 60);
        const [value, unit] = seconds < 60 ? [Math.ceil(seconds), 'second'] : [minutes, 'minute'];
        return new Intl.NumberFormat(lng, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
      },
    };
  }, [lng, t]);
}
