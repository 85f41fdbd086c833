import { memo, useId, useState } from 'react';
import { Badge, Button, Group, Text, Textarea } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TemplateItem } from '../../../../src/contract/audit-template.schema';
import { pickText } from '../standards/standards-labels';
import { answerChoices, answerToValue, valueToAnswer, type AnswerChoice, type ItemProblem } from './answers';
import { ItemPhotosField } from './audit-photos';
import type { Answer } from './offline-queue';

/** The words on one answer button: the standard's label, else ours (yes / no / N/A / the point). */
export function useChoiceText() {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  return (c: AnswerChoice): { main: string; sub?: string } => {
    const own = c.label === undefined ? '' : pickText(c.label, lng);
    if (c.kind === 'point') return own ? { main: String(c.value), sub: own } : { main: String(c.value) };
    if (c.kind === 'na') return { main: t('audits.choices.na'), sub: t('audits.choices.naLong') };
    return { main: own || t(`audits.choices.${c.kind}`) };
  };
}

/** The problem the server named, in the interface language. */
export function useProblemText() {
  const { t } = useTranslation();
  return (p: ItemProblem) => {
    if (p.comment) return t('audits.problem.comment', { message: p.message });
    switch (p.code) {
      case 'unanswered':
      case 'na_not_allowed':
      case 'invalid_answer':
      case 'unknown_item':
        return t(`audits.problem.${p.code}`);
      default:
        return p.message;
    }
  };
}

/**
 * One item of the form: the standard's title as the legend of its group, the observer's guidance,
 * big answer buttons (native radio inputs), a comment, and with `auditId` its photos (which need a
 * connection: `online` says whether there is one).
 */
export const AuditItemField = memo(function AuditItemField({
  item,
  answer,
  comment,
  problems,
  onAnswer,
  onComment,
  auditId,
  online = true,
}: {
  item: TemplateItem;
  answer: Answer | undefined;
  comment: string | undefined;
  problems: readonly ItemProblem[];
  onAnswer: (itemId: string, answer: Answer | null) => void;
  onComment: (itemId: string, text: string) => void;
  auditId?: string | undefined;
  online?: boolean | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const choiceText = useChoiceText();
  const problemText = useProblemText();
  const uid = useId();
  const guidanceId = `${uid}-guidance`;
  const problemId = `${uid}-problem`;
  const m = item.measure;
  const choices = answerChoices(m);
  const value = answerToValue(answer);
  const title = pickText(item.title, lng, item.standard);
  const guidance = m.guidance === undefined ? '' : pickText(m.guidance, lng);
  // The comment field keeps what is typed (spaces included); the queue gets every change.
  const [text, setText] = useState(comment ?? '');
  const [commentOpen, setCommentOpen] = useState(!!comment);
  const binary = m.type === 'checklist' || (m.scale ?? 'yes_no') === 'yes_no';
  // Points with words ("4 — Warm") read best one per row on a phone; bare points side by side.
  const labelled = !binary && (m.labels?.length ?? 0) > 0;
  const rule =
    m.type === 'rating' && !binary && m.pass_min !== undefined
      ? t('audits.item.passesFrom', { n: m.pass_min })
      : null;
  const described = [guidance ? guidanceId : null, problems.length > 0 ? problemId : null]
    .filter(Boolean)
    .join(' ');

  return (
    <fieldset
      className="audit-item"
      id={`item-${item.id}`}
      data-testid={`item-${item.id}`}
      data-problem={problems.length > 0 ? '' : undefined}
      aria-describedby={described || undefined}
      tabIndex={-1}
    >
      <legend>{title}</legend>
      <Group gap={6} mb={4}>
        <Text size="xs" c="dimmed">
          {item.standard}
        </Text>
        {m.critical && (
          <Badge color="red" variant="light" size="sm" tt="none" title={t('audits.item.criticalHint')}>
            {t('audits.item.critical')}
          </Badge>
        )}
        {m.weight !== 1 && (
          <Badge color="gray" variant="light" size="sm" tt="none">
            {t('audits.item.weight', { value: m.weight })}
          </Badge>
        )}
        {rule && (
          <Text size="xs" c="dimmed">
            {rule}
          </Text>
        )}
      </Group>
      {guidance && (
        <Text id={guidanceId} size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
          {guidance}
        </Text>
      )}
      <div className="audit-choices" data-kind={binary ? 'binary' : labelled ? 'labelled' : 'scale'}>
        {choices.map((c) => {
          const v = String(c.value);
          const words = choiceText(c);
          const checked = value === v;
          return (
            <label
              key={v}
              className="audit-choice"
              data-checked={checked ? '' : undefined}
              data-passes={c.passes === null ? 'na' : String(c.passes)}
            >
              <input
                type="radio"
                name={`answer-${uid}`}
                value={v}
                checked={checked}
                onChange={(e) => onAnswer(item.id, valueToAnswer(e.currentTarget.value))}
              />
              <span className="audit-choice-main">{words.main}</span>
              {words.sub && <span className="audit-choice-sub">{words.sub}</span>}
            </label>
          );
        })}
      </div>
      {problems.length > 0 && (
        <Text id={problemId} c="red" size="sm" mt={6} role="status" data-testid="item-problem">
          {problems.map(problemText).join(' ')}
        </Text>
      )}
      {commentOpen ? (
        <Textarea
          mt="sm"
          label={t('audits.item.comment')}
          autosize
          minRows={2}
          maxLength={2000}
          size="md"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            onComment(item.id, e.currentTarget.value);
          }}
        />
      ) : (
        <Button
          mt="sm"
          variant="subtle"
          size="md"
          h={44}
          leftSection={<IconMessage size={18} aria-hidden />}
          onClick={() => setCommentOpen(true)}
          aria-label={t('audits.item.addCommentTo', { item: title })}
        >
          {t('audits.item.addComment')}
        </Button>
      )}
      {auditId && <ItemPhotosField auditId={auditId} itemId={item.id} label={title} online={online} />}
    </fieldset>
  );
});
