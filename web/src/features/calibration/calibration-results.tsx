import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  AgreementOut,
  CalibrationDetail,
  CalibrationResults,
} from '../../../../src/contract/calibration.schema';
import type { TemplateItem } from '../../../../src/contract/audit-template.schema';
import { pickText } from '../standards/standards-labels';
import type { Answer } from '../audits/offline-queue';
import { formatAlpha, VERDICT_COLOR } from './calibration-view';
import { LeniencyChart } from './leniency-chart';

/** An agreement as a coloured badge (α and its verdict in words) and the server's sentence. */
export function AgreementBadge({
  agreement,
  withSentence = false,
}: {
  agreement: AgreementOut;
  withSentence?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const alpha = formatAlpha(agreement.alpha, lng);
  return (
    <Stack gap={2}>
      <Badge
        color={VERDICT_COLOR[agreement.verdict]}
        variant="filled"
        tt="none"
        size="lg"
        data-verdict={agreement.verdict}
        data-testid="alpha-badge"
        style={{ alignSelf: 'flex-start', height: 'auto', whiteSpace: 'normal' }}
      >
        {alpha === null
          ? t('calibration.results.noCoefficient')
          : t('calibration.results.alpha', { value: alpha })}
        {' · '}
        {t(`calibration.results.verdict.${agreement.verdict}`)}
      </Badge>
      {withSentence && (
        <Text size="sm" c="dimmed">
          {agreement.says[lng]}
        </Text>
      )}
    </Stack>
  );
}

/** The words for one answer on an item's scale. */
function useAnswerText() {
  const { t } = useTranslation();
  return (item: TemplateItem, a: Answer | undefined): string => {
    if (a === undefined) return t('calibration.results.missing');
    if (a === 'na') return t('audits.choices.na');
    if (a === 'yes' || a === 'no') return t(`audits.choices.${a}`);
    if (item.measure.type === 'rating' && (item.measure.scale ?? 'yes_no') === 'yes_no')
      return a === 2 ? t('audits.choices.yes') : t('audits.choices.no');
    return String(a);
  };
}

/** After the reveal: overall agreement per level, each item's answers side by side with its alpha, leniency. */
export function CalibrationResultsView({
  detail,
  results,
}: {
  detail: CalibrationDetail;
  results: CalibrationResults;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const answerText = useAnswerText();
  const nameOf = new Map(results.auditors.map((a) => [a.user_id, a.name]));
  const subjectOf = new Map(detail.subject_list.map((s) => [s.id, s.label]));
  const itemOf = new Map(detail.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
  const names = (ids: readonly string[]) => ids.map((id) => nameOf.get(id) ?? id).join(', ');

  return (
    <Stack gap="lg" data-testid="calibration-results">
      <Title order={2} size="h3">
        {t('calibration.results.title')}
      </Title>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('calibration.results.overall')}
        </Title>
        {results.overall.map((o) => (
          <Paper key={o.level} withBorder radius="md" p="sm" data-testid={`overall-${o.level}`}>
            <Text fw={500} mb={4}>
              {t(`calibration.results.level.${o.level}`)}
            </Text>
            <AgreementBadge agreement={o} withSentence />
          </Paper>
        ))}
      </Stack>

      <Stack gap="md" component="section" aria-label={t('calibration.results.itemsLabel')}>
        {results.items.map((r) => {
          const item = itemOf.get(r.item_id);
          if (!item) return null;
          const title = pickText(item.title, lng, item.standard);
          return (
            <Paper key={r.item_id} withBorder radius="md" p="sm" data-testid={`result-${r.item_id}`}>
              <Group justify="space-between" align="flex-start" gap="xs" mb="xs">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
                    {title}
                  </Title>
                  <Text size="xs" c="dimmed">
                    {item.standard} · {t(`calibration.results.level.${r.agreement.level}`)}
                  </Text>
                </Stack>
                <AgreementBadge agreement={r.agreement} />
              </Group>
              <Text size="sm" c="dimmed" mb="xs">
                {r.agreement.says[lng]}
              </Text>
              <Table.ScrollContainer minWidth={Math.max(280, 120 + results.auditors.length * 110)}>
                <Table withTableBorder withColumnBorders className="calibration-table">
                  <Table.Caption className="calibration-sr-only">{title}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('calibration.results.subject')}</Table.Th>
                      {results.auditors.map((a) => (
                        <Table.Th scope="col" key={a.user_id}>
                          {a.name}
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.subjects.map((s) => (
                      <Table.Tr key={s.subject_id} data-disagree={s.disagree ? '' : undefined}>
                        <Table.Th scope="row">
                          {subjectOf.get(s.subject_id) ?? s.subject_id}
                          <Text
                            span
                            size="xs"
                            display="block"
                            c={s.disagree ? 'red' : 'dimmed'}
                            fw={s.disagree ? 600 : 400}
                          >
                            {s.disagree
                              ? `≠ ${t('calibration.results.differs')}`
                              : t('calibration.results.same')}
                          </Text>
                        </Table.Th>
                        {results.auditors.map((a) => (
                          <Table.Td key={a.user_id}>
                            {answerText(item, s.answers[a.user_id])}
                            {s.comments[a.user_id] && (
                              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                                “{s.comments[a.user_id]}”
                              </Text>
                            )}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {r.na_conflicts.length > 0 && (
                <Stack gap={2} mt="xs">
                  <Text size="sm">{t('calibration.results.naIsMissing')}</Text>
                  <List size="sm">
                    {r.na_conflicts.map((c) => (
                      <List.Item key={c.subject_id}>
                        {t('calibration.results.naConflict', {
                          subject: subjectOf.get(c.subject_id) ?? c.subject_id,
                          na: names(c.na),
                          points: names(c.points),
                        })}
                      </List.Item>
                    ))}
                  </List>
                </Stack>
              )}
            </Paper>
          );
        })}
      </Stack>

      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('calibration.results.leniency')}
        </Title>
        {results.overall.map((o) => (
          <Paper key={o.level} withBorder radius="md" p="sm">
            <Text fw={500}>{t(`calibration.results.level.${o.level}`)}</Text>
            <Text size="sm" c="dimmed" mb="xs">
              {t(`calibration.results.leniencyIntro.${o.level}`)}
            </Text>
            <LeniencyChart
              level={o.level}
              rows={results.leniency
                .filter((l) => l.level === o.level)
                .map((l) => ({ label: nameOf.get(l.user_id) ?? l.user_id, value: l.mean_deviation }))}
            />
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
