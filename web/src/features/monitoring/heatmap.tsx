import { Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconEye } from '@tabler/icons-react';
import type { SummaryCell, SummaryResponse } from '../../../../src/contract/monitoring.schema';
import { useFormat } from '../../i18n/use-format';
import { cellPercent, heatOf, percent, type Heat } from './heat';
import { useMonitoringNames } from './monitoring-labels';
import type { SummaryUnit } from './unit-tree';

type Standard = SummaryResponse['standards'][number];

/** What a cell says in words: for the tooltip and, whole, as the button's accessible name. */
function useCellText(minJudged: number) {
  const { t } = useTranslation();
  const { number } = useFormat();
  return (cell: SummaryCell | undefined, heat: Heat) => {
    const lines: string[] = [];
    if (!cell || cell.compliance === null) lines.push(t('monitoring.heat.noneReason'));
    else {
      lines.push(
        t('monitoring.heat.compliance', {
          value: cellPercent(cell.compliance, cell.target),
          target: percent(cell.target),
        }),
      );
      if (heat === 'few')
        lines.push(t('monitoring.heat.fewReason', { judged: cell.pass + cell.fail, min: minJudged }));
    }
    if (cell)
      lines.push(
        t('monitoring.heat.counts', {
          pass: number(cell.pass),
          fail: number(cell.fail),
          na: number(cell.na),
          pending: number(cell.pending),
        }),
      );
    if (heat !== 'none' && heat !== 'few') lines.push(t(`monitoring.heat.state.${heat}`));
    return lines;
  };
}

/**
 * Units (as an indented tree) × standards over the chosen range. Each cell is its unit's whole
 * subtree, coloured against the standard's target; clicking it opens its failed records. A column
 * header chooses the standard of the trend chart. The table scrolls inside its box with the unit
 * column and header row in place, so it works on a phone.
 */
export function Heatmap({
  units,
  standards,
  cells,
  minJudged,
  trendStandard,
  onChooseStandard,
  onOpenCell,
}: {
  units: readonly { unit: SummaryUnit; depth: number }[];
  standards: readonly Standard[];
  cells: readonly SummaryCell[];
  minJudged: number;
  trendStandard: string | null;
  onChooseStandard: (code: string) => void;
  onOpenCell: (cell: { unit: string; standard: string }) => void;
}) {
  const { t } = useTranslation();
  const { unitName, standardTitle } = useMonitoringNames();
  const cellText = useCellText(minJudged);
  const byKey = new Map(cells.map((c) => [`${c.unit}\u0000${c.standard}`, c]));
  return (
    <div className="heat-scroll" data-testid="heatmap">
      <table className="heat-table">
        <caption className="visually-hidden">{t('monitoring.heat.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="heat-unit">
              {t('monitoring.heat.unitsHeader')}
            </th>
            {standards.map((s) => (
              <th key={s.code} scope="col">
                <Tooltip
                  label={`${standardTitle(s)} · ${t('monitoring.heat.target', { value: percent(s.target) })}${
                    s.observed ? ` · ${t('monitoring.heat.observed')}` : ''
                  }`}
                  withArrow
                  events={{ hover: true, focus: true, touch: false }}
                  multiline
                  maw={260}
                >
                  <button
                    type="button"
                    className="heat-col"
                    aria-pressed={trendStandard === s.code}
                    aria-label={t('monitoring.heat.chooseTrend', {
                      standard: `${s.code} ${standardTitle(s)}`,
                    })}
                    onClick={() => onChooseStandard(s.code)}
                  >
                    <span>
                      {s.code}
                      {s.observed && (
                        <IconEye
                          size={12}
                          aria-label={t('monitoring.heat.observed')}
                          className="heat-observed"
                        />
                      )}
                    </span>
                    <Text span size="xs" c="dimmed" fw={400}>
                      ≥ {percent(s.target)} %
                    </Text>
                  </button>
                </Tooltip>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map(({ unit, depth }) => (
            <tr key={unit.code}>
              <th scope="row" className="heat-unit">
                <Box pl={Math.min(depth, 6) * 14}>
                  <Text size="sm" fw={depth === 0 ? 600 : 500} truncate="end" title={unitName(unit)}>
                    {unitName(unit)}
                  </Text>
                  {unitName(unit) !== unit.code && (
                    <Text size="xs" c="dimmed" truncate="end">
                      {unit.code}
                    </Text>
                  )}
                </Box>
              </th>
              {standards.map((s) => {
                const cell = byKey.get(`${unit.code}\u0000${s.code}`);
                const heat = heatOf(cell);
                const lines = cellText(cell, heat);
                const where = `${unitName(unit)}, ${s.code}`;
                if (heat === 'none')
                  return (
                    <td key={s.code}>
                      <Tooltip
                        label={lines.join('\n')}
                        withArrow
                        events={{ hover: true, focus: true, touch: false }}
                        multiline
                        maw={260}
                        style={{ whiteSpace: 'pre-line' }}
                      >
                        <span className="heat-none" role="img" aria-label={`${where}: ${lines.join('. ')}`}>
                          —
                        </span>
                      </Tooltip>
                    </td>
                  );
                return (
                  <td key={s.code}>
                    <Tooltip
                      label={
                        <Stack gap={2}>
                          <Text size="xs" fw={600}>
                            {where}
                          </Text>
                          {lines.map((line) => (
                            <Text key={line} size="xs">
                              {line}
                            </Text>
                          ))}
                        </Stack>
                      }
                      withArrow
                      events={{ hover: true, focus: true, touch: false }}
                      multiline
                      maw={280}
                    >
                      <button
                        type="button"
                        className={`heat-cell heat-${heat}`}
                        aria-label={`${where}: ${lines.join('. ')}`}
                        onClick={() => onOpenCell({ unit: unit.code, standard: s.code })}
                        data-heat={heat}
                      >
                        {cell!.compliance === null ? '—' : `${cellPercent(cell!.compliance, cell!.target)} %`}
                      </button>
                    </Tooltip>
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

/** What the colours mean. */
export function HeatLegend({ minJudged }: { minJudged: number }) {
  const { t } = useTranslation();
  const items: Heat[] = ['good', 'near', 'bad', 'few'];
  return (
    <Group
      gap="md"
      wrap="wrap"
      mt="xs"
      component="ul"
      style={{ listStyle: 'none', padding: 0 }}
      aria-label={t('monitoring.heat.legend')}
    >
      {items.map((heat) => (
        <Group key={heat} gap={6} wrap="nowrap" component="li">
          <span className={`heat-swatch heat-${heat}`} aria-hidden />
          <Text size="xs" c="dimmed">
            {t(`monitoring.heat.legendItem.${heat}`, { min: minJudged })}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
