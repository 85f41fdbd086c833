import { useEffect, useState } from 'react';
import {
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Proposal, ProposalChangeInput } from '../../../../src/contract/catalog.schema';
import { isApiError } from '../../api/api-error';
import { FormErrorAlert } from '../../components/form-error.alert';
import { useErrorText } from '../../i18n/error-text';
import { localDayStart } from '../grid/grid.queries';
import { changesOf, withChange } from './draft-changes';
import { useAmendProposal, useCreateProposal, useDraftProposals } from './standards.queries';

/**
 * Where an edited standard or calendar goes: the catalog itself never changes here. The change
 * joins a new proposal (a draft, with a title, a rationale and an effective date) or one of the
 * person's drafts; then the proposal's page opens. A draft saved by someone else meanwhile is not
 * overwritten: the server answers 409 and the person reloads.
 */
export function ProposalSaveDialog({
  opened,
  onClose,
  change,
  defaultTitle,
}: {
  opened: boolean;
  onClose: () => void;
  change: ProposalChangeInput | null;
  defaultTitle: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { errorText, issueText } = useErrorText();
  const drafts = useDraftProposals(opened);
  const create = useCreateProposal();
  const amend = useAmendProposal();
  const [mode, setMode] = useState<'new' | 'draft'>('new');
  const [title, setTitle] = useState(defaultTitle);
  const [rationale, setRationale] = useState('');
  const [effective, setEffective] = useState('');
  const [draftId, setDraftId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  useEffect(() => {
    if (opened) {
      setTitle(defaultTitle);
      setError(null);
      setConflict(false);
    }
  }, [opened, defaultTitle]);

  const draftItems = drafts.data?.items ?? [];
  const draft = draftItems.find((d) => d.id === draftId) ?? null;

  const failed = (e: unknown) => {
    if (isApiError(e) && (e.code === 'edit_conflict' || e.status === 409)) {
      setConflict(true);
      setError(t('standards.save.conflict'));
    } else if (isApiError(e) && e.issues.length > 0) {
      setError(e.issues.map((i) => `${i.path}: ${issueText(i)}`).join('\n'));
    } else setError(errorText(e));
  };
  const done = (p: Proposal) => {
    notifications.show({ color: 'teal', message: t('standards.save.saved', { number: p.number }) });
    onClose();
    void navigate(`/standards/proposals/${p.id}`);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!change) return;
    setError(null);
    setConflict(false);
    if (mode === 'new') {
      if (!title.trim()) return setError(t('standards.save.titleRequired'));
      create.mutate(
        {
          title: title.trim(),
          rationale,
          effective_from: effective ? localDayStart(effective) : null,
          changes: [change],
          submit: false,
        },
        { onSuccess: done, onError: failed },
      );
    } else {
      if (!draft) return setError(t('standards.save.pickDraft'));
      amend.mutate(
        {
          id: draft.id,
          revision: draft.revision,
          amend: (p) => ({ changes: withChange(changesOf(p), change) }),
        },
        { onSuccess: done, onError: failed },
      );
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('standards.save.title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="proposal-save">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('standards.save.intro')}
          </Text>
          <SegmentedControl
            fullWidth
            styles={{ label: { whiteSpace: 'normal' } }}
            value={mode}
            onChange={(v) => setMode(v as 'new' | 'draft')}
            data={[
              { value: 'new', label: t('standards.save.new') },
              {
                value: 'draft',
                label: t('standards.save.toDraft'),
                disabled: draftItems.length === 0,
              },
            ]}
            aria-label={t('standards.save.mode')}
          />
          {drafts.isSuccess && draftItems.length === 0 && (
            <Text size="xs" c="dimmed" mt={-8} data-testid="no-drafts-hint">
              {t('standards.save.noDraftsHint')}
            </Text>
          )}
          {mode === 'new' ? (
            <>
              <TextInput
                label={t('standards.save.proposalTitle')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                required
                maxLength={300}
                data-autofocus
              />
              <Textarea
                label={t('standards.save.rationale')}
                description={t('standards.save.rationaleHint')}
                value={rationale}
                onChange={(e) => setRationale(e.currentTarget.value)}
                autosize
                minRows={3}
              />
              <TextInput
                type="date"
                label={t('standards.save.effective')}
                description={t('standards.save.effectiveHint')}
                value={effective}
                onChange={(e) => setEffective(e.currentTarget.value)}
              />
            </>
          ) : (
            <Select
              label={t('standards.save.draft')}
              placeholder={t('standards.save.pickDraft')}
              data={draftItems.map((d) => ({
                value: d.id,
                label: t('standards.save.draftOption', { number: d.number, title: d.title }),
              }))}
              value={draftId}
              onChange={setDraftId}
              allowDeselect={false}
              nothingFoundMessage={t('standards.save.noDrafts')}
            />
          )}
          <FormErrorAlert message={error} />
          <Group justify="flex-end">
            {conflict && (
              <Button
                variant="light"
                onClick={() => {
                  setConflict(false);
                  setError(null);
                  void drafts.refetch();
                }}
              >
                {t('standards.save.reload')}
              </Button>
            )}
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || amend.isPending} disabled={!change}>
              {mode === 'new' ? t('standards.save.create') : t('standards.save.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
