import { useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconRowInsertBottom } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { STANDARD_CATEGORIES, STANDARD_KINDS } from '../../../../src/contract/standards-file.schema';
import { LoadError, LoadingRows } from '../../components/query-states';
import { flattenTree } from '../grid/grid-labels';
import { useUnitTree } from '../grid/grid.queries';
import { UnitSelect } from '../grid/unit-select';
import { useLocalText } from '../standards/standards-labels';
import { useActiveStandards } from './audit-templates.queries';
import { MeasureSummary } from './measure.summary';
import { useSectionName } from './sections.editor';
import {
  addCategorySection,
  addItems,
  filterStandards,
  groupByCategory,
  observedStandards,
  usedCodes,
  type EditorState,
  type ObservedStandard,
  type StandardCategory,
} from './template-editor';

/**
 * The published observed standards, filtered by category, kind and unit and grouped by category:
 * "Add" puts one into the chosen section; "Add all as a section" makes a section of a category.
 */
export function StandardsPicker({
  state,
  setState,
  targetKey,
  setTarget,
}: {
  state: EditorState;
  setState: Dispatch<SetStateAction<EditorState>>;
  targetKey: string | null;
  setTarget: (key: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const { text } = useLocalText();
  const sectionName = useSectionName();
  const [category, setCategory] = useState('');
  const [kind, setKind] = useState('');
  const [unit, setUnit] = useState<string | null>(null);
  const all = useActiveStandards(null);
  const forUnit = useActiveStandards(unit);
  const tree = useUnitTree();
  const units = useMemo(() => flattenTree(tree.data?.roots ?? []), [tree.data]);
  const observed = useMemo(() => observedStandards(all.data?.items ?? []), [all.data]);
  const unitCodes = useMemo(
    () => (unit === null || !forUnit.data ? null : new Set(forUnit.data.items.map((s) => s.code))),
    [unit, forUnit.data],
  );
  const groups = useMemo(
    () => groupByCategory(filterStandards(observed, { category, kind, unitCodes })),
    [observed, category, kind, unitCodes],
  );
  const used = usedCodes(state);
  const target = state.sections.find((s) => s.key === targetKey);

  const categoryTitle = (c: StandardCategory) => ({
    ru: i18n.getFixedT('ru')(`standards.categories.${c}`),
    en: i18n.getFixedT('en')(`standards.categories.${c}`),
  });
  const addOne = (s: ObservedStandard) => {
    if (target) setState((st) => addItems(st, target.key, [s]));
  };
  const addCategory = (c: StandardCategory, standards: ObservedStandard[]) =>
    setState((st) => addCategorySection(st, c, categoryTitle(c), standards));

  let body;
  if (all.isPending || (unit !== null && forUnit.isPending)) body = <LoadingRows rows={4} height={56} />;
  else if (all.isError) body = <LoadError error={all.error} onRetry={() => void all.refetch()} />;
  else if (forUnit.isError) body = <LoadError error={forUnit.error} onRetry={() => void forUnit.refetch()} />;
  else if (observed.length === 0)
    body = (
      <Text size="sm" c="dimmed" data-testid="picker-none">
        {t('auditTemplates.picker.none')}
      </Text>
    );
  else if (groups.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        {t('auditTemplates.picker.noMatch')}
      </Text>
    );
  else
    body = (
      <Stack gap="md">
        {groups.map((g) => {
          const label = t(`standards.categories.${g.category}`);
          const left = g.standards.filter((s) => !used.has(s.code));
          return (
            <section
              key={g.category}
              aria-label={t('auditTemplates.picker.standardsList', { category: label })}
            >
              <Group justify="space-between" mb={6} gap="xs">
                <Title order={3} size="h5">
                  {label}
                </Title>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconRowInsertBottom size={16} aria-hidden />}
                  disabled={left.length === 0}
                  onClick={() => addCategory(g.category, g.standards)}
                  aria-label={t('auditTemplates.picker.addCategoryNamed', { category: label })}
                  data-testid={`add-category-${g.category}`}
                >
                  {t('auditTemplates.picker.addCategory')}
                </Button>
              </Group>
              <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {g.standards.map((s) => {
                  const name = text(s.title, s.code);
                  const inTemplate = used.has(s.code);
                  return (
                    <li key={s.code} className="template-item" data-testid={`pick-${s.code}`}>
                      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                        <Stack gap={2} style={{ minWidth: 0 }}>
                          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                            {name}{' '}
                            <Text span size="xs" c="dimmed" ff="monospace">
                              {s.code}
                            </Text>
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t(`standards.kinds.${s.kind}`)}
                          </Text>
                          <MeasureSummary measure={s.measure} />
                        </Stack>
                        {inTemplate ? (
                          <Badge variant="light" color="teal" tt="none" style={{ flexShrink: 0 }}>
                            {t('auditTemplates.picker.inTemplate')}
                          </Badge>
                        ) : (
                          <Button
                            size="sm"
                            h={44}
                            variant="default"
                            leftSection={<IconPlus size={16} aria-hidden />}
                            disabled={!target}
                            onClick={() => addOne(s)}
                            aria-label={t('auditTemplates.picker.addNamed', { name })}
                            style={{ flexShrink: 0 }}
                          >
                            {t('auditTemplates.picker.add')}
                          </Button>
                        )}
                      </Group>
                    </li>
                  );
                })}
              </Stack>
            </section>
          );
        })}
      </Stack>
    );

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="tpl-picker">
      <Title order={2} size="h4" id="tpl-picker">
        {t('auditTemplates.picker.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('auditTemplates.picker.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mb="md" role="search">
        <Select
          label={t('auditTemplates.picker.category')}
          placeholder={t('auditTemplates.picker.any')}
          data={STANDARD_CATEGORIES.map((v) => ({ value: v, label: t(`standards.categories.${v}`) }))}
          value={category || null}
          onChange={(v) => setCategory(v ?? '')}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
        />
        <Select
          label={t('auditTemplates.picker.kind')}
          placeholder={t('auditTemplates.picker.any')}
          data={STANDARD_KINDS.map((v) => ({ value: v, label: t(`standards.kinds.${v}`) }))}
          value={kind || null}
          onChange={(v) => setKind(v ?? '')}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
        />
        <UnitSelect
          label={t('auditTemplates.picker.unit')}
          placeholder={t('auditTemplates.picker.any')}
          units={units}
          value={unit}
          onChange={setUnit}
        />
        <Select
          label={t('auditTemplates.picker.target')}
          placeholder={t('auditTemplates.picker.needSection')}
          data={state.sections.map((s, i) => ({ value: s.key, label: sectionName(s, i) }))}
          value={target?.key ?? null}
          onChange={setTarget}
          disabled={state.sections.length === 0}
          allowDeselect={false}
          data-testid="picker-target"
        />
      </SimpleGrid>
      {state.sections.length === 0 && observed.length > 0 && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('auditTemplates.picker.needSection')}
        </Text>
      )}
      {body}
    </Card>
  );
}
