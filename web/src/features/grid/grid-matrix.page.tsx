import { useMemo, useState } from 'react';
import { Button, Group, Select, SimpleGrid, Switch, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBuildingCommunity, IconQuestionMark } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import { useCurrentUser } from '../auth/session.queries';
import { LoadDemoButton } from '../demo/load-demo.button';
import { CellEditor } from './cell-editor.drawer';
import { canEditGrid, flattenTree, useTypeLooks } from './grid-labels';
import { GridLegend } from './grid-legend';
import { GridMatrixView, providerKey, type CellTarget, type MatrixSizes } from './grid-matrix';
import { useGridMatrix, useUnitTree, type MatrixFilters } from './grid.queries';
import { UnitSelect } from './unit-select';

const WIDE: MatrixSizes = { rowHeight: 34, colWidth: 72, headerHeight: 150, rowHeadWidth: 240 };
const NARROW: MatrixSizes = { rowHeight: 34, colWidth: 64, headerHeight: 120, rowHeadWidth: 128 };

function useMatrixFilters(): [MatrixFilters, (patch: Partial<MatrixFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () => ({ unit: params.get('unit') ?? '', type: params.get('type') ?? '' }),
    [params],
  );
  const update = (patch: Partial<MatrixFilters>) => {
    const next = { ...filters, ...patch };
    const out = new URLSearchParams();
    if (next.unit) out.set('unit', next.unit);
    if (next.type) out.set('type', next.type);
    setParams(out, { replace: true });
  };
  return [filters, update];
}

/** The matrix: who helps whom with what, filters, the legend, the gaps, and the cell editor. */
export function GridMatrixPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [filters, setFilters] = useMatrixFilters();
  const matrix = useGridMatrix(filters);
  const tree = useUnitTree();
  const units = useMemo(() => flattenTree(tree.data?.roots ?? []), [tree.data]);
  const looks = useTypeLooks(matrix.data?.support_types);
  const [target, setTarget] = useState<CellTarget | null>(null);
  const [onlyGaps, setOnlyGaps] = useState(false);
  const [refocus, setRefocus] = useState(0);

  const typeOptions = (matrix.data?.support_types ?? [])
    .filter((s) => s.status === 'active' || s.id === filters.type)
    .map((s) => ({ value: s.id, label: looks.get(s.id)?.label ?? s.code }));
  const typeLabel = filters.type ? (looks.get(filters.type)?.label ?? null) : null;

  const gaps = useMemo(() => {
    if (!matrix.data) return null;
    const receiving = new Set(matrix.data.cells.map((c) => c.recipient_unit_id));
    const giving = new Set(matrix.data.cells.map((c) => providerKey(c.provider_kind, c.provider_id)));
    const rows = matrix.data.recipients.filter((r) => !receiving.has(r.id));
    return {
      rows: rows.length,
      cols: matrix.data.providers.filter((p) => !giving.has(providerKey(p.kind, p.id))).length,
      // The matrix with only the rows nobody helps, to fill the gaps one after another.
      matrix: { ...matrix.data, recipients: rows },
    };
  }, [matrix.data]);

  const filterBar = (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" mb="sm" maw={720}>
      <Select
        label={t('grid.matrix.filterType')}
        placeholder={t('grid.matrix.anyType')}
        data={typeOptions}
        value={filters.type || null}
        onChange={(v) => setFilters({ type: v ?? '' })}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
      />
      <UnitSelect
        label={t('grid.matrix.filterUnit')}
        placeholder={t('grid.matrix.wholeOrg')}
        units={units}
        value={filters.unit || null}
        onChange={(v) => setFilters({ unit: v ?? '' })}
      />
    </SimpleGrid>
  );

  let body;
  if (matrix.isPending) body = <LoadingRows rows={8} height={34} />;
  else if (!matrix.data) body = <LoadError error={matrix.error} onRetry={() => void matrix.refetch()} />;
  else if (matrix.data.recipients.length === 0 && !filters.unit) {
    body = (
      <EmptyBlock
        message={t('grid.matrix.noUnits')}
        icon={<IconBuildingCommunity size={32} aria-hidden />}
        action={
          <>
            <Button component={Link} to="/org" variant="default">
              {t('grid.matrix.toOrg')}
            </Button>
            <LoadDemoButton />
          </>
        }
      />
    );
  } else {
    const m = matrix.data;
    body = (
      <>
        <Group justify="space-between" gap="xs" mb={6} align="flex-end">
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="grid-summary">
            {t('grid.matrix.summary', {
              rows: format.number(m.recipients.length),
              cols: format.number(m.providers.length),
              cells: format.number(m.cells.length),
            })}
            {gaps && gaps.rows > 0 && (
              <>
                {' · '}
                <Text span c="orange.8" inherit data-testid="grid-gaps">
                  {typeLabel
                    ? t('grid.matrix.gapsType', { count: gaps.rows, type: typeLabel })
                    : t('grid.matrix.gaps', { count: gaps.rows })}
                </Text>
              </>
            )}
          </Text>
          {gaps && gaps.rows > 0 && (
            <Switch
              size="sm"
              label={t('grid.matrix.onlyGaps')}
              checked={onlyGaps}
              onChange={(e) => setOnlyGaps(e.currentTarget.checked)}
            />
          )}
          <Button
            component={Link}
            to="/grid/ask"
            variant="subtle"
            size="compact-sm"
            leftSection={<IconQuestionMark size={14} aria-hidden />}
          >
            {t('grid.matrix.askLink')}
          </Button>
        </Group>
        <GridMatrixView
          matrix={onlyGaps && gaps && gaps.rows > 0 ? gaps.matrix : m}
          looks={looks}
          sizes={narrow ? NARROW : WIDE}
          height={narrow ? 'max(360px, calc(100dvh - 220px))' : 'max(420px, calc(100dvh - 330px))'}
          typeLabel={typeLabel}
          focusRequest={refocus}
          onOpen={setTarget}
        />
        <GridLegend looks={looks} />
      </>
    );
  }

  return (
    <>
      {filterBar}
      <div aria-busy={matrix.isFetching}>{body}</div>
      <CellEditor
        target={target}
        looks={looks}
        supportTypes={matrix.data?.support_types ?? []}
        canEdit={canEditGrid(me.role)}
        onClose={() => setTarget(null)}
        onClosed={() => setRefocus((n) => n + 1)}
      />
    </>
  );
}
