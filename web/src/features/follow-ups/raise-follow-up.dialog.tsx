import { useEffect, useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { FormErrorAlert } from '../../components/form-error.alert';
import { useErrorText } from '../../i18n/error-text';
import { addDays, defaultOwner, localToday } from './follow-ups.logic';
import { useFollowUpOwners, useRaiseFollowUp } from './follow-ups.queries';

export interface RaiseTarget {
  itemId: string;
  /** The item's title and its verdict in words: the suggested title. */
  itemTitle: string;
  says: string;
}

/**
 * "Raise follow-up" from a failed item: the owner (the unit's head suggested), the due date (a week
 * from today) and the title already filled in — one click opens it, one confirms.
 */
export function RaiseFollowUpDialog({
  auditId,
  selfId,
  target,
  onClose,
}: {
  auditId: string;
  selfId: string;
  target: RaiseTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const owners = useFollowUpOwners(auditId, target !== null);
  const raise = useRaiseFollowUp(auditId);
  const [owner, setOwner] = useState<string | null>(null);
  const [dueOn, setDueOn] = useState(() => addDays(localToday(), 7));
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!target) return;
    setTitle(`${target.itemTitle}: ${target.says}`.slice(0, 200));
    setDueOn(addDays(localToday(), 7));
    setNote('');
    setError(null);
    raise.reset();
    // Only when another item is opened.
  }, [target?.itemId]);
  useEffect(() => {
    if (owners.data && owner === null) setOwner(defaultOwner(owners.data.items, selfId));
  }, [owners.data, owner, selfId]);

  const confirm = () => {
    if (!target || !owner) return;
    setError(null);
    raise.mutate(
      {
        item: target.itemId,
        owner,
        due_on: dueOn,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: onClose,
        onError: (e) => {
          const code = isApiError(e) ? e.issues[0]?.code : undefined;
          if (code === 'not_submitted') setError(t('followUps.raise.problem.not_submitted'));
          else if (code === 'not_failed') setError(t('followUps.raise.problem.not_failed'));
          else if (code === 'unknown_owner') setError(t('followUps.raise.problem.unknown_owner'));
          else setError(errorText(e));
        },
      },
    );
  };

  return (
    <Modal opened={target !== null} onClose={onClose} title={t('followUps.raise.title')} centered>
      <Stack gap="sm">
        {target && (
          <Text size="sm" c="dimmed">
            {target.itemTitle}
          </Text>
        )}
        <Select
          label={t('followUps.raise.owner')}
          data={(owners.data?.items ?? []).map((o) => ({
            value: o.id,
            label: `${o.name} · ${t(`roles.${o.role}`, { defaultValue: o.role })}`,
          }))}
          value={owner}
          onChange={setOwner}
          searchable
          required
          size="md"
          disabled={owners.isPending}
          placeholder={owners.isPending ? t('common.loading') : undefined}
          data-testid="follow-up-owner"
        />
        <TextInput
          type="date"
          label={t('followUps.raise.dueOn')}
          value={dueOn}
          min={localToday()}
          onChange={(e) => setDueOn(e.currentTarget.value)}
          required
          size="md"
        />
        <TextInput
          label={t('followUps.raise.titleLabel')}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.currentTarget.value)}
          size="md"
        />
        <Textarea
          label={t('followUps.raise.note')}
          value={note}
          maxLength={2000}
          autosize
          minRows={2}
          onChange={(e) => setNote(e.currentTarget.value)}
          size="md"
        />
        <FormErrorAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" size="md" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            size="md"
            onClick={confirm}
            loading={raise.isPending}
            disabled={!owner || !dueOn}
            data-autofocus
            data-testid="confirm-follow-up"
          >
            {t('followUps.raise.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
