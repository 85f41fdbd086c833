import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/copy-field';
import { useFormat } from '../../i18n/use-format';
import type { UserCreated } from './users.queries';
import { useLastShown } from '../../components/use-last-shown';

/** Shows a new person's invitation link, once: only its hash is stored on the server. */
export function InviteLinkDialog({ created, onClose }: { created: UserCreated | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = useLastShown(created);
  if (!shown?.invite_url) return null;
  return (
    <Modal
      opened={created !== null}
      onClose={onClose}
      title={t('inviteLink.title')}
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack>
        <Text size="sm">{t('inviteLink.intro', { name: shown.user.name, email: shown.user.email })}</Text>
        <CopyField label={t('inviteLink.link')} value={shown.invite_url} testId="invite-url" />
        {shown.invite_expires_at && (
          <Text size="sm" c="dimmed">
            {t('inviteLink.expires', { date: format.dateTime(shown.invite_expires_at) })}
          </Text>
        )}
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('inviteLink.once')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
