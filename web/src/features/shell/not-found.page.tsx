import { Button, EmptyState } from '@mantine/core';
import { IconMapPinOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('states.notFoundTitle'));
  return (
    <EmptyState
      py="xl"
      icon={<IconMapPinOff size={32} aria-hidden />}
      withIndicatorBackground
      data-testid="not-found"
    >
      <EmptyState.Title order={1}>{t('states.notFoundTitle')}</EmptyState.Title>
      <EmptyState.Description>{t('states.notFound')}</EmptyState.Description>
      <EmptyState.Actions>
        <Button component={Link} to="/" variant="default">
          {t('states.toHome')}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
