import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Grid,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  StandardDefinition,
  type ProposalChangeInput,
  type StandardDetail,
} from '../../../../src/contract/catalog.schema';
import { OrgCode } from '../../../../src/contract/unit.schema';
import { CHANNELS } from '../../../../src/core/compliance/interaction';
import { PERIODS, STANDARD_CATEGORIES, STANDARD_KINDS } from '../../../../src/contract/standards-file.schema';
import { PageHeader } from '../../components/page-header';
import { LoadError, LoadingRows } from '../../components/query-states';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentUser } from '../auth/session.queries';
import { ForbiddenState } from '../shell/require-permission';
import { flattenTree, pickName } from '../grid/grid-labels';
import { useEmployeeSearch, useUnitTree } from '../grid/grid.queries';
import {
  asLocalized,
  LocalizedInputs,
  localizedOrUndefined,
  MeasureEditor,
  newMeasure,
  type MeasureDraft,
} from './measure-editor';
import { issueMessage } from './contract-messages';
import { ProposalSaveDialog } from './proposal-save.dialog';
import { canPropose, toPercent, useLocalText } from './standards-labels';
import { useCalendars, useStandard } from './standards.queries';
import { StandardInWords } from './standard-text';

type Localized = { ru?: string; en?: string };

/** The editor's state: the definition's fields as the inputs hold them. */
interface Draft {
  code: string;
  title: Localized;
  description: Localized;
  why: Localized;
  kind: string;
  category: string;
  channels: string[];
  units: string[];
  calendar: string | null;
  owner: string | null;
  /** Percent as typed, 0–100. */
  target: number | '';
  period: string;
  measure: MeasureDraft;
  gridCells: unknown;
}

const EMPTY: Draft = {
  code: '',
  title: {},
  description: {},
  why: {},
  kind: 'tangible',
  category: 'responsiveness',
  channels: [],
  units: [],
  calendar: null,
  owner: null,
  target: 90,
  period: 'month',
  measure: newMeasure('threshold'),
  gridCells: undefined,
};

function draftOf(def: StandardDefinition): Draft {
  return {
    code: def.code,
    title: asLocalized(def.title),
    description: asLocalized(def.description),
    why: asLocalized(def.why),
    kind: def.kind,
    category: def.category,
    channels: def.channels ?? [],
    units: def.units ?? [],
    calendar: def.calendar ?? null,
    owner: def.owner ?? null,
    target: toPercent(def.target),
    period: def.period,
    measure: def.measure as MeasureDraft,
    gridCells: def.grid_cells,
  };
}

/** The definition the draft stands for, in the `etalon/v1` shape (empty optional fields left out). */
function definitionOf(d: Draft): Record<string, unknown> {
  const def: Record<string, unknown> = {
    code: d.code.trim(),
    title: localizedOrUndefined(d.title) ?? '',
    description: localizedOrUndefined(d.description),
    why: localizedOrUndefined(d.why),
    kind: d.kind,
    category: d.category,
    channels: d.channels.length ? d.channels : undefined,
    units: d.units.length ? d.units : undefined,
    grid_cells: d.gridCells,
    calendar: d.calendar ?? undefined,
    owner: d.owner ?? undefined,
    measure: d.measure,
    target: d.target === '' ? undefined : Math.round(d.target * 100) / 10000,
    period: d.period,
  };
  for (const k of Object.keys(def)) if (def[k] === undefined) delete def[k];
  return def;
}

/** `/standards/new` and `/standards/:code/edit`: loads the standard to change, then the editor. */
export function StandardEditorPage() {
  const { code } = useParams();
  const me = useCurrentUser();
  const standard = useStandard(code);
  if (!canPropose(me.role)) return <ForbiddenState />;
  if (!code) return <StandardEditor key="new" detail={null} />;
  if (standard.isPending) return <LoadingRows rows={8} height={40} />;
  if (standard.isError) return <LoadError error={standard.error} onRetry={() => void standard.refetch()} />;
  return <StandardEditor key={standard.data.code} detail={standard.data} />;
}

/** Picks the owner by employee code, searching as one types. */
function OwnerPicker({ value, onChange }: { value: string | null; onChange: (code: string | null) => void }) {
  const { t } = useTranslation();
  const { lng } = useLocalText();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useEmployeeSearch(q);
  const data = (found.data?.items ?? []).map((e) => ({
    value: e.code,
    label: `${pickName(e.name, lng, e.code)} (${e.code})`,
  }));
  if (value && !data.some((o) => o.value === value)) data.unshift({ value, label: value });
  return (
    <Select
      label={t('standards.fields.owner')}
      description={t('standards.editor.ownerHint')}
      placeholder={t('standards.editor.ownerPlaceholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('standards.editor.nobody')}
    />
  );
}

function StandardEditor({ detail }: { detail: StandardDetail | null }) {
  const { t } = useTranslation();
  const { lng, text } = useLocalText();
  const { issueText } = useErrorText();
  const latest = detail?.versions[0];
  const start = latest?.definition ?? detail?.current.definition ?? null;
  const [draft, setDraft] = useState<Draft>(() => (start ? draftOf(start) : EMPTY));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState<ProposalChangeInput | null>(null);
  const tree = useUnitTree();
  const calendars = useCalendars();

  const units = useMemo(() => flattenTree(tree.data?.roots ?? []), [tree.data]);
  const unitOptions = useMemo(() => {
    const known = units.map((u) => ({
      value: u.code,
      label: `${'  '.repeat(u.depth)}${pickName(u.name, lng, u.code)}`,
    }));
    const missing = draft.units
      .filter((c) => !units.some((u) => u.code === c))
      .map((c) => ({ value: c, label: c }));
    return [...known, ...missing];
  }, [units, lng, draft.units]);
  const calendarOptions = (calendars.data?.items ?? [])
    .filter((c) => c.status !== 'retired')
    .map((c) => ({ value: c.code, label: text(c.current.definition?.name, c.code) }));
  const ringSeconds = calendars.data?.items.find((c) => c.code === draft.calendar)?.current.definition
    ?.ring_seconds;

  const definition = useMemo(() => definitionOf(draft), [draft]);
  const result = useMemo(() => StandardDefinition.safeParse(definition), [definition]);
  // The contract takes any code; the editor asks for the organization's rule (no spaces or signs).
  const codeProblem = !detail && draft.code.trim() !== '' && !OrgCode.safeParse(draft.code).success;
  const valid = result.success && !codeProblem;
  const errors = useMemo(() => {
    const map = new Map<string, string>();
    if (!result.success)
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.');
        if (!map.has(path) && !(path === 'code' && codeProblem))
          map.set(
            path,
            issueMessage(issue, lng === 'ru' ? 'ru' : 'en', t, (i) =>
              issueText({ path, message: i.message, code: i.code }),
            ),
          );
      }
    if (codeProblem) map.set('code', t('standards.issue.code'));
    return map;
  }, [result, issueText, t, lng, codeProblem]);
  /** A field's complaint, once the person has touched that part of the form (or tried to save). */
  const err = (path: string) =>
    submitted || touched.has(path.split('.')[0]!) ? errors.get(path) : undefined;

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched((s) => (s.has(key) ? s : new Set(s).add(key)));
  };

  const save = () => {
    setSubmitted(true);
    if (!result.success || codeProblem) return;
    const def = definition as StandardDefinition;
    setSaving(
      detail && latest
        ? {
            entity: 'standard',
            action: 'change',
            code: detail.code,
            base_version: latest.version,
            definition: def,
          }
        : { entity: 'standard', action: 'add', code: def.code, base_version: null, definition: def },
    );
  };

  const select = (values: readonly string[], group: 'kinds' | 'categories' | 'periods' | 'channels') =>
    values.map((v) => ({ value: v, label: t(`standards.${group}.${v}` as `standards.kinds.tangible`) }));
  const title = detail
    ? t('standards.editor.editTitle', { title: text(start?.title, detail.code) })
    : t('standards.editor.newTitle');

  return (
    <>
      <PageHeader title={title} intro={t('standards.editor.intro')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
            data-testid="standard-editor"
          >
            <Stack gap="md">
              <TextInput
                label={t('standards.fields.code')}
                description={detail ? t('standards.editor.codeFixed') : t('standards.editor.codeHint')}
                value={draft.code}
                onChange={(e) => update('code', e.currentTarget.value)}
                disabled={!!detail}
                error={err('code')}
                withAsterisk
                styles={{ input: { fontFamily: 'monospace' } }}
              />
              <LocalizedInputs
                label={t('standards.fields.title')}
                value={draft.title}
                onChange={(v) => update('title', v)}
                error={err('title')}
                required
              />
              <LocalizedInputs
                label={t('standards.fields.description')}
                value={draft.description}
                onChange={(v) => update('description', v)}
                error={err('description')}
                multiline
              />
              <LocalizedInputs
                label={t('standards.fields.why')}
                value={draft.why}
                onChange={(v) => update('why', v)}
                error={err('why')}
                multiline
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <Select
                  label={t('standards.fields.kind')}
                  data={select(STANDARD_KINDS, 'kinds')}
                  value={draft.kind}
                  onChange={(v) => v && update('kind', v)}
                  allowDeselect={false}
                  error={err('kind')}
                />
                <Select
                  label={t('standards.fields.category')}
                  data={select(STANDARD_CATEGORIES, 'categories')}
                  value={draft.category}
                  onChange={(v) => v && update('category', v)}
                  allowDeselect={false}
                  error={err('category')}
                />
              </SimpleGrid>
              <MultiSelect
                label={t('standards.fields.channels')}
                description={t('standards.editor.channelsHint')}
                data={select(CHANNELS, 'channels')}
                value={draft.channels}
                onChange={(v) => update('channels', v)}
                error={err('channels')}
                clearable
              />
              <MultiSelect
                label={t('standards.fields.units')}
                description={t('standards.editor.unitsHint')}
                data={unitOptions}
                value={draft.units}
                onChange={(v) => update('units', v)}
                error={err('units')}
                searchable
                clearable
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <Select
                  label={t('standards.fields.calendar')}
                  description={t('standards.editor.calendarHint')}
                  data={calendarOptions}
                  value={draft.calendar}
                  onChange={(v) => update('calendar', v)}
                  clearable
                  clearButtonProps={{ 'aria-label': t('common.clear') }}
                  error={err('calendar')}
                />
                <OwnerPicker value={draft.owner} onChange={(v) => update('owner', v)} />
              </SimpleGrid>
              <MeasureEditor value={draft.measure} onChange={(m) => update('measure', m)} err={err} />
              <SimpleGrid cols={2} spacing="xs">
                <NumberInput
                  label={t('standards.fields.target')}
                  description={t('standards.editor.targetHint')}
                  suffix=" %"
                  min={0}
                  max={100}
                  decimalScale={2}
                  value={draft.target}
                  onChange={(v) => update('target', v === '' ? '' : Number(v))}
                  error={err('target')}
                  withAsterisk
                />
                <Select
                  label={t('standards.fields.period')}
                  data={select(PERIODS, 'periods')}
                  value={draft.period}
                  onChange={(v) => v && update('period', v)}
                  allowDeselect={false}
                  error={err('period')}
                />
              </SimpleGrid>
              {submitted && !valid && (
                <Text c="red" size="sm" role="alert" data-testid="editor-invalid">
                  {t('standards.editor.invalid', { count: errors.size })}
                </Text>
              )}
              <Group justify="flex-end">
                <Button
                  variant="default"
                  component={Link}
                  to={detail ? `/standards/${encodeURIComponent(detail.code)}` : '/standards'}
                >
                  {t('common.cancel')}
                </Button>
                <Button type="submit" leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
                  {t('standards.editor.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder radius="md" style={{ position: 'sticky', top: 72 }}>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('standards.preview.title')}
              </Title>
              {!valid && (
                <Text
                  size="xs"
                  fw={600}
                  c="orange.9"
                  bg="orange.0"
                  px="xs"
                  py={4}
                  style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  data-testid="preview-draft"
                >
                  {t('standards.editor.draftPreview')}
                </Text>
              )}
              <Stack gap="sm" style={valid ? undefined : { opacity: 0.55 }} data-draft={!valid || undefined}>
                <Text size="sm" fw={600}>
                  {text(definition.title as Localized | undefined, draft.code || '…')}
                </Text>
                <StandardInWords definition={definition} ringSeconds={ringSeconds} both />
              </Stack>
              <Text size="xs" c={valid ? 'teal' : 'dimmed'} data-testid="editor-validity">
                {valid ? t('standards.editor.valid') : t('standards.editor.problems', { count: errors.size })}
              </Text>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <ProposalSaveDialog
        opened={!!saving}
        onClose={() => setSaving(null)}
        change={saving}
        defaultTitle={
          detail
            ? t('standards.editor.changeProposal', { code: detail.code })
            : t('standards.editor.addProposal', { code: draft.code.trim() })
        }
      />
    </>
  );
}
