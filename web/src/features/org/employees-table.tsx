import { useState } from 'react';
import { Anchor, Badge, Group, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Employee } from '../../../../src/contract/employee.schema';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { localName, type OrgIndex } from './org-tree';
import { useEmployees } from './org.queries';

const PAGE = 100;

export function EmployeeStatusBadge({ status }: { status: Employee['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'active' ? 'teal' : 'gray'} variant="light" miw="max-content">
      {t(status === 'active' ? 'org.status.active' : 'org.status.left')}
    </Badge>
  );
}

/** A unit's employees (optionally with the units below it), searchable; scrolls sideways on phones. */
export function UnitEmployees({ unitId, index }: { unitId: string; index: OrgIndex }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [subtree, setSubtree] = useState(false);
  const [showLeft, setShowLeft] = useState(false);
  const list = useEmployees({
    unit_id: unitId,
    subtree,
    q: debounced,
    status: showLeft ? undefined : 'active',
    limit: PAGE,
  });

  let body;
  if (list.isPending) body = <LoadingRows rows={3} height={36} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0) {
    body = (
      <EmptyBlock
        message={debounced.trim() ? t('org.unit.employeesNoMatch') : t('org.unit.employeesEmpty')}
        icon={<IconUsers size={32} aria-hidden />}
      />
    );
  } else {
    body = (
      <>
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="unit-employees">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('org.unit.colCode')}</Table.Th>
                <Table.Th>{t('org.unit.colName')}</Table.Th>
                <Table.Th>{t('org.unit.colPosition')}</Table.Th>
                {subtree && <Table.Th>{t('org.unit.colUnit')}</Table.Th>}
                <Table.Th>{t('org.unit.colEmail')}</Table.Th>
                <Table.Th>{t('org.unit.colStatus')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((e) => {
                const unit = index.byId.get(e.unit_id);
                return (
                  <Table.Tr key={e.id} data-testid="employee-row" data-code={e.code}>
                    <Table.Td ff="monospace">{e.code}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/org/employees/${e.id}`} size="sm">
                        {localName(e.name, lng, e.code)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{e.position ?? t('common.none')}</Table.Td>
                    {subtree && (
                      <Table.Td>
                        {unit ? (
                          <Anchor component={Link} to={`/org/units/${unit.id}`} size="sm" ff="monospace">
                            {unit.code}
                          </Anchor>
                        ) : (
                          t('common.none')
                        )}
                      </Table.Td>
                    )}
                    <Table.Td style={{ wordBreak: 'break-all' }}>{e.email ?? t('common.none')}</Table.Td>
                    <Table.Td>
                      <EmployeeStatusBadge status={e.status} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.data.total > list.data.items.length && (
          <Text size="sm" c="dimmed" mt="xs">
            {t('org.unit.more', { shown: list.data.items.length, total: list.data.total })}
          </Text>
        )}
      </>
    );
  }

  return (
    <>
      <Group mb="sm" gap="md" align="flex-end">
        <TextInput
          label={t('org.unit.employeesSearch')}
          placeholder={t('org.unit.employeesSearchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
          maw={360}
        />
        <Switch
          label={t('org.unit.subtree')}
          checked={subtree}
          onChange={(e) => setSubtree(e.currentTarget.checked)}
          mb={8}
        />
        <Switch
          label={t('org.unit.showLeft')}
          checked={showLeft}
          onChange={(e) => setShowLeft(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <div aria-busy={list.isFetching}>{body}</div>
    </>
  );
}
