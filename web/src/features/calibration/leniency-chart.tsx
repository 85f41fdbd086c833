import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { leniencyBars } from './calibration-view';

const WIDTH = 320;
const ROW = 40;
const BAR = 14;

/**
 * Each auditor's leniency as horizontal bars (inline SVG, like the monitoring charts): ordinal in
 * points around a zero line, nominal as a share from the left. The picture is described for screen
 * readers, and the numbers are in a hidden list.
 */
export function LeniencyChart({
  level,
  rows,
}: {
  level: 'nominal' | 'ordinal';
  rows: ReadonlyArray<{ label: string; value: number | null }>;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const fmt = new Intl.NumberFormat(lng, {
    maximumFractionDigits: 2,
    signDisplay: level === 'ordinal' ? 'exceptZero' : 'auto',
  });
  const valueText = (v: number | null) =>
    v === null
      ? t('calibration.results.noValue')
      : level === 'ordinal'
        ? t('calibration.results.points', { value: fmt.format(v) })
        : t('calibration.results.share', { value: fmt.format(Math.round(v * 1000) / 10) });
  const { bars, zeroX } = leniencyBars(rows, level, WIDTH);
  const height = rows.length * ROW + 4;
  const title = t('calibration.results.leniencyChart', { level: t(`calibration.results.level.${level}`) });
  return (
    <figure className="calibration-chart" data-testid={`leniency-${level}`}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={title}
        preserveAspectRatio="xMinYMin meet"
        style={{ maxWidth: 560, display: 'block' }}
      >
        {level === 'ordinal' && (
          <line
            x1={zeroX}
            x2={zeroX}
            y1={0}
            y2={height}
            stroke="var(--mantine-color-gray-5)"
            strokeDasharray="3 3"
          />
        )}
        {bars.map((b, i) => {
          const y = i * ROW;
          const negative = (b.value ?? 0) < 0;
          return (
            <g key={`${b.label}-${i}`}>
              <text
                x={level === 'ordinal' && negative ? WIDTH : 0}
                y={y + 12}
                fontSize={12}
                textAnchor={level === 'ordinal' && negative ? 'end' : 'start'}
                fill="currentColor"
              >
                {`${b.label} · ${valueText(b.value)}`}
              </text>
              <rect
                x={b.x}
                y={y + 18}
                width={Math.max(b.width, b.value === null ? 0 : 1)}
                height={BAR}
                rx={2}
                fill={
                  level === 'nominal'
                    ? 'var(--mantine-color-grape-6)'
                    : negative
                      ? 'var(--mantine-color-orange-6)'
                      : 'var(--mantine-color-blue-6)'
                }
              >
                <title>
                  {t('calibration.results.leniencyValue', { name: b.label, value: valueText(b.value) })}
                </title>
              </rect>
            </g>
          );
        })}
      </svg>
      <VisuallyHidden>
        <ul>
          {rows.map((r, i) => (
            <li key={`${r.label}-${i}`}>
              {t('calibration.results.leniencyValue', { name: r.label, value: valueText(r.value) })}
            </li>
          ))}
        </ul>
      </VisuallyHidden>
    </figure>
  );
}
