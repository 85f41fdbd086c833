import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconEyeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CalibrationAnswersInput, CalibrationDetail } from '../../../../src/contract/calibration.schema';
import { isApiError } from '../../api/api-error';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { LoadError, LoadingRows } from '../../components/query-states';
import { useDocumentTitle } from '../../components/use-document-title';
import { useErrorText } from '../../i18n/error-text';
import { useFormat } from '../../i18n/use-format';
import { useTemplateTitle } from '../audits/audit-badges';
import { AuditItemField } from '../audits/audit-item.field';
import type { ItemProblem } from '../audits/answers';
import type { Answer } from '../audits/offline-queue';
import { CalibrationResultsView } from './calibration-results';
import {
  useCalibrationSession,
  useRevealCalibration,
  useSaveCalibrationAnswers,
  useSubmitCalibration,
} from './calibration.queries';
import { cell, incompleteSubjects, issuesBySubject, progressOf, withCell } from './calibration-view';
import '../audits/audits.css';
import './calibration.css';

/** `/calibration/:id`: judge (participants, until they submit), who has submitted, reveal (creator), results. */
export function CalibrationSessionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useCalibrationSession(id);

  let body;
  if (session.isPending) body = <LoadingRows rows={4} height={96} />;
  else if (session.isError) body = <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  else body = <SessionBody key={session.data.id} detail={session.data} />;

  return (
    <Stack gap="md" maw={960}>
      <Anchor
        component={Link}
        to="/calibration"
        size="sm"
        style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center', gap: 4 }}
      >
        <IconArrowLeft size={16} aria-hidden />
        {t('calibration.session.back')}
      </Anchor>
      {body}
    </Stack>
  );
}

function SessionBody({ detail }: { detail: CalibrationDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const templateTitle = useTemplateTitle();
  useDocumentTitle(detail.title);
  const judging = detail.status === 'open' && detail.me.participant && detail.me.submitted_at === null;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {detail.title}
        </Title>
        <Text size="sm" c="dimmed">
          {templateTitle(detail.template.title, detail.template.code)} · v{detail.template.version}
        </Text>
        <Group gap={6}>
          <Badge variant="light" color={detail.status === 'open' ? 'yellow' : 'teal'} tt="none">
            {t(`calibration.status.${detail.status}`)}
          </Badge>
          {detail.revealed_at && (
            <Text size="xs" c="dimmed">
              {t('calibration.session.revealed', { when: dateTime(detail.revealed_at) })}
            </Text>
          )}
        </Group>
      </Stack>
      {detail.status === 'open' && (
        <Alert variant="light" color="gray" icon={<IconEyeOff size={18} aria-hidden />}>
          {t('calibration.session.blind')}
        </Alert>
      )}
      {judging && <JudgeForm detail={detail} />}
      {detail.status === 'open' && detail.me.participant && detail.me.submitted_at !== null && (
        <Alert
          variant="light"
          color="blue"
          icon={<IconCheck size={18} aria-hidden />}
          data-testid="you-submitted"
        >
          {t('calibration.session.youSubmitted', { when: dateTime(detail.me.submitted_at) })}
        </Alert>
      )}
      {detail.status === 'open' && !detail.me.participant && (
        <Text size="sm" c="dimmed">
          {t('calibration.session.notParticipant')}
        </Text>
      )}
      {detail.status === 'open' && <WhoSubmitted detail={detail} />}
      {detail.results && <CalibrationResultsView detail={detail} results={detail.results} />}
    </Stack>
  );
}

function WhoSubmitted({ detail }: { detail: CalibrationDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { errorText } = useErrorText();
  const reveal = useRevealCalibration(detail.id);
  const [confirming, setConfirming] = useState(false);
  const submitted = detail.participant_list.filter((p) => p.submitted_at !== null).length;
  return (
    <Paper withBorder radius="md" p="sm">
      <Title order={2} size="h4" mb="xs" id="who-submitted">
        {t('calibration.session.who')}
      </Title>
      <List spacing={4} aria-labelledby="who-submitted" data-testid="who-submitted">
        {detail.participant_list.map((p) => (
          <List.Item key={p.user_id} data-submitted={p.submitted_at ? '' : undefined}>
            <Text span fw={500}>
              {p.name}
            </Text>{' '}
            <Text span size="sm" c={p.submitted_at ? 'teal' : 'dimmed'}>
              —{' '}
              {p.submitted_at
                ? t('calibration.session.submittedAt', { when: dateTime(p.submitted_at) })
                : t('calibration.session.notYet')}
            </Text>
          </List.Item>
        ))}
      </List>
      {detail.can_reveal && (
        <Stack gap={4} mt="md">
          <Button
            size="md"
            h={44}
            disabled={submitted < 2}
            onClick={() => setConfirming(true)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('calibration.session.reveal')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('calibration.session.revealHint')}
          </Text>
          <ConfirmDialog
            opened={confirming}
            title={t('calibration.session.reveal')}
            body={t('calibration.session.revealConfirm', {
              submitted,
              count: detail.participant_list.length,
            })}
            confirmLabel={t('calibration.session.reveal')}
            loading={reveal.isPending}
            error={reveal.isError ? errorText(reveal.error) : null}
            onConfirm={() => reveal.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            onClose={() => {
              setConfirming(false);
              reveal.reset();
            }}
          />
        </Stack>
      )}
    </Paper>
  );
}

/**
 * The participant's form: one tab per subject, the template's items with the audits' answer
 * controls. Every answer is saved at once; comments after a pause in typing.
 */
function JudgeForm({ detail }: { detail: CalibrationDetail }) {
  const { t } = useTranslation();
  const { errorText, issueText } = useErrorText();
  const save = useSaveCalibrationAnswers(detail.id);
  const submit = useSubmitCalibration(detail.id);
  const [answers, setAnswers] = useState(detail.my_answers);
  const [subject, setSubject] = useState<string | null>(detail.subject_list[0]?.id ?? null);
  // Saves go one after another, so two quick answers to one item arrive in the order given.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const send = useRef<(body: CalibrationAnswersInput) => Promise<unknown>>(() => chain.current);
  send.current = (body: CalibrationAnswersInput) => {
    chain.current = chain.current.then(() => save.mutateAsync(body).catch(() => undefined));
    return chain.current;
  };
  // Comments wait for a pause in typing; leaving the page or submitting sends what waits.
  const pending = useRef(new Map<string, { handle: number; body: CalibrationAnswersInput }>());
  const flush = useRef(() => {
    for (const { handle, body } of pending.current.values()) {
      window.clearTimeout(handle);
      void send.current(body);
    }
    pending.current.clear();
    return chain.current;
  });
  useEffect(() => () => void flush.current(), []);

  const onAnswer = useCallback((subjectId: string, itemId: string, answer: Answer | null) => {
    setAnswers((all) => withCell(all, subjectId, itemId, answer ?? undefined));
    void send.current({ answers: { [subjectId]: { [itemId]: answer } } });
  }, []);
  const onComment = useCallback((subjectId: string, itemId: string, text: string) => {
    const key = `${subjectId}\u0000${itemId}`;
    const waiting = pending.current.get(key);
    if (waiting !== undefined) window.clearTimeout(waiting.handle);
    const body = { answers: {}, comments: { [subjectId]: { [itemId]: text.trim() ? text : null } } };
    pending.current.set(key, {
      body,
      handle: window.setTimeout(() => {
        pending.current.delete(key);
        void send.current(body);
      }, 600),
    });
  }, []);

  const progress = progressOf(detail, answers);
  const open = incompleteSubjects(detail, answers);
  const submitIssues = submit.isError && isApiError(submit.error) ? submit.error.issues : [];
  const saveIssues = save.isError && isApiError(save.error) ? save.error.issues : [];
  const problems = issuesBySubject([...submitIssues, ...saveIssues]);
  const current = detail.subject_list.find((s) => s.id === subject);

  return (
    <Stack gap="sm" data-testid="calibration-judge">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500} data-testid="calibration-progress">
          {t('calibration.session.progress', progress)}
        </Text>
        <Text size="xs" c={save.isError ? 'red' : 'dimmed'} role="status">
          {save.isPending
            ? t('calibration.session.saving')
            : save.isError
              ? t('calibration.session.saveFailed', {
                  message: [errorText(save.error), ...saveIssues.map(issueText)].join(' '),
                })
              : save.isSuccess
                ? t('calibration.session.saved')
                : ''}
        </Text>
      </Group>
      <Tabs value={subject} onChange={setSubject} keepMounted={false}>
        <Tabs.List aria-label={t('calibration.session.subjectsLabel')} className="calibration-tabs">
          {detail.subject_list.map((s) => (
            <Tabs.Tab key={s.id} value={s.id} data-testid={`subject-tab-${s.id}`}>
              {s.label}
              {open.has(s.id) && (
                <Text span c="orange" ml={4} aria-label={t('calibration.session.incomplete')}>
                  •
                </Text>
              )}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {current && (
        <Paper withBorder radius="md" p="sm" data-testid={`subject-${current.id}`}>
          <Title order={2} size="h4">
            {current.label}
          </Title>
          {current.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
              {current.description}
            </Text>
          )}
          {current.interaction_id && (
            <Text size="xs" c="dimmed">
              {t('calibration.session.interaction', { id: current.interaction_id })}
            </Text>
          )}
          <Stack gap="md" mt="md">
            {detail.sections.flatMap((section) =>
              section.items.map((item) => {
                const found = problems.get(current.id)?.get(item.id) ?? [];
                const itemProblems: ItemProblem[] = found.map((p) => ({
                  itemId: item.id,
                  code: p.code,
                  comment: false,
                  message: p.message,
                }));
                return (
                  <AuditItemField
                    key={`${current.id}:${item.id}`}
                    item={item}
                    answer={cell(answers, current.id, item.id)}
                    comment={cell(detail.my_comments, current.id, item.id)}
                    problems={itemProblems}
                    onAnswer={(itemId, a) => onAnswer(current.id, itemId, a)}
                    onComment={(itemId, text) => onComment(current.id, itemId, text)}
                  />
                );
              }),
            )}
          </Stack>
        </Paper>
      )}
      {submitIssues.length > 0 && (
        <Alert color="red" variant="light" role="alert" data-testid="calibration-missing">
          {t('calibration.session.missing', { count: submitIssues.length })}
        </Alert>
      )}
      {submit.isError && !isApiError(submit.error) && (
        <Alert color="red" variant="light" role="alert">
          {errorText(submit.error)}
        </Alert>
      )}
      <Stack gap={4}>
        <Button
          size="md"
          h={48}
          onClick={() => {
            const first = [...open][0];
            void flush.current().then(() =>
              submit.mutate(undefined, {
                onError: () => {
                  if (first) setSubject(first);
                },
              }),
            );
          }}
          loading={submit.isPending}
          disabled={save.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('calibration.session.submit')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('calibration.session.submitHint')}
        </Text>
      </Stack>
    </Stack>
  );
}
