import { Button, Paper, SegmentedControl, Stack } from '@mantine/core';
import { IconBellOff, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useMarkRead, useNotifications } from './agreement.queries';
import { NotificationItem } from './notification-item';

/** `/notifications`: everything the bell has said, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const list = useNotifications(200);
  const markRead = useMarkRead();
  const [show, setShow] = useState<'all' | 'unread'>('all');
  const items = (list.data?.items ?? []).filter((n) => show === 'all' || n.read_at === null);

  let body;
  if (list.isPending) body = <LoadingRows rows={5} height={56} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (items.length === 0)
    body = (
      <EmptyBlock
        icon={<IconBellOff size={32} aria-hidden />}
        message={
          show === 'unread' ? t('agreement.notifications.noneUnread') : t('agreement.notifications.empty')
        }
      />
    );
  else
    body = (
      <Paper withBorder radius="md" p={4}>
        <Stack gap={2} data-testid="notification-list">
          {items.map((n) => (
            <NotificationItem key={n.id} item={n} />
          ))}
        </Stack>
      </Paper>
    );

  return (
    <>
      <PageHeader
        title={t('agreement.notifications.title')}
        intro={t('agreement.notifications.intro')}
        action={
          (list.data?.unread ?? 0) > 0 ? (
            <Button
              variant="default"
              leftSection={<IconChecks size={16} aria-hidden />}
              onClick={() => markRead.mutate(undefined)}
              loading={markRead.isPending}
            >
              {t('agreement.notifications.markAll')}
            </Button>
          ) : undefined
        }
      />
      <SegmentedControl
        mb="md"
        value={show}
        onChange={(v) => setShow(v === 'unread' ? 'unread' : 'all')}
        data={[
          { value: 'all', label: t('agreement.notifications.all') },
          {
            value: 'unread',
            label: t('agreement.notifications.unread', { count: list.data?.unread ?? 0 }),
          },
        ]}
        aria-label={t('agreement.notifications.show')}
      />
      {body}
    </>
  );
}
