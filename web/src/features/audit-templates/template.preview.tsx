import { useCallback, useState } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TemplateItem } from '../../../../src/contract/audit-template.schema';
import { AuditItemField } from '../audits/audit-item.field';
import type { Answer } from '../audits/offline-queue';
import { useSectionName } from './sections.editor';
import type { EditorState, ItemDraft } from './template-editor';
import '../audits/audits.css';

const asItem = (i: ItemDraft): TemplateItem => ({
  id: i.standard,
  standard: i.standard,
  standard_version: i.version,
  title: i.title,
  measure: i.measure,
});

const NO_PROBLEMS: never[] = [];

/**
 * The template as the auditor will see it: each section with its items as the audit form draws
 * them (the same component). Answers and comments stay on this page; nothing is sent.
 */
export function TemplatePreview({ state }: { state: EditorState }) {
  const { t } = useTranslation();
  const sectionName = useSectionName();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const onAnswer = useCallback(
    (id: string, a: Answer | null) =>
      setAnswers((prev) => {
        const next = { ...prev };
        if (a === null) delete next[id];
        else next[id] = a;
        return next;
      }),
    [],
  );
  const onComment = useCallback(() => undefined, []);
  const sections = state.sections.filter((s) => s.items.length > 0);
  return (
    <Stack gap="lg" data-testid="template-preview">
      <Text size="sm" c="dimmed">
        {t('auditTemplates.preview.intro')}
      </Text>
      {sections.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('auditTemplates.preview.empty')}
        </Text>
      ) : (
        sections.map((s) => (
          <Paper key={s.key} withBorder radius="md" p="sm" maw={560} component="section">
            <Title order={2} size="h4" mb="sm">
              {sectionName(s, state.sections.indexOf(s))}
            </Title>
            <Stack gap="md">
              {s.items.map((i) => (
                <AuditItemField
                  key={i.standard}
                  item={asItem(i)}
                  answer={answers[i.standard]}
                  comment={undefined}
                  problems={NO_PROBLEMS}
                  onAnswer={onAnswer}
                  onComment={onComment}
                />
              ))}
            </Stack>
          </Paper>
        ))
      )}
    </Stack>
  );
}
