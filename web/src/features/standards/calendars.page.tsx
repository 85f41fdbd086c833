import type { ReactNode } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendar, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CalendarSummary } from '../../../../src/contract/catalog.schema';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { useCurrentUser } from '../auth/session.queries';
import { checkedOrUndefined, weeklyMinutes } from './calendar-month';
import { canPropose, STATUS_COLOR, useLocalText } from './standards-labels';
import { useCalendars } from './standards.queries';

/** "40 h" / "37.5 h" a week. */
export function useWeeklyHours() {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en', { maximumFractionDigits: 2 });
  return (definition: unknown) => {
    const spec = checkedOrUndefined(definition);
    if (!spec) return t('common.none');
    return t('standards.calendars.hoursAWeek', { hours: number.format(weeklyMinutes(spec) / 60) });
  };
}

/** The calendars of the catalog: zone, working week, holidays, and which standards use each. */
export function CalendarsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const list = useCalendars();
  const newButton = canPropose(me.role) && (
    <Button component={Link} to="/standards/calendars/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('standards.calendars.new')}
    </Button>
  );

  let body: ReactNode;
  if (list.isPending) body = <LoadingRows rows={4} height={48} />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.items.length === 0)
    body = (
      <EmptyBlock
        message={t('standards.calendars.empty')}
        icon={<IconCalendar size={32} aria-hidden />}
        action={newButton}
      />
    );
  else if (narrow)
    body = (
      <Stack gap="sm" data-testid="calendars-cards">
        {list.data.items.map((c) => (
          <CalendarCard key={c.id} calendar={c} />
        ))}
      </Stack>
    );
  else body = <CalendarsTable items={list.data.items} />;

  return (
    <>
      <PageHeader
        title={t('standards.calendars.title')}
        intro={t('standards.calendars.intro')}
        action={list.data?.items.length ? newButton : null}
      />
      {body}
    </>
  );
}

function UsedBy({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  if (codes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('standards.calendars.unused')}
      </Text>
    );
  return (
    <Group gap={6}>
      {codes.map((code) => (
        <Anchor
          key={code}
          component={Link}
          to={`/standards/${encodeURIComponent(code)}`}
          size="sm"
          ff="monospace"
        >
          {code}
        </Anchor>
      ))}
    </Group>
  );
}

function CalendarsTable({ items }: { items: CalendarSummary[] }) {
  const { t } = useTranslation();
  const { text } = useLocalText();
  const hours = useWeeklyHours();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="calendars-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('standards.fields.code')}</Table.Th>
            <Table.Th>{t('standards.calendars.name')}</Table.Th>
            <Table.Th>{t('standards.calendars.zone')}</Table.Th>
            <Table.Th>{t('standards.calendars.week')}</Table.Th>
            <Table.Th ta="right">{t('standards.calendars.holidays')}</Table.Th>
            <Table.Th>{t('standards.calendars.usedBy')}</Table.Th>
            <Table.Th>{t('standards.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => {
            const def = c.current.definition;
            return (
              <Table.Tr key={c.id}>
                <Table.Td ff="monospace" fz="sm">
                  <Anchor component={Link} to={`/standards/calendars/${encodeURIComponent(c.code)}`}>
                    {c.code}
                  </Anchor>
                </Table.Td>
                <Table.Td fz="sm">{text(def?.name, c.code)}</Table.Td>
                <Table.Td fz="sm">{def?.timezone ?? t('common.none')}</Table.Td>
                <Table.Td fz="sm">{hours(def)}</Table.Td>
                <Table.Td fz="sm" ta="right">
                  {def?.holidays.length ?? 0}
                </Table.Td>
                <Table.Td>
                  <UsedBy codes={c.used_by} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={STATUS_COLOR[c.status]} variant="light" tt="none">
                      {t(`standards.status.${c.status}`)}
                    </Badge>
                    {c.pending.length > 0 && (
                      <Badge color="orange" variant="light" tt="none">
                        {t('standards.catalog.pending', { count: c.pending.length })}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CalendarCard({ calendar: c }: { calendar: CalendarSummary }) {
  const { t } = useTranslation();
  const { text } = useLocalText();
  const hours = useWeeklyHours();
  const def = c.current.definition;
  return (
    <Card withBorder padding="sm" radius="md">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/standards/calendars/${encodeURIComponent(c.code)}`} fw={600}>
            {text(def?.name, c.code)}
          </Anchor>
          <Badge color={STATUS_COLOR[c.status]} variant="light" tt="none">
            {t(`standards.status.${c.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {[
            c.code,
            def?.timezone,
            hours(def),
            t('standards.calendars.holidayCount', { count: def?.holidays.length ?? 0 }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <UsedBy codes={c.used_by} />
      </Stack>
    </Card>
  );
}
