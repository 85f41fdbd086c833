import type { ReactNode } from 'react';
import { Alert, Button, EmptyState, Group, Skeleton, Stack } from '@mantine/core';
import { IconAlertTriangle, IconInbox, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../i18n/error-text';

/** Placeholder rows while a list loads, so the page does not jump when it arrives. */
export function LoadingRows({ rows = 5, height = 44 }: { rows?: number; height?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="status" aria-busy="true" aria-label={t('common.loading')} data-testid="loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={height} radius="sm" />
      ))}
    </Stack>
  );
}

/** A failed load: what went wrong, in the reader's language, and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  return (
    <Alert
      color="red"
      variant="light"
      title={t('states.loadError')}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      data-testid="load-error"
    >
      <Stack gap="sm" align="flex-start">
        {errorText(error)}
        {onRetry && (
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={onRetry}
          >
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Nothing to show yet, and (when allowed) the action that fills the list. */
export function EmptyBlock({
  message,
  action,
  icon,
}: {
  message: string;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <EmptyState
      py="xl"
      icon={icon ?? <IconInbox size={32} aria-hidden />}
      withIndicatorBackground
      description={message}
      data-testid="empty"
    >
      {action && (
        <EmptyState.Actions>
          <Group justify="center">{action}</Group>
        </EmptyState.Actions>
      )}
    </EmptyState>
  );
}
