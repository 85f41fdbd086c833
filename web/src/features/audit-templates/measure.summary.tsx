import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ObservedMeasureSnapshot } from '../../../../src/contract/audit-template.schema';
import { useLocalText } from '../standards/standards-labels';

/**
 * An item's measure, read-only (it belongs to the standard): the scale and its pass rule, weight,
 * critical, whether N/A is allowed, and the auditor's guidance.
 */
export function MeasureSummary({
  measure: m,
  version,
}: {
  measure: ObservedMeasureSnapshot;
  version?: number;
}) {
  const { t } = useTranslation();
  const { text } = useLocalText();
  const scale = m.scale ?? 'yes_no';
  const kind =
    m.type === 'checklist'
      ? t('auditTemplates.measure.checklist')
      : scale === 'yes_no'
        ? t('auditTemplates.measure.yesNo')
        : t('auditTemplates.measure.rating', { scale: scale.replace('-', '–') });
  const rule =
    m.type === 'rating' && scale !== 'yes_no' && m.pass_min !== undefined
      ? t('auditTemplates.measure.passesFrom', { n: m.pass_min })
      : null;
  const guidance = m.guidance === undefined ? '' : text(m.guidance);
  return (
    <div title={t('auditTemplates.measure.readOnly')} data-testid="measure-summary">
      <Group gap={6} wrap="wrap">
        <Text size="xs" c="dimmed">
          {[kind, rule, t('auditTemplates.measure.weight', { value: m.weight })].filter(Boolean).join(' · ')}
          {version !== undefined && ` · ${t('auditTemplates.measure.version', { version })}`}
        </Text>
        {m.critical && (
          <Badge
            color="red"
            variant="light"
            size="sm"
            tt="none"
            title={t('auditTemplates.measure.criticalHint')}
          >
            {t('auditTemplates.measure.critical')}
          </Badge>
        )}
        <Badge color="gray" variant="outline" size="sm" tt="none">
          {m.allow_na ? t('auditTemplates.measure.naAllowed') : t('auditTemplates.measure.naNotAllowed')}
        </Badge>
      </Group>
      {guidance && (
        <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'pre-line' }}>
          <Text span fw={600} size="xs">
            {t('auditTemplates.measure.guidance')}:
          </Text>{' '}
          {guidance}
        </Text>
      )}
    </div>
  );
}
