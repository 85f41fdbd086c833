import { Anchor, Group, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Locale } from '../../../../src/contract/common.schema';
import { LoadError, LoadingRows } from '../../components/query-states';
import { pickName } from '../grid/grid-labels';
import { useUnitAcknowledgements } from './agreement.queries';
import { localized } from './plain-words';

/** On a unit's page: who has acknowledged which standard in force (employees × standards). */
export function UnitAcknowledgementsSection({ unitId }: { unitId: string }) {
  const { t, i18n } = useTranslation();
  const lng: Locale = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const acks = useUnitAcknowledgements(unitId);

  let body;
  if (acks.isPending) body = <LoadingRows rows={3} height={32} />;
  else if (acks.isError) body = <LoadError error={acks.error} onRetry={() => void acks.refetch()} />;
  else if (acks.data.standards.length === 0 || acks.data.employees.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        {acks.data.standards.length === 0
          ? t('agreement.unitAcks.noStandards')
          : t('agreement.unitAcks.noEmployees')}
      </Text>
    );
  else {
    const { standards, employees } = acks.data;
    const total = standards.length * employees.length;
    const done = employees.reduce(
      (n, e) => n + standards.filter((s) => e.acknowledged.includes(s.code)).length,
      0,
    );
    const fully = employees.filter((e) => standards.every((s) => e.acknowledged.includes(s.code))).length;
    body = (
      <>
        <Text size="sm" mb="xs" data-testid="ack-count">
          {t('agreement.unitAcks.count', { done: fully, total: employees.length })}
          {' · '}
          <Text span c="dimmed" size="sm">
            {t('agreement.unitAcks.cells', { done, total })}
          </Text>
        </Text>
        <Table.ScrollContainer minWidth={Math.min(900, 200 + standards.length * 72)}>
          <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} data-testid="ack-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('agreement.unitAcks.employee')}</Table.Th>
                {standards.map((s) => (
                  <Table.Th key={s.code} ta="center">
                    <Tooltip label={localized(s.title, lng)} withinPortal>
                      <Anchor
                        component={Link}
                        to={`/standards/${encodeURIComponent(s.code)}`}
                        ff="monospace"
                        size="xs"
                      >
                        {s.code}
                      </Anchor>
                    </Tooltip>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {employees.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/org/employees/${e.id}`} size="sm">
                      {pickName(e.name, lng, e.code)}
                    </Anchor>
                  </Table.Td>
                  {standards.map((s) => {
                    const yes = e.acknowledged.includes(s.code);
                    return (
                      <Table.Td key={s.code} ta="center">
                        {yes ? (
                          <IconCheck
                            size={16}
                            color="var(--mantine-color-teal-7)"
                            aria-label={t('agreement.unitAcks.yes')}
                          />
                        ) : (
                          <IconMinus
                            size={16}
                            color="var(--mantine-color-gray-5)"
                            aria-label={t('agreement.unitAcks.no')}
                          />
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </>
    );
  }

  return (
    <section aria-labelledby="unit-acks-title" data-testid="unit-acknowledgements">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="unit-acks-title">
          {t('agreement.unitAcks.title')}
        </Title>
        <Anchor component={Link} to={`/handbook/${unitId}`} size="sm">
          {t('agreement.unitAcks.handbook')}
        </Anchor>
      </Group>
      {body}
    </section>
  );
}
