import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileOff } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Verdict } from '../../../../src/contract/monitoring.schema';
import { isApiError } from '../../api/api-error';
import { MessagePage } from '../../components/message-page';
import { PageHeader } from '../../components/page-header';
import { LoadError, LoadingRows } from '../../components/query-states';
import { useFormat } from '../../i18n/use-format';
import { useMonitoringNames } from './monitoring-labels';
import { useInteraction } from './monitoring.queries';

export const VERDICT_COLOR: Record<Verdict, string> = {
  pass: 'green',
  fail: 'red',
  na: 'gray',
  pending: 'yellow',
};

/** The record's fields shown first, in this order; any other field follows as it is. */
const MAIN_FIELDS = ['channel', 'started_at', 'answered_at', 'ended_at'];
const INSTANT_FIELDS = new Set(['started_at', 'answered_at', 'ended_at', 'due_at']);
const HIDDEN = new Set(['id', 'unit', 'employee']);

/** One interaction record: its fields, and each standard's verdict on it with the reason. */
export function RecordPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { unitName } = useMonitoringNames();
  const query = useInteraction(id);
  const phone = useMediaQuery('(max-width: 36em)');

  if (query.isError && isApiError(query.error) && query.error.status === 404)
    return (
      <MessagePage
        icon={<IconFileOff size={32} aria-hidden />}
        title={t('monitoring.record.notFoundTitle')}
        message={t('monitoring.record.notFound', { id })}
        testId="record-not-found"
      />
    );

  const back = (
    <Button
      component={Link}
      to="/monitoring"
      variant="default"
      size="xs"
      leftSection={<IconArrowLeft size={16} aria-hidden />}
    >
      {t('monitoring.record.back')}
    </Button>
  );
  if (query.isPending)
    return (
      <>
        <PageHeader title={t('monitoring.record.title', { id })} action={back} />
        <LoadingRows rows={6} />
      </>
    );
  if (query.isError)
    return (
      <>
        <PageHeader title={t('monitoring.record.title', { id })} action={back} />
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );

  const { record, unit, employee, verdicts, updated_at } = query.data;
  const fieldValue = (key: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (key === 'channel' && typeof value === 'string')
      return t(`standards.channels.${value}`, { defaultValue: value });
    if (INSTANT_FIELDS.has(key) && typeof value === 'string') return dateTime(value);
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const others = Object.keys(record)
    .filter((k) => !MAIN_FIELDS.includes(k) && !HIDDEN.has(k))
    .sort();
  const fields: [string, string][] = [
    [t('monitoring.record.unit'), `${unitName(unit)} (${unit.code})`],
    [t('monitoring.record.employee'), employee ? `${employee.name} (${employee.code})` : t('common.none')],
    ...MAIN_FIELDS.filter((k) => k in record).map((k): [string, string] => [
      t(`monitoring.record.fields.${k}` as 'monitoring.record.fields.channel'),
      fieldValue(k, record[k]),
    ]),
    ...others.map((k): [string, string] => [k, fieldValue(k, record[k])]),
  ];

  return (
    <>
      <PageHeader
        title={t('monitoring.record.title', { id: String(record.id ?? id) })}
        intro={t('monitoring.record.intro', { updated: dateTime(updated_at) })}
        action={back}
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="record-fields">
          <Title order={2} size="h4" mb="sm" id="record-fields">
            {t('monitoring.record.fieldsTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" component="dl" style={{ margin: 0 }}>
            {fields.map(([label, value]) => (
              <div key={label}>
                <Text component="dt" size="xs" c="dimmed">
                  {label}
                </Text>
                <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
                  {value}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Paper>
        <section aria-labelledby="record-verdicts">
          <Title order={2} size="h4" mb="sm" id="record-verdicts">
            {t('monitoring.record.verdictsTitle')}
          </Title>
          {verdicts.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('monitoring.record.noVerdicts')}
            </Text>
          ) : phone ? (
            <Stack
              gap="xs"
              component="ul"
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
              data-testid="verdicts"
            >
              {verdicts.map((v) => (
                <Paper key={v.standard} component="li" withBorder radius="md" p="sm">
                  <Group justify="space-between" gap="xs">
                    <Anchor
                      component={Link}
                      to={`/standards/${encodeURIComponent(v.standard)}`}
                      fw={600}
                      size="sm"
                    >
                      {v.standard}
                    </Anchor>
                    <Badge color={VERDICT_COLOR[v.verdict]} variant="light">
                      {t(`monitoring.verdicts.${v.verdict}`)}
                    </Badge>
                  </Group>
                  <Text size="sm" mt={6}>
                    {v.reason || t('common.none')}
                  </Text>
                  <Text size="xs" c="dimmed" mt={4}>
                    {t('monitoring.record.version')} {v.version} · {t('monitoring.record.period')} {v.period}
                  </Text>
                </Paper>
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped verticalSpacing="xs" data-testid="verdicts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('monitoring.record.standard')}</Table.Th>
                    <Table.Th scope="col">{t('monitoring.record.verdict')}</Table.Th>
                    <Table.Th scope="col">{t('monitoring.record.reason')}</Table.Th>
                    <Table.Th scope="col">{t('monitoring.record.version')}</Table.Th>
                    <Table.Th scope="col">{t('monitoring.record.period')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {verdicts.map((v) => (
                    <Table.Tr key={v.standard}>
                      <Table.Th scope="row">
                        <Anchor
                          component={Link}
                          to={`/standards/${encodeURIComponent(v.standard)}`}
                          size="sm"
                        >
                          {v.standard}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>
                        <Badge color={VERDICT_COLOR[v.verdict]} variant="light" miw="max-content">
                          {t(`monitoring.verdicts.${v.verdict}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{v.reason || t('common.none')}</Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>v{v.version}</Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {v.period}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
      </Stack>
    </>
  );
}
