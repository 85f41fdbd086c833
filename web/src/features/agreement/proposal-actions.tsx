import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPencil, IconRocket, IconSend, IconArrowBackUp, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../src/contract/catalog.schema';
import { isApiError } from '../../api/api-error';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { FormErrorAlert } from '../../components/form-error.alert';
import { useErrorText } from '../../i18n/error-text';
import { localDayStart } from '../grid/grid.queries';
import { useDecide, useProposalAct, usePublishNow, useUpdateProposal } from './agreement.queries';

/** The server's answer as a sentence; an edit made on an old revision says so plainly. */
export function useProposalErrorText() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  return (e: unknown) =>
    isApiError(e) && e.code === 'edit_conflict' ? t('agreement.editConflict') : errorText(e);
}

/** An ISO instant as the reader's local `YYYY-MM-DD`, for a date field. */
export function toLocalDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Title, rationale and effective date, edited in place. */
export function ProposalEditForm({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const { t } = useTranslation();
  const errorText = useProposalErrorText();
  const update = useUpdateProposal(proposal.id);
  const [title, setTitle] = useState(proposal.title);
  const [rationale, setRationale] = useState(proposal.rationale);
  const [date, setDate] = useState(toLocalDate(proposal.effective_from));
  const [error, setError] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const save = () => {
    if (!title.trim()) {
      setTitleError(t('agreement.edit.titleRequired'));
      return;
    }
    setTitleError(null);
    setError(null);
    update.mutate(
      {
        revision: proposal.revision,
        title: title.trim(),
        rationale,
        effective_from: date ? localDayStart(date) : null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('agreement.edit.saved') });
          onDone();
        },
        onError: (e) => {
          setConflict(isApiError(e) && e.code === 'edit_conflict');
          setError(errorText(e));
        },
      },
    );
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      noValidate
      data-testid="proposal-edit-form"
    >
      <Stack gap="sm">
        <TextInput
          label={t('agreement.edit.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={titleError}
          required
          maxLength={300}
        />
        <Textarea
          label={t('agreement.edit.rationale')}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={14}
        />
        <TextInput
          type="date"
          label={t('agreement.edit.effective')}
          description={t('agreement.edit.effectiveHint')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          w={220}
        />
        <FormErrorAlert message={error} />
        <Group justify="flex-end">
          {conflict && (
            <Button variant="light" color="orange" onClick={onDone} data-testid="reload-proposal">
              {t('agreement.edit.reload')}
            </Button>
          )}
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={conflict}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type Dialog = null | 'withdraw' | 'publish' | 'approve' | 'reject';

/** Only the buttons the server says the reader may use now (`can`), each with its dialog. */
export function ProposalActions({ proposal, onEdit }: { proposal: Proposal; onEdit: () => void }) {
  const { t } = useTranslation();
  const errorText = useProposalErrorText();
  const act = useProposalAct(proposal.id);
  const decide = useDecide(proposal.id);
  const publish = usePublishNow(proposal.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const can = proposal.can;

  const open = (d: Dialog) => {
    setError(null);
    setCommentError(null);
    setComment('');
    setDialog(d);
  };
  const close = () => setDialog(null);
  const done = (message: string) => {
    close();
    notifications.show({ color: 'teal', message });
  };

  const submit = () => {
    setError(null);
    act.mutate(
      { action: 'submit', revision: proposal.revision },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('agreement.actions.submitted') }),
        onError: (e) => notifications.show({ color: 'red', message: errorText(e) }),
      },
    );
  };

  const sendDecision = () => {
    if (dialog !== 'approve' && dialog !== 'reject') return;
    if (dialog === 'reject' && !comment.trim()) {
      setCommentError(t('agreement.actions.reasonRequired'));
      return;
    }
    decide.mutate(
      { decision: dialog, comment: comment.trim() },
      {
        onSuccess: () =>
          done(dialog === 'approve' ? t('agreement.actions.approved') : t('agreement.actions.rejected')),
        onError: (e) => setError(errorText(e)),
      },
    );
  };

  const any = can.edit || can.submit || can.withdraw || can.decide.length > 0 || can.publish_now;
  if (!any) return null;

  return (
    <>
      <Group gap="xs" data-testid="proposal-actions">
        {can.decide.length > 0 && (
          <>
            <Button
              color="teal"
              leftSection={<IconCheck size={16} aria-hidden />}
              onClick={() => open('approve')}
              data-testid="approve"
            >
              {t('agreement.actions.approve')}
            </Button>
            <Button
              color="red"
              variant="light"
              leftSection={<IconX size={16} aria-hidden />}
              onClick={() => open('reject')}
              data-testid="reject"
            >
              {t('agreement.actions.reject')}
            </Button>
          </>
        )}
        {can.submit && (
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            onClick={submit}
            loading={act.isPending}
            data-testid="submit"
          >
            {t('agreement.actions.submit')}
          </Button>
        )}
        {can.edit && (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={onEdit}
            data-testid="edit"
          >
            {t('agreement.actions.edit')}
          </Button>
        )}
        {can.withdraw && (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconArrowBackUp size={16} aria-hidden />}
            onClick={() => open('withdraw')}
            data-testid="withdraw"
          >
            {t('agreement.actions.withdraw')}
          </Button>
        )}
        {can.publish_now && (
          <Button
            variant="light"
            color="grape"
            leftSection={<IconRocket size={16} aria-hidden />}
            onClick={() => open('publish')}
            data-testid="publish-now"
          >
            {t('agreement.actions.publishNow')}
          </Button>
        )}
      </Group>

      <Modal
        opened={dialog === 'approve' || dialog === 'reject'}
        onClose={close}
        title={dialog === 'reject' ? t('agreement.actions.rejectTitle') : t('agreement.actions.approveTitle')}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            sendDecision();
          }}
          noValidate
          data-testid="decide-form"
        >
          <Stack>
            <Text size="sm">
              {t('agreement.actions.decideAbout', { number: proposal.number, title: proposal.title })}
            </Text>
            <Textarea
              label={dialog === 'reject' ? t('agreement.actions.reason') : t('agreement.actions.comment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              error={commentError}
              required={dialog === 'reject'}
              autosize
              minRows={3}
              data-autofocus
            />
            <FormErrorAlert message={error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color={dialog === 'reject' ? 'red' : 'teal'} loading={decide.isPending}>
                {dialog === 'reject' ? t('agreement.actions.reject') : t('agreement.actions.approve')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <ConfirmDialog
        opened={dialog === 'withdraw'}
        title={t('agreement.actions.withdrawTitle', { number: proposal.number })}
        body={t('agreement.actions.withdrawBody')}
        confirmLabel={t('agreement.actions.withdraw')}
        loading={act.isPending}
        error={error}
        onClose={close}
        onConfirm={() =>
          act.mutate(
            { action: 'withdraw', revision: proposal.revision },
            {
              onSuccess: () => done(t('agreement.actions.withdrawn')),
              onError: (e) => setError(errorText(e)),
            },
          )
        }
      />
      <ConfirmDialog
        opened={dialog === 'publish'}
        title={t('agreement.actions.publishTitle', { number: proposal.number })}
        body={t('agreement.actions.publishBody')}
        confirmLabel={t('agreement.actions.publishNow')}
        color="grape"
        loading={publish.isPending}
        error={error}
        onClose={close}
        onConfirm={() =>
          publish.mutate(
            { revision: proposal.revision },
            {
              onSuccess: () => done(t('agreement.actions.published')),
              onError: (e) => setError(errorText(e)),
            },
          )
        }
      />
    </>
  );
}
