import { Table, Text, VisuallyHidden } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { TrendResponse } from '../../../../src/contract/monitoring.schema';
import { useFormat } from '../../i18n/use-format';
import { labelEvery, labelWidth, xOf, yDomain, yOf, yTicks, type Box } from './chart-scale';
import { percent } from './heat';

const HEIGHT = 260;

/**
 * One standard's compliance period by period as an SVG line, with its target as a dashed line (a
 * changed target shows as a step). Each point tells its numbers on hover; for screen readers the
 * picture has a summary and the numbers are in a hidden table.
 */
export function TrendChart({ trend, title }: { trend: TrendResponse; title: string }) {
  const { t } = useTranslation();
  const { number } = useFormat();
  const { ref, width: measured } = useElementSize();
  const width = Math.max(measured, 280);
  const narrow = width < 500;
  const box: Box = { width, height: HEIGHT, top: 12, right: narrow ? 12 : 24, bottom: 36, left: 44 };
  const points = trend.points;
  const values = points.flatMap((p) => (p.compliance === null ? [p.target] : [p.compliance, p.target]));
  const domain = yDomain(values);
  const ticks = yTicks(domain);
  const n = points.length;
  const x = (i: number) => xOf(i, n, box);
  const y = (v: number) => yOf(v, domain, box);
  const every = labelEvery(n, width - box.left - box.right, labelWidth(points[0]?.period ?? ''));

  // The line breaks where a period judged nothing.
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.compliance === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(p.compliance).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));

  // The target as steps: level within a period, changing half-way to the next one.
  const half = n > 1 ? (x(1) - x(0)) / 2 : (width - box.left - box.right) / 2;
  const targetPath = points
    .map((p, i) => {
      const y0 = y(p.target).toFixed(1);
      const left = i === 0 ? Math.max(box.left, x(0) - (n > 1 ? 0 : half)) : x(i) - half;
      const right = i === n - 1 ? Math.min(width - box.right, x(i) + (n > 1 ? 0 : half)) : x(i) + half;
      return `${i === 0 ? 'M' : 'L'}${left.toFixed(1)},${y0} L${right.toFixed(1)},${y0}`;
    })
    .join(' ');

  const judged = points.filter((p) => p.compliance !== null);
  const last = judged.at(-1);
  const summary = t('monitoring.trend.summary', {
    standard: title,
    count: n,
    first: points[0]?.period ?? '',
    last: points.at(-1)?.period ?? '',
    latest: last ? percent(last.compliance!) : '—',
    target: last ? percent(last.target) : '—',
    met: judged.filter((p) => p.compliance! >= p.target - 1e-9).length,
  });

  return (
    <div ref={ref} data-testid="trend-chart">
      <svg
        className="trend-svg"
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-label={summary}
      >
        {ticks.map((v) => (
          <g key={v}>
            <line
              x1={box.left}
              x2={width - box.right}
              y1={y(v)}
              y2={y(v)}
              stroke="var(--mantine-color-gray-2)"
            />
            <text x={box.left - 6} y={y(v) + 4} textAnchor="end">
              {percent(v)} %
            </text>
          </g>
        ))}
        <line
          x1={box.left}
          x2={box.left}
          y1={box.top}
          y2={HEIGHT - box.bottom}
          stroke="var(--mantine-color-gray-4)"
        />
        <line
          x1={box.left}
          x2={width - box.right}
          y1={HEIGHT - box.bottom}
          y2={HEIGHT - box.bottom}
          stroke="var(--mantine-color-gray-4)"
        />
        {points.map((p, i) =>
          (n - 1 - i) % every === 0 ? (
            <text
              key={p.period}
              x={x(i)}
              y={HEIGHT - box.bottom + 16}
              textAnchor={n > 1 && i === n - 1 ? 'end' : n > 1 && i === 0 ? 'start' : 'middle'}
            >
              {p.period}
            </text>
          ) : null,
        )}
        <text x={box.left} y={HEIGHT - 4} textAnchor="start">
          {t(`monitoring.trend.grain.${trend.period}`)}
        </text>
        {n > 0 && (
          <path
            d={targetPath}
            fill="none"
            stroke="var(--mantine-color-orange-6)"
            strokeWidth={2}
            strokeDasharray="6 4"
            data-testid="trend-target"
          />
        )}
        {segments.map((s) => (
          <polyline key={s} points={s} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={2.5} />
        ))}
        {points.map((p, i) =>
          p.compliance === null ? null : (
            <g key={p.period} className="trend-point">
              <circle cx={x(i)} cy={y(p.compliance)} r={12} fill="transparent" />
              <circle
                className="trend-dot"
                cx={x(i)}
                cy={y(p.compliance)}
                r={n > 40 ? 2.5 : 4}
                fill={
                  p.compliance >= p.target - 1e-9
                    ? 'var(--mantine-color-blue-6)'
                    : 'var(--mantine-color-red-6)'
                }
                stroke="var(--mantine-color-body)"
                strokeWidth={1.5}
              />
              <title>
                {`${p.period}: ${percent(p.compliance)} % (${t('monitoring.trend.targetShort', { value: percent(p.target) })})\n` +
                  t('monitoring.heat.counts', {
                    pass: number(p.pass),
                    fail: number(p.fail),
                    na: number(p.na),
                    pending: number(p.pending),
                  })}
              </title>
            </g>
          ),
        )}
      </svg>
      <Text size="xs" c="dimmed" mt={4} aria-hidden>
        <span style={{ color: 'var(--mantine-color-blue-6)' }}>━</span> {t('monitoring.trend.legendLine')}
        {'   '}
        <span style={{ color: 'var(--mantine-color-orange-6)' }}>╍</span> {t('monitoring.trend.legendTarget')}
      </Text>
      <VisuallyHidden>
        <Table>
          <caption>{t('monitoring.trend.tableCaption', { standard: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('monitoring.trend.period')}</th>
              <th scope="col">{t('monitoring.trend.compliance')}</th>
              <th scope="col">{t('monitoring.trend.target')}</th>
              <th scope="col">{t('monitoring.verdicts.pass')}</th>
              <th scope="col">{t('monitoring.verdicts.fail')}</th>
              <th scope="col">{t('monitoring.verdicts.na')}</th>
              <th scope="col">{t('monitoring.verdicts.pending')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.period}>
                <th scope="row">{p.period}</th>
                <td>{p.compliance === null ? '—' : `${percent(p.compliance)} %`}</td>
                <td>{percent(p.target)} %</td>
                <td>{p.pass}</td>
                <td>{p.fail}</td>
                <td>{p.na}</td>
                <td>{p.pending}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </div>
  );
}
