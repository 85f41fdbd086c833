import { ActionIcon, Anchor, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkRead, useNotifications } from './agreement.queries';
import { NotificationItem } from './notification-item';

/** The header's bell: the unread count, and the latest notifications in a popover. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const [opened, { close, toggle }] = useDisclosure(false);
  const list = useNotifications(10);
  const markRead = useMarkRead();
  const unread = list.data?.unread ?? 0;
  const label =
    unread > 0
      ? t('agreement.notifications.bellUnread', { count: unread })
      : t('agreement.notifications.bell');

  return (
    <Popover
      opened={opened}
      onChange={(o) => (o ? undefined : close())}
      position="bottom-end"
      width={360}
      shadow="md"
      withinPortal
    >
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={16}
          offset={6}
          color="red"
          disabled={unread === 0}
          data-testid="notifications-count"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={toggle}
            aria-label={label}
            aria-expanded={opened}
            data-testid="notifications-bell"
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" maw="calc(100vw - 16px)" data-testid="notifications-popover">
        <Group justify="space-between" mb={6} px={4}>
          <Text fw={600} size="sm">
            {t('agreement.notifications.title')}
          </Text>
          {unread > 0 && (
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => markRead.mutate(undefined)}
              data-testid="mark-all-read"
            >
              {t('agreement.notifications.markAll')}
            </Anchor>
          )}
        </Group>
        {list.isError ? (
          <Text size="sm" c="dimmed" p="xs">
            {t('agreement.notifications.loadError')}
          </Text>
        ) : list.isPending ? (
          <Text size="sm" c="dimmed" p="xs">
            {t('common.loading')}
          </Text>
        ) : list.data.items.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs" data-testid="notifications-empty">
            {t('agreement.notifications.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={2}>
              {list.data.items.map((n) => (
                <NotificationItem key={n.id} item={n} onOpen={close} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
        <Anchor
          component={Link}
          to="/notifications"
          size="sm"
          onClick={close}
          display="block"
          ta="center"
          mt={6}
        >
          {t('agreement.notifications.seeAll')}
        </Anchor>
      </Popover.Dropdown>
    </Popover>
  );
}
