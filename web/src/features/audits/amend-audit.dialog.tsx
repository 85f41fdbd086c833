import { useCallback, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AuditDetail } from '../../../../src/contract/audits.schema';
import { api } from '../../api/api-client';
import { isApiError } from '../../api/api-error';
import { useErrorText } from '../../i18n/error-text';
import { pickText } from '../standards/standards-labels';
import { itemProblems, problemsByItem, type ItemProblem } from './answers';
import type { Answer } from './offline-queue';
import { AuditItemField } from './audit-item.field';
import { amendmentPatch } from './amendment';
import { AUDITS_KEY, auditKey } from './audits.queries';

const NO_PROBLEMS: readonly ItemProblem[] = [];

/**
 * Correcting a submitted audit: the same answer controls, filled with what was submitted, and a
 * reason that is required. Only what changed is sent; the server scores the audit again and keeps
 * the answers before and after in its amendment history.
 */
export function AmendAuditDialog({
  audit,
  opened,
  onClose,
}: {
  audit: AuditDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const phone = useMediaQuery('(max-width: 36em)');
  const queryClient = useQueryClient();
  const { errorText } = useErrorText();
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => ({ ...audit.answers }));
  const [comments, setComments] = useState<Record<string, string>>(() => ({ ...audit.comments }));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ItemProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const patch = amendmentPatch(audit, answers, comments);

  const onAnswer = useCallback((itemId: string, answer: Answer | null) => {
    setAnswers((old) => {
      const next = { ...old };
      if (answer === null) delete next[itemId];
      else next[itemId] = answer;
      return next;
    });
  }, []);
  const onComment = useCallback((itemId: string, text: string) => {
    setComments((old) => ({ ...old, [itemId]: text }));
  }, []);

  const amend = useMutation({
    mutationFn: () =>
      api.post<AuditDetail>(`/audits/${audit.id}/amendments`, { ...patch!, reason: reason.trim() }),
    onSuccess: (done) => {
      queryClient.setQueryData(auditKey(audit.id), done);
      void queryClient.invalidateQueries({ queryKey: [...AUDITS_KEY, 'list'] });
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'validation_failed') {
        const found = itemProblems(e.issues);
        setProblems(found.items);
        const onReason = e.issues.find((i) => i.path === 'reason');
        if (onReason) setReasonError(onReason.message);
        if (found.items.length > 0 || onReason) return;
      }
      setError(errorText(e));
    },
  });

  const send = () => {
    setError(null);
    setReasonError(null);
    if (reason.trim() === '') {
      setReasonError(t('audits.amend.reasonRequired'));
      return;
    }
    amend.mutate();
  };
  const byItem = problemsByItem(problems);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      fullScreen={phone}
      size="lg"
      title={
        <Title order={2} size="h4">
          {t('audits.amend.title')}
        </Title>
      }
    >
      <Stack gap="md" data-testid="amend-dialog">
        <Text size="sm" c="dimmed">
          {t('audits.amend.intro')}
        </Text>
        {audit.sections.map((section) => (
          <Stack key={section.id} gap="sm">
            {section.title && (
              <Title order={3} size="h5">
                {pickText(
                  { ru: section.title.ru ?? undefined, en: section.title.en ?? undefined },
                  lng,
                  section.id,
                )}
              </Title>
            )}
            {section.items.map((item) => (
              <AuditItemField
                key={item.id}
                item={item}
                answer={answers[item.id]}
                comment={comments[item.id]}
                problems={byItem.get(item.id) ?? NO_PROBLEMS}
                onAnswer={onAnswer}
                onComment={onComment}
              />
            ))}
          </Stack>
        ))}
        <Textarea
          label={t('audits.amend.reason')}
          description={t('audits.amend.reasonHint')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          size="md"
          value={reason}
          error={reasonError}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setReasonError(null);
          }}
        />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" size="md" onClick={onClose}>
            {t('audits.amend.cancel')}
          </Button>
          <Button size="md" onClick={send} loading={amend.isPending} disabled={patch === null}>
            {t('audits.amend.save')}
          </Button>
        </Group>
        {patch === null && (
          <Text size="sm" c="dimmed" ta="right">
            {t('audits.amend.nothingChanged')}
          </Text>
        )}
      </Stack>
    </Modal>
  );
}
