import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/copy-field';
import type { TokenCreated } from './tokens.queries';
import { useLastShown } from '../../components/use-last-shown';

/**
 * The one and only time a token's secret is visible. Clicking outside does not close it, so the
 * secret is not lost by a stray click before it is copied.
 */
export function TokenSecretDialog({
  created,
  onClose,
}: {
  created: TokenCreated | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const shown = useLastShown(created);
  if (!shown) return null;
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title={t('tokenSecret.title')}
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack>
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {t('tokenSecret.warning')}
        </Alert>
        <Text size="sm" fw={500}>
          {shown.token.name}
        </Text>
        <CopyField label={t('tokenSecret.secret')} value={shown.secret} testId="token-secret" />
        <Text size="xs" c="dimmed">
          {t('tokenSecret.usage')}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('tokenSecret.confirm')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
