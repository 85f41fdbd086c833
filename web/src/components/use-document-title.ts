import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "Users · Etalon": the tab and the screen reader both say where one is after navigating. */
export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title && title !== app ? `${title} · ${app}` : app;
  }, [title, app]);
}
