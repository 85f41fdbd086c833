import { Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification } from '../../../../src/contract/notification.schema';
import { useFormat } from '../../i18n/use-format';
import { useMarkRead } from './agreement.queries';

/** The kind-specific sentence: "Anna asked you to approve #3 Answer by the third ring". */
export function useNotificationText() {
  const { t } = useTranslation();
  return (n: Notification) =>
    t(`agreement.notifications.kind.${n.kind}`, {
      actor: n.actor?.name ?? t('agreement.notifications.system'),
      number: n.proposal?.number ?? '?',
      title: n.proposal?.title ?? '',
      excerpt: n.excerpt ?? '',
    });
}

/** One notification as a button: opens its proposal and marks it read. */
export function NotificationItem({ item, onOpen }: { item: Notification; onOpen?: () => void }) {
  const text = useNotificationText();
  const format = useFormat();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const unread = item.read_at === null;
  const open = () => {
    if (unread) markRead.mutate([item.id]);
    onOpen?.();
    if (item.proposal) void navigate(`/standards/proposals/${item.proposal.id}`);
    // Audit round reminders (issue 7) open "My rounds" on the audits page.
    else if (item.kind.startsWith('audit_round_')) void navigate('/audits');
    // A follow-up given to you (issue 7) opens "My follow-ups".
    else if (item.kind === 'follow_up_assigned') void navigate('/follow-ups');
  };
  return (
    <UnstyledButton
      onClick={open}
      w="100%"
      p="xs"
      style={{ borderRadius: 6 }}
      bg={unread ? 'blue.0' : undefined}
      data-testid="notification"
      data-unread={unread ? 'true' : undefined}
    >
      <Group gap={8} wrap="nowrap" align="flex-start">
        <Box
          mt={6}
          w={8}
          h={8}
          style={{ borderRadius: 4, flex: 'none' }}
          bg={unread ? 'blue.6' : 'transparent'}
          aria-hidden
        />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
            {text(item)}
          </Text>
          {item.excerpt && item.excerpt !== item.proposal?.title && !item.kind.startsWith('audit_round_') && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {item.excerpt}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {format.dateTime(item.created_at)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
