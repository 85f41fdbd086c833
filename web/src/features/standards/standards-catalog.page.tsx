import { useMemo, useRef, type ReactNode } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconChecklist, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { StandardSummary } from '../../../../src/contract/catalog.schema';
import { CHANNELS } from '../../../../src/core/compliance/interaction';
import { STANDARD_CATEGORIES, STANDARD_KINDS } from '../../../../src/contract/standards-file.schema';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useCurrentUser } from '../auth/session.queries';
import { LoadDemoButton } from '../demo/load-demo.button';
import { flattenTree, pickName } from '../grid/grid-labels';
import { useUnitTree } from '../grid/grid.queries';
import { UnitSelect } from '../grid/unit-select';
import { canPropose, STATUS_COLOR, toPercent, useLocalText } from './standards-labels';
import { useStandards, type StandardFilters } from './standards.queries';

const CATALOG_STATUSES = ['active', 'scheduled', 'retired'] as const;
const FILTER_KEYS = ['kind', 'category', 'unit', 'channel', 'status', 'q'] as const;

/** The filters as they live in the address, so a filtered catalog can be shared and reloaded. */
function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, params.get(k) ?? '']),
  ) as unknown as StandardFilters;
  const set = (key: keyof StandardFilters, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const clear = () =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const k of FILTER_KEYS) next.delete(k);
        return next;
      },
      { replace: true },
    );
  return { filters, set, clear };
}

/** The catalog: every standard with its scope, target and status, filtered by the URL. */
export function StandardsCatalogPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mayPropose = canPropose(me.role);
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const { filters, set, clear } = useUrlFilters();
  const { lng } = useLocalText();
  const qInput = useRef<HTMLInputElement>(null);
  const list = useStandards(filters);
  const tree = useUnitTree();
  const units = useMemo(() => flattenTree(tree.data?.roots ?? []), [tree.data]);
  const unitName = useMemo(() => {
    const names = new Map(units.map((u) => [u.code, pickName(u.name, lng, u.code)]));
    return (code: string) => names.get(code) ?? code;
  }, [units, lng]);
  const setQ = useDebouncedCallback((q: string) => set('q', q), 250);
  const filtered = FILTER_KEYS.some((k) => filters[k] !== '');

  const newButton = mayPropose && (
    <Button component={Link} to="/standards/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('standards.catalog.new')}
    </Button>
  );
  const kinds = STANDARD_KINDS.map((v) => ({ value: v, label: t(`standards.kinds.${v}`) }));
  const categories = STANDARD_CATEGORIES.map((v) => ({ value: v, label: t(`standards.categories.${v}`) }));
  const channels = CHANNELS.map((v) => ({ value: v, label: t(`standards.channels.${v}`) }));
  const statuses = CATALOG_STATUSES.map((v) => ({ value: v, label: t(`standards.status.${v}`) }));

  let body: ReactNode;
  if (list.isPending) body = <LoadingRows rows={6} height={48} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0)
    body = filtered ? (
      <EmptyBlock
        message={t('standards.catalog.noMatch')}
        action={
          <Button
            variant="light"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={() => {
              setQ.cancel?.();
              if (qInput.current) qInput.current.value = '';
              clear();
            }}
          >
            {t('standards.catalog.clearFilters')}
          </Button>
        }
      />
    ) : (
      <EmptyBlock
        message={t('standards.catalog.empty')}
        icon={<IconChecklist size={32} aria-hidden />}
        action={
          <>
            {newButton}
            {units.length === 0 && tree.isSuccess && <LoadDemoButton />}
          </>
        }
      />
    );
  else if (narrow)
    body = (
      <Stack gap="sm" data-testid="standards-cards">
        {list.data.items.map((s) => (
          <StandardCard key={s.id} standard={s} unitName={unitName} />
        ))}
      </Stack>
    );
  else body = <StandardsTable items={list.data.items} unitName={unitName} />;

  return (
    <>
      <PageHeader
        title={t('standards.catalog.title')}
        intro={t('standards.catalog.intro')}
        action={list.data?.items.length || filtered ? newButton : null}
      />
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="xs" mb="md" role="search">
        <TextInput
          label={t('standards.filters.q')}
          placeholder={t('standards.filters.qPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          defaultValue={filters.q}
          ref={qInput}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Select
          label={t('standards.filters.kind')}
          placeholder={t('standards.filters.any')}
          data={kinds}
          value={filters.kind || null}
          onChange={(v) => set('kind', v)}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
        />
        <Select
          label={t('standards.filters.category')}
          placeholder={t('standards.filters.any')}
          data={categories}
          value={filters.category || null}
          onChange={(v) => set('category', v)}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
        />
        <UnitSelect
          label={t('standards.filters.unit')}
          placeholder={t('standards.filters.any')}
          units={units}
          value={filters.unit || null}
          onChange={(v) => set('unit', v)}
        />
        <Select
          label={t('standards.filters.channel')}
          placeholder={t('standards.filters.any')}
          data={channels}
          value={filters.channel || null}
          onChange={(v) => set('channel', v)}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
        />
        <Select
          label={t('standards.filters.status')}
          placeholder={t('standards.filters.any')}
          data={statuses}
          value={filters.status || null}
          onChange={(v) => set('status', v)}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
        />
      </SimpleGrid>
      {list.data && list.data.items.length > 0 && (
        <Text size="xs" c="dimmed" mb="xs" aria-live="polite">
          {t('common.total', { count: list.data.total })}
        </Text>
      )}
      {body}
    </>
  );
}

/** Status, and how many open proposals would change it. */
export function StandardBadges({ standard }: { standard: StandardSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={STATUS_COLOR[standard.status]} variant="light" tt="none" miw="max-content">
        {t(`standards.status.${standard.status}`)}
      </Badge>
      {standard.next && (
        <Badge color="blue" variant="outline" tt="none" miw="max-content">
          {t('standards.catalog.nextVersion', { version: standard.next.version })}
        </Badge>
      )}
      {standard.pending.length > 0 && (
        <Badge color="orange" variant="light" tt="none" miw="max-content">
          {t('standards.catalog.pending', { count: standard.pending.length })}
        </Badge>
      )}
    </Group>
  );
}

/** "90 % a month" for the version in force (or a retirement). */
export function useTargetText() {
  const { t } = useTranslation();
  return (s: StandardSummary) => {
    const def = s.current.definition;
    if (!def) return t('standards.status.retired');
    return t('standards.targetPer', {
      percent: toPercent(def.target),
      period: t(`standards.periodsPer.${def.period}`),
    });
  };
}

/** Unit names for the codes a standard binds, each code in its tooltip. */
function UnitNames({ codes, unitName }: { codes: string[]; unitName: (code: string) => string }) {
  return (
    <>
      {codes.map((c, i) => (
        <span key={c} title={c} data-unit={c}>
          {i > 0 ? ', ' : ''}
          {unitName(c)}
        </span>
      ))}
    </>
  );
}

function StandardsTable({
  items,
  unitName,
}: {
  items: StandardSummary[];
  unitName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const { text } = useLocalText();
  const target = useTargetText();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="standards-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('standards.fields.code')}</Table.Th>
            <Table.Th>{t('standards.fields.title')}</Table.Th>
            <Table.Th>{t('standards.fields.kind')}</Table.Th>
            <Table.Th>{t('standards.fields.category')}</Table.Th>
            <Table.Th>{t('standards.fields.channels')}</Table.Th>
            <Table.Th>{t('standards.fields.units')}</Table.Th>
            <Table.Th>{t('standards.fields.target')}</Table.Th>
            <Table.Th>{t('standards.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => {
            const def = s.current.definition;
            return (
              <Table.Tr key={s.id} opacity={s.status === 'retired' ? 0.65 : 1}>
                <Table.Td ff="monospace" fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  <Anchor component={Link} to={`/standards/${encodeURIComponent(s.code)}`}>
                    {s.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500} maw={320}>
                    {text(def?.title, s.code)}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">{def ? t(`standards.kinds.${def.kind}`) : t('common.none')}</Table.Td>
                <Table.Td fz="sm">
                  {def ? t(`standards.categories.${def.category}`) : t('common.none')}
                </Table.Td>
                <Table.Td fz="sm">
                  {def?.channels?.map((c) => t(`standards.channels.${c}`)).join(', ') ??
                    t('standards.catalog.allChannels')}
                </Table.Td>
                <Table.Td fz="sm">
                  {def?.units ? (
                    <UnitNames codes={def.units} unitName={unitName} />
                  ) : (
                    t('standards.catalog.wholeOrg')
                  )}
                </Table.Td>
                <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {target(s)}
                </Table.Td>
                <Table.Td>
                  <StandardBadges standard={s} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function StandardCard({
  standard: s,
  unitName,
}: {
  standard: StandardSummary;
  unitName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const { text } = useLocalText();
  const target = useTargetText();
  const def = s.current.definition;
  return (
    <Card withBorder padding="sm" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor
            component={Link}
            to={`/standards/${encodeURIComponent(s.code)}`}
            fw={600}
            style={{ overflowWrap: 'anywhere' }}
          >
            {text(def?.title, s.code)}
          </Anchor>
          <Text ff="monospace" size="xs" c="dimmed">
            {s.code}
          </Text>
        </Group>
        <StandardBadges standard={s} />
        {def && (
          <Text size="sm" c="dimmed">
            {[
              t(`standards.kinds.${def.kind}`),
              t(`standards.categories.${def.category}`),
              def.channels?.map((c) => t(`standards.channels.${c}`)).join(', '),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        <Text size="sm">
          {target(s)}
          {' · '}
          {def?.units ? <UnitNames codes={def.units} unitName={unitName} /> : t('standards.catalog.wholeOrg')}
        </Text>
      </Stack>
    </Card>
  );
}
