import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GridCell, GridMatrix } from '../../../../src/contract/grid.schema';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import { flattenTree, useNamer, useTypeLooks, type TypeLook } from './grid-labels';
import { providerKey } from './grid-matrix';
import { useAllGridCells, useGridMatrix, useUnitTree } from './grid.queries';
import { TypeBadges } from './type-badge';
import { UnitSelect } from './unit-select';

type Mode = 'recipients' | 'matrix';

/** Beyond this many squares a matrix is unreadable on A4 (and slow to lay out): pick a part first. */
const MAX_MATRIX_CELLS = 60 * 60;

/**
 * The grid on paper: one A4 page per recipient unit (who helps it, with what, how to ask), or the
 * whole matrix on landscape A4. The app's frame is hidden when printing (grid.css).
 */
export function GridPrintPage() {
  const { t } = useTranslation();
  const format = useFormat();
  // Mode and part live in the address, so a printout can be linked to ("/grid/print?mode=matrix&unit=…").
  const [params, setParams] = useSearchParams();
  const mode: Mode = params.get('mode') === 'matrix' ? 'matrix' : 'recipients';
  const unit = params.get('unit');
  const set = (patch: { mode?: Mode; unit?: string | null }) => {
    const next = { mode, unit, ...patch };
    const out = new URLSearchParams();
    if (next.mode === 'matrix') out.set('mode', 'matrix');
    if (next.unit) out.set('unit', next.unit);
    setParams(out, { replace: true });
  };
  const tree = useUnitTree();
  const units = useMemo(() => flattenTree(tree.data?.roots ?? []), [tree.data]);
  const matrix = useGridMatrix({ unit: unit ?? '', type: '' });
  const cells = useAllGridCells(mode === 'recipients');
  const looks = useTypeLooks(matrix.data?.support_types);

  const pending = matrix.isPending || (mode === 'recipients' && cells.isPending);
  const error = matrix.error ?? (mode === 'recipients' ? cells.error : null);

  let sheet;
  if (pending) sheet = <LoadingRows rows={6} height={40} />;
  else if (!matrix.data || (mode === 'recipients' && !cells.data))
    sheet = (
      <LoadError
        error={error}
        onRetry={() => {
          void matrix.refetch();
          void cells.refetch();
        }}
      />
    );
  else if (matrix.data.recipients.length === 0) sheet = <EmptyBlock message={t('grid.matrix.noUnits')} />;
  else if (
    mode === 'matrix' &&
    matrix.data.recipients.length * matrix.data.providers.length > MAX_MATRIX_CELLS
  )
    sheet = (
      <Alert
        color="orange"
        variant="light"
        icon={<IconInfoCircle size={18} aria-hidden />}
        data-testid="print-too-large"
      >
        {t('grid.print.tooLarge', {
          rows: format.number(matrix.data.recipients.length),
          cols: format.number(matrix.data.providers.length),
        })}
      </Alert>
    );
  else if (mode === 'recipients')
    sheet = <PerRecipient matrix={matrix.data} cells={cells.data ?? []} looks={looks} />;
  else sheet = <WholeMatrix matrix={matrix.data} looks={looks} />;

  return (
    <div className="grid-print-root">
      {/* @page cannot be scoped by a selector, so the chosen orientation is written here. */}
      <style>{`@media print { @page { size: A4 ${mode === 'matrix' ? 'landscape' : 'portrait'}; margin: 12mm; } }`}</style>
      <Stack gap="sm" mb="lg" className="grid-no-print">
        <Group gap="sm" align="flex-end">
          <SegmentedControl
            value={mode}
            onChange={(v) => set({ mode: v === 'matrix' ? 'matrix' : 'recipients' })}
            data={[
              { value: 'recipients', label: t('grid.print.perRecipient') },
              { value: 'matrix', label: t('grid.print.wholeMatrix') },
            ]}
            aria-label={t('grid.print.mode')}
          />
          <UnitSelect
            label={t('grid.print.unit')}
            placeholder={t('grid.matrix.wholeOrg')}
            units={units}
            value={unit}
            onChange={(v) => set({ unit: v })}
            w={280}
          />
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
            {t('grid.print.print')}
          </Button>
        </Group>
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} aria-hidden />}>
          {mode === 'matrix' ? t('grid.print.matrixHint') : t('grid.print.recipientsHint')}
        </Alert>
      </Stack>
      <Text className="grid-print-only" size="xs" mb={4}>
        {t('grid.print.printedAt', { date: format.dateTime(new Date().toISOString()) })}
      </Text>
      {sheet}
    </div>
  );
}

function PerRecipient({
  matrix,
  cells,
  looks,
}: {
  matrix: GridMatrix;
  cells: GridCell[];
  looks: Map<string, TypeLook>;
}) {
  const { t } = useTranslation();
  const { name } = useNamer();
  const providerName = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of matrix.providers) map.set(providerKey(p.kind, p.id), name(p.name, p.code));
    return map;
  }, [matrix.providers, name]);
  const byRecipient = useMemo(() => {
    const map = new Map<string, GridCell[]>();
    for (const c of cells) {
      const list = map.get(c.recipient_unit_id) ?? [];
      list.push(c);
      map.set(c.recipient_unit_id, list);
    }
    return map;
  }, [cells]);

  return (
    <div data-testid="print-recipients">
      {matrix.recipients.map((r) => {
        const list = byRecipient.get(r.id) ?? [];
        return (
          <section key={r.id} className="grid-print-sheet">
            <Title order={2} size="h3" mb={4}>
              {name(r.name, r.code)}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('grid.print.sheetIntro')}
            </Text>
            {list.length === 0 ? (
              <Text size="sm" fs="italic">
                {t('grid.matrix.rowGap')}
              </Text>
            ) : (
              <table className="grid-print-table">
                <thead>
                  <tr>
                    <th style={{ width: '24%' }}>{t('grid.print.colProvider')}</th>
                    <th style={{ width: '22%' }}>{t('grid.print.colTypes')}</th>
                    <th>{t('grid.print.colInstructions')}</th>
                    <th style={{ width: '16%' }}>{t('grid.print.colExpected')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id}>
                      <td>{providerName.get(providerKey(c.provider.kind, c.provider.id)) ?? '?'}</td>
                      <td>{c.support_type_ids.map((id) => looks.get(id)?.label ?? '?').join(', ')}</td>
                      <td style={{ whiteSpace: 'pre-wrap' }}>{c.instructions ?? ''}</td>
                      <td>{c.expected_response ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}

function WholeMatrix({ matrix, looks }: { matrix: GridMatrix; looks: Map<string, TypeLook> }) {
  const { t } = useTranslation();
  const { name } = useNamer();
  const cells = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const c of matrix.cells)
      map.set(`${providerKey(c.provider_kind, c.provider_id)}|${c.recipient_unit_id}`, c.support_type_ids);
    return map;
  }, [matrix.cells]);
  return (
    <div data-testid="print-matrix">
      <Text size="xs" mb={4}>
        {[...looks.values()]
          .filter((l) => !l.archived)
          .map((l) => `${l.abbr} — ${l.label}`)
          .join('; ')}
      </Text>
      <table className="grid-print-matrix">
        <thead>
          <tr>
            <th scope="col">{t('grid.matrix.recipients')}</th>
            {matrix.providers.map((p) => (
              <th key={providerKey(p.kind, p.id)} scope="col">
                <span className="grid-col-text">{name(p.name, p.code)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.recipients.map((r) => (
            <tr key={r.id}>
              <th scope="row" style={{ paddingLeft: 3 + Math.min(r.depth, 8) * 8 }}>
                {name(r.name, r.code)}
              </th>
              {matrix.providers.map((p) => {
                const ids = cells.get(`${providerKey(p.kind, p.id)}|${r.id}`);
                return (
                  <td key={providerKey(p.kind, p.id)}>
                    {ids && <TypeBadges ids={ids} looks={looks} max={6} />}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
