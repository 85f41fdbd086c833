import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  IconAlertTriangle,
  IconCheck,
  IconChevronLeft,
  IconChevronRight,
  IconCloudOff,
  IconSend,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditDetail } from '../../../../src/contract/audits.schema';
import { isApiError } from '../../api/api-error';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { useErrorText } from '../../i18n/error-text';
import { pickText } from '../standards/standards-labels';
import { itemProblems, problemsByItem, remainingProblems, type ItemProblem } from './answers';
import { AuditItemField, useProblemText } from './audit-item.field';
import { AUDITS_KEY, auditKey, submitAudit } from './audits.queries';
import type { Answer } from './offline-queue';
import {
  clampSection,
  firstSectionWithItems,
  hasNext,
  hasPrevious,
  nextSection,
  overallProgress,
  previousSection,
  sectionOfItem,
  sectionProgress,
} from './sections';
import { useAuditDraft, type SaveStatus } from './use-audit-draft';

/** "Saved" / "Saving…" / "Offline — will send when back" / "Not saved", announced politely. */
function SaveState({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t } = useTranslation();
  const look = {
    saved: { color: 'teal', icon: <IconCheck size={14} aria-hidden /> },
    saving: { color: 'blue', icon: <Loader size={12} color="blue" aria-hidden /> },
    offline: { color: 'orange', icon: <IconCloudOff size={14} aria-hidden /> },
    error: { color: 'red', icon: <IconAlertTriangle size={14} aria-hidden /> },
  }[status];
  return (
    <Group gap={6} role="status" aria-live="polite" data-testid="save-status" data-status={status}>
      <Badge color={look.color} variant="light" tt="none" size="lg" leftSection={look.icon}>
        {t(`audits.save.${status}`)}
      </Badge>
      {status === 'error' && (
        <Button size="sm" h={44} variant="subtle" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Group>
  );
}

interface SubmitProblems {
  items: ItemProblem[];
  rest: string[];
  answersThen: Record<string, Answer>;
}

/**
 * A draft audit, one section per screen: the section stepper, the items of the current section,
 * previous / next, and on the last section "Submit". Answers save as they are given (and wait in
 * the browser while offline).
 */
export function AuditForm({ audit }: { audit: AuditDetail }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const { errorText } = useErrorText();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const draft = useAuditDraft(audit);
  const sections = audit.sections;
  const [index, setIndexState] = useState(0);
  const current = clampSection(index, sections.length);
  const section = sections[current];
  const progress = sectionProgress(sections, draft.values.answers);
  const answeredShare = overallProgress(progress);
  const [problems, setProblems] = useState<SubmitProblems | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [flushing, setFlushing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  /** What to focus once the section shown has changed: its heading, an item, or the problem list. */
  /** Bumped to render (and so focus) even when the section shown stays the same. */
  const [, setFocusTick] = useState(0);
  const focusNext = useRef<{ kind: 'heading' } | { kind: 'item'; id: string } | { kind: 'problems' } | null>(
    null,
  );

  const standing = useMemo(
    () => (problems ? remainingProblems(problems.items, problems.answersThen, draft.values.answers) : []),
    [problems, draft.values.answers],
  );
  const byItem = useMemo(() => problemsByItem([...standing, ...draft.refused]), [standing, draft.refused]);
  const sectionHasProblem = (i: number) => sections[i]?.items.some((it) => byItem.has(it.id)) ?? false;

  const titleOf = (itemId: string) => {
    const item = sections.flatMap((s) => s.items).find((it) => it.id === itemId);
    return item ? pickText(item.title, lng, item.standard) : itemId;
  };
  const sectionTitle = (i: number) => {
    const s = sections[i];
    if (!s) return '';
    const title = s.title ? pickText({ ru: s.title.ru ?? undefined, en: s.title.en ?? undefined }, lng) : '';
    return title || s.id;
  };

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (!target) return;
    if (target.kind === 'heading') {
      window.scrollTo({ top: 0 });
      headingRef.current?.focus({ preventScroll: true });
    } else if (target.kind === 'problems') {
      problemsRef.current?.scrollIntoView({ block: 'start' });
      problemsRef.current?.focus({ preventScroll: true });
    } else {
      const el = document.getElementById(`item-${target.id}`);
      el?.scrollIntoView({ block: 'start' });
      el?.focus({ preventScroll: true });
    }
  });

  const goTo = (i: number) => {
    focusNext.current = { kind: 'heading' };
    setIndexState(clampSection(i, sections.length));
    setFocusTick((n) => n + 1);
  };
  const goToItem = (itemId: string) => {
    const s = sectionOfItem(sections, itemId);
    if (s < 0) return;
    focusNext.current = { kind: 'item', id: itemId };
    setIndexState(s);
    setFocusTick((n) => n + 1);
  };

  const submit = useMutation({
    mutationFn: () => submitAudit(audit.id),
    onSuccess: (done) => {
      setProblems(null);
      queryClient.setQueryData(auditKey(audit.id), done);
      void queryClient.invalidateQueries({ queryKey: [...AUDITS_KEY, 'list'] });
      window.scrollTo({ top: 0 });
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'validation_failed') {
        const found = itemProblems(e.issues);
        if (found.items.length > 0 || found.rest.length > 0) {
          setProblems({ ...found, answersThen: draft.values.answers });
          const first = firstSectionWithItems(
            sections,
            found.items.map((p) => p.itemId),
          );
          focusNext.current = { kind: 'problems' };
          if (first >= 0) setIndexState(first);
          return;
        }
      }
      setSubmitError(errorText(e));
    },
  });

  const startSubmit = async () => {
    setConfirming(false);
    setSubmitError(null);
    setFlushing(true);
    const sent = await draft.flush();
    setFlushing(false);
    if (!sent) {
      setSubmitError(draft.online ? t('audits.form.saveFirst') : t('audits.form.offlineSubmit'));
      return;
    }
    submit.mutate();
  };

  if (!section) return null;
  const last = !hasNext(current, sections.length);
  const sectionProgressNow = progress[current]!;

  return (
    <Stack gap="md" pb={0}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <SaveState status={draft.status} onRetry={() => void draft.flush()} />
        <Text size="sm" c="dimmed" data-testid="answered-count">
          {t('audits.form.answered', {
            answered: progress.reduce((n, p) => n + p.answered, 0),
            total: progress.reduce((n, p) => n + p.total, 0),
          })}
        </Text>
      </Group>
      <Progress value={answeredShare * 100} size="sm" aria-label={t('audits.form.progress')} />
      {!draft.online && (
        <Alert color="orange" variant="light" icon={<IconCloudOff aria-hidden />} data-testid="offline-note">
          {t('audits.form.offlineNote')}
        </Alert>
      )}

      <nav aria-label={t('audits.form.sections')}>
        <ol className="audit-steps">
          {sections.map((s, i) => {
            const p = progress[i]!;
            return (
              <li key={s.id}>
                <button
                  type="button"
                  className="audit-step"
                  aria-current={i === current ? 'step' : undefined}
                  data-complete={p.complete ? '' : undefined}
                  data-problem={sectionHasProblem(i) ? '' : undefined}
                  aria-label={t('audits.form.stepLabel', {
                    n: i + 1,
                    title: sectionTitle(i),
                    answered: p.answered,
                    total: p.total,
                  })}
                  onClick={() => goTo(i)}
                  data-testid="section-step"
                >
                  <span aria-hidden>{i + 1}.</span>
                  <span aria-hidden>{sectionTitle(i)}</span>
                  <span className="audit-step-count" aria-hidden>
                    {p.complete ? <IconCheck size={14} /> : `${p.answered}/${p.total}`}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      {problems && (standing.length > 0 || problems.rest.length > 0) && (
        <Alert
          ref={problemsRef}
          tabIndex={-1}
          color="red"
          variant="light"
          title={t('audits.form.problemsTitle')}
          icon={<IconAlertTriangle aria-hidden />}
          data-testid="submit-problems"
        >
          <Stack gap={4}>
            <Text size="sm">{t('audits.form.problemsIntro')}</Text>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {standing.map((p) => (
                <li key={`${p.itemId}-${p.code}-${p.comment}`}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => goToItem(p.itemId)}
                    style={{ minHeight: 44, textAlign: 'start' }}
                  >
                    {titleOf(p.itemId)}
                  </Anchor>
                  <Text span size="sm">
                    {' — '}
                    {problemText(p)}
                  </Text>
                </li>
              ))}
              {problems.rest.map((r) => (
                <li key={r}>
                  <Text span size="sm">
                    {r}
                  </Text>
                </li>
              ))}
            </ul>
          </Stack>
        </Alert>
      )}
      {draft.refused.length > 0 && (
        <Alert color="red" variant="light" title={t('audits.form.refusedTitle')} data-testid="refused">
          <Text size="sm">
            {draft.refused.map((p) => `${titleOf(p.itemId)} — ${problemText(p)}`).join('; ')}
          </Text>
        </Alert>
      )}

      <section aria-labelledby="audit-section-title">
        <Text size="sm" c="dimmed">
          {t('audits.form.sectionOf', { n: current + 1, total: sections.length })} ·{' '}
          {t('audits.form.sectionAnswered', {
            answered: sectionProgressNow.answered,
            total: sectionProgressNow.total,
          })}
        </Text>
        <Title order={2} size="h3" id="audit-section-title" ref={headingRef} tabIndex={-1} mb="sm">
          {sectionTitle(current)}
        </Title>
        <Stack gap="md">
          {section.items.map((item) => (
            <AuditItemField
              key={item.id}
              item={item}
              answer={draft.values.answers[item.id]}
              comment={draft.values.comments[item.id]}
              problems={byItem.get(item.id) ?? []}
              onAnswer={draft.setAnswer}
              onComment={draft.setComment}
              auditId={audit.id}
              online={draft.online}
            />
          ))}
        </Stack>
      </section>

      {submitError && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          icon={<IconAlertTriangle aria-hidden />}
          data-testid="submit-error"
        >
          {submitError}
        </Alert>
      )}

      <div className="audit-nav">
        <Group grow gap="sm" wrap="nowrap">
          <Button
            variant="default"
            size="lg"
            disabled={!hasPrevious(current)}
            leftSection={<IconChevronLeft size={20} aria-hidden />}
            onClick={() => goTo(previousSection(current, sections.length))}
          >
            {t('audits.form.previous')}
          </Button>
          {last ? (
            <Button
              size="lg"
              color="teal"
              leftSection={<IconSend size={20} aria-hidden />}
              loading={submit.isPending || flushing}
              disabled={!draft.online}
              onClick={() => setConfirming(true)}
              data-testid="submit-audit"
            >
              {t('audits.form.submit')}
            </Button>
          ) : (
            <Button
              size="lg"
              rightSection={<IconChevronRight size={20} aria-hidden />}
              onClick={() => goTo(nextSection(current, sections.length))}
            >
              {t('audits.form.next')}
            </Button>
          )}
        </Group>
      </div>

      <ConfirmDialog
        opened={confirming}
        title={t('audits.form.submitTitle')}
        body={
          answeredShare < 1
            ? `${t('audits.form.submitBody')} ${t('audits.form.submitIncomplete')}`
            : t('audits.form.submitBody')
        }
        confirmLabel={t('audits.form.submit')}
        color="teal"
        onConfirm={() => void startSubmit()}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
