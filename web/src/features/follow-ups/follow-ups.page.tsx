import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconCheck, IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUp } from '../../../../src/contract/follow-up.schema';
import { roleCan } from '../../../../src/core/permissions';
import { FormErrorAlert } from '../../components/form-error.alert';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentUser } from '../auth/session.queries';
import { formatLocalDate, orderForPage } from './follow-ups.logic';
import { useFollowUps, useUpdateFollowUp } from './follow-ups.queries';

type Show = 'mine' | 'all';

/**
 * `/follow-ups`: "My follow-ups" — open ones first, overdue in red, each marked done with a note in
 * two taps; people who see more (quality leads, heads) can switch to every follow-up they may read.
 */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const seesMore = roleCan(user.role, 'audits.read.all') || user.role === 'head';
  const [show, setShow] = useState<Show>('mine');
  const list = useFollowUps({ owner: show === 'mine' ? 'me' : undefined });
  const [closing, setClosing] = useState<FollowUp | null>(null);

  let body;
  if (list.isPending) body = <LoadingRows rows={3} height={96} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0)
    body = <EmptyBlock message={t('followUps.page.empty')} icon={<IconFlag size={32} aria-hidden />} />;
  else
    body = (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="follow-up-list">
        {orderForPage(list.data.items).map((f) => (
          <li key={f.id}>
            <FollowUpCard
              item={f}
              mayClose={f.owner.id === user.id || roleCan(user.role, 'audits.write.all')}
              onDone={() => setClosing(f)}
            />
          </li>
        ))}
      </Stack>
    );

  return (
    <>
      <PageHeader title={t('followUps.page.title')} intro={t('followUps.page.intro')} />
      {seesMore && (
        <SegmentedControl
          mb="md"
          size="lg"
          fullWidth
          maw={480}
          aria-label={t('followUps.page.show')}
          value={show}
          onChange={(v) => setShow(v as Show)}
          data={[
            { value: 'mine', label: t('followUps.page.mine') },
            { value: 'all', label: t('followUps.page.all') },
          ]}
        />
      )}
      {body}
      <MarkDoneDialog item={closing} onClose={() => setClosing(null)} />
    </>
  );
}

function FollowUpCard({ item, mayClose, onDone }: { item: FollowUp; mayClose: boolean; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const due = formatLocalDate(item.due_on, lng);
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid="follow-up"
      data-overdue={item.overdue ? '' : undefined}
      style={item.overdue ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
          {item.overdue ? (
            <Badge color="red" variant="filled" tt="none" style={{ flexShrink: 0 }}>
              {t('followUps.overdue')}
            </Badge>
          ) : (
            <Badge
              color={item.status === 'open' ? 'blue' : 'gray'}
              variant="light"
              tt="none"
              style={{ flexShrink: 0 }}
            >
              {t(`followUps.status.${item.status}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm" c={item.overdue ? 'red.7' : undefined} fw={item.overdue ? 600 : undefined}>
          {t('followUps.page.due', { date: due })}
        </Text>
        <Text size="sm" c="dimmed">
          {[item.unit.code, item.standard, t('followUps.page.owner', { name: item.owner.name })].join(' · ')}
        </Text>
        {item.note && (
          <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {item.note}
          </Text>
        )}
        {item.done_note && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600} size="sm">
              {t('followUps.page.doneNote')}:
            </Text>{' '}
            {item.done_note}
          </Text>
        )}
        <Group gap="sm" mt={4} wrap="wrap">
          <Anchor
            component={Link}
            to={`/audits/${item.audit_id}`}
            size="sm"
            style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center' }}
          >
            {t('followUps.page.openAudit')}
          </Anchor>
          {item.status === 'open' && mayClose && (
            <Button
              size="md"
              h={44}
              color="teal"
              leftSection={<IconCheck size={18} aria-hidden />}
              onClick={onDone}
              aria-label={t('followUps.page.markDoneFor', { title: item.title })}
              data-testid="mark-done"
            >
              {t('followUps.page.markDone')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function MarkDoneDialog({ item, onClose }: { item: FollowUp | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const update = useUpdateFollowUp();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setNote('');
    setError(null);
    onClose();
  };
  const confirm = () => {
    if (!item) return;
    update.mutate(
      { id: item.id, status: 'done', ...(note.trim() ? { done_note: note.trim() } : {}) },
      { onSuccess: close, onError: (e) => setError(errorText(e)) },
    );
  };
  return (
    <Modal opened={item !== null} onClose={close} title={t('followUps.page.markDone')} centered>
      <Stack gap="sm">
        {item && <Text size="sm">{item.title}</Text>}
        <Textarea
          label={t('followUps.page.doneNoteLabel')}
          value={note}
          maxLength={2000}
          autosize
          minRows={3}
          size="md"
          onChange={(e) => setNote(e.currentTarget.value)}
          data-autofocus
        />
        <FormErrorAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" size="md" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            size="md"
            color="teal"
            loading={update.isPending}
            onClick={confirm}
            data-testid="confirm-done"
          >
            {t('followUps.page.markDone')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
