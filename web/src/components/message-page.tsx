import type { ReactNode } from 'react';
import { Button, EmptyState } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from './use-document-title';

/**
 * A whole page that only says why there is nothing here (not found, not allowed) and leads home.
 * Its title is the page's one h1 and the tab's title, as on every other page.
 */
export function MessagePage({
  icon,
  title,
  message,
  testId,
}: {
  icon: ReactNode;
  title: string;
  message: string;
  testId: string;
}) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <EmptyState py="xl" icon={icon} withIndicatorBackground data-testid={testId}>
      <EmptyState.Title order={1}>{title}</EmptyState.Title>
      <EmptyState.Description>{message}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="default">
          {t('states.toHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
