import type { Dispatch, SetStateAction } from 'react';
import { ActionIcon, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocalText } from '../standards/standards-labels';
import { MeasureSummary } from './measure.summary';
import {
  itemKey,
  moveItem,
  moveSection,
  removeItem,
  removeSection,
  renameSection,
  type EditorState,
  type ItemDraft,
  type PlacedIssue,
  type PlacedIssues,
  type SectionDraft,
} from './template-editor';

type SetState = Dispatch<SetStateAction<EditorState>>;

/** A section's name for people: its title in the interface language, else "Section n". */
export function useSectionName() {
  const { t } = useTranslation();
  const { text } = useLocalText();
  return (s: SectionDraft, index: number) =>
    text({ ru: s.title.ru.trim() || undefined, en: s.title.en.trim() || undefined }) ||
    t('auditTemplates.editor.section', { n: index + 1 });
}

/** The sections in order: titles in both languages, up / down / remove, and their items. */
export function SectionsEditor({
  state,
  setState,
  issues,
  issueText,
}: {
  state: EditorState;
  setState: SetState;
  issues: PlacedIssues;
  issueText: (i: PlacedIssue) => string;
}) {
  const { t } = useTranslation();
  const sectionName = useSectionName();
  if (state.sections.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="no-sections">
        {t('auditTemplates.editor.noSections')}
      </Text>
    );
  const last = state.sections.length - 1;
  return (
    <Stack gap="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {state.sections.map((s, i) => {
        const name = sectionName(s, i);
        const problems = issues.sections[s.key];
        const headingId = `section-${s.key}`;
        return (
          <Card
            key={s.key}
            component="li"
            withBorder
            radius="md"
            padding="sm"
            aria-labelledby={headingId}
            data-testid="template-section"
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start" mb="xs">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Title order={3} size="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
                  {name}
                </Title>
                <Text size="xs" c="dimmed" ff="monospace">
                  {s.id}
                </Text>
              </Stack>
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  size="xl"
                  disabled={i === 0}
                  onClick={() => setState((st) => moveSection(st, s.key, -1))}
                  aria-label={t('auditTemplates.editor.sectionUp', { name })}
                >
                  <IconArrowUp size={20} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  size="xl"
                  disabled={i === last}
                  onClick={() => setState((st) => moveSection(st, s.key, 1))}
                  aria-label={t('auditTemplates.editor.sectionDown', { name })}
                >
                  <IconArrowDown size={20} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="xl"
                  onClick={() => setState((st) => removeSection(st, s.key))}
                  aria-label={t('auditTemplates.editor.sectionRemove', { name })}
                >
                  <IconTrash size={20} aria-hidden />
                </ActionIcon>
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mb="sm">
              <TextInput
                label={t('auditTemplates.editor.sectionTitleRu')}
                lang="ru"
                maxLength={300}
                value={s.title.ru}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setState((st) => renameSection(st, s.key, 'ru', v));
                }}
              />
              <TextInput
                label={t('auditTemplates.editor.sectionTitleEn')}
                lang="en"
                maxLength={300}
                value={s.title.en}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setState((st) => renameSection(st, s.key, 'en', v));
                }}
              />
            </SimpleGrid>
            {problems && (
              <Text c="red" size="sm" mb="xs" role="alert" data-testid="section-problem">
                {[...new Set(problems.map(issueText))].join(' ')}
              </Text>
            )}
            {s.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('auditTemplates.editor.noItems')}
              </Text>
            ) : (
              <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
                {s.items.map((item, j) => (
                  <ItemRow
                    key={item.standard}
                    item={item}
                    first={j === 0}
                    last={j === s.items.length - 1}
                    problems={[...new Set(issues.items[itemKey(s.key, item.standard)]?.map(issueText))]}
                    onMove={(by) => setState((st) => moveItem(st, s.key, item.standard, by))}
                    onRemove={() => setState((st) => removeItem(st, s.key, item.standard))}
                  />
                ))}
              </Stack>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}

function ItemRow({
  item,
  first,
  last,
  problems,
  onMove,
  onRemove,
}: {
  item: ItemDraft;
  first: boolean;
  last: boolean;
  problems: string[];
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { text } = useLocalText();
  const name = text(item.title, item.standard);
  return (
    <li
      className="template-item"
      data-testid={`template-item-${item.standard}`}
      data-problem={problems.length > 0 ? '' : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {name}{' '}
            <Text span size="xs" c="dimmed" ff="monospace">
              {item.standard}
            </Text>
          </Text>
          <MeasureSummary measure={item.measure} version={item.version} />
          {problems.length > 0 && (
            <Text c="red" size="sm" role="alert" data-testid="item-problem">
              {problems.join(' ')}
            </Text>
          )}
        </Stack>
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            size="xl"
            disabled={first}
            onClick={() => onMove(-1)}
            aria-label={t('auditTemplates.editor.itemUp', { name })}
          >
            <IconArrowUp size={18} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            size="xl"
            disabled={last}
            onClick={() => onMove(1)}
            aria-label={t('auditTemplates.editor.itemDown', { name })}
          >
            <IconArrowDown size={18} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            size="xl"
            onClick={onRemove}
            aria-label={t('auditTemplates.editor.itemRemove', { name })}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
    </li>
  );
}
