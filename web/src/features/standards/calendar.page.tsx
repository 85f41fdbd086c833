import { Anchor, Badge, Card, Grid, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { CalendarDefinition } from '../../../../src/contract/catalog.schema';
import { WEEKDAY_KEYS } from '../../../../src/core/calendar/calendar-spec';
import { isApiError } from '../../api/api-error';
import { MessagePage } from '../../components/message-page';
import { PageHeader } from '../../components/page-header';
import { LoadError, LoadingRows } from '../../components/query-states';
import { checkedOrUndefined, todayIn } from './calendar-month';
import { CalendarMonthView, formatMonth, parseMonth } from './calendar-month.view';
import { useWeeklyHours } from './calendars.page';
import { EntryActions } from './entry-actions';
import { Fact } from './standard.page';
import { STATUS_COLOR, useLocalText } from './standards-labels';
import { useCalendar } from './standards.queries';
import { VersionHistory } from './version-history';

/** `2026-01-07` → "7 January 2026"; `--01-07` → "7 January" (every year). */
export function useHolidayText() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  return (text: string) => {
    const yearly = text.startsWith('--');
    const iso = yearly ? `2000-${text.slice(2)}` : text;
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return text;
    return new Intl.DateTimeFormat(lng, {
      day: 'numeric',
      month: 'long',
      ...(yearly ? {} : { year: 'numeric' }),
      timeZone: 'UTC',
    }).format(d);
  };
}

/** The week, holidays, shifts and ring of a calendar definition, for reading. */
export function CalendarFacts({ def }: { def: CalendarDefinition }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const holiday = useHolidayText();
  const weekday = (i: number) =>
    new Intl.DateTimeFormat(lng, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 1 + i)),
    );
  const holidays = [...def.holidays].sort((a, b) => a.localeCompare(b));
  const shifts = Object.entries(def.shifts).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Stack gap="md">
      <div>
        <Title order={3} size="h5" mb={4}>
          {t('standards.calendars.week')}
        </Title>
        <Table withRowBorders={false} verticalSpacing={2} fz="sm" data-testid="calendar-week">
          <Table.Tbody>
            {WEEKDAY_KEYS.map((key, i) => (
              <Table.Tr key={key}>
                <Table.Th w={140} fw={500} tt="capitalize">
                  {weekday(i)}
                </Table.Th>
                <Table.Td>
                  {def.week[key]?.length ? (
                    def.week[key].join(', ')
                  ) : (
                    <Text span c="dimmed" size="sm">
                      {t('standards.calendar.dayOff')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <div>
        <Title order={3} size="h5" mb={4}>
          {t('standards.calendars.holidays')}
        </Title>
        {holidays.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('standards.calendar.noHolidays')}
          </Text>
        ) : (
          <List size="sm" spacing={2} data-testid="calendar-holidays">
            {holidays.map((h) => (
              <List.Item key={h}>
                {holiday(h)}{' '}
                {h.startsWith('--') && (
                  <Badge size="xs" variant="light" tt="none">
                    {t('standards.calendar.yearly')}
                  </Badge>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </div>
      <div>
        <Title order={3} size="h5" mb={4}>
          {t('standards.calendar.shifts')}
        </Title>
        {shifts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('standards.calendar.noShifts')}
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {shifts.map(([date, list]) => (
              <List.Item key={date}>
                {holiday(date)}: {list.length ? list.join(', ') : t('standards.calendar.dayOff')}
              </List.Item>
            ))}
          </List>
        )}
      </div>
    </Stack>
  );
}

/** One calendar: a month of working hours, its week, holidays, shifts and versions. */
export function CalendarPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { text } = useLocalText();
  const calendar = useCalendar(code);
  const hours = useWeeklyHours();
  const [params, setParams] = useSearchParams();

  if (calendar.isPending) return <LoadingRows rows={6} height={40} />;
  if (calendar.isError) {
    if (isApiError(calendar.error) && calendar.error.status === 404)
      return (
        <MessagePage
          icon={<IconCalendar size={32} aria-hidden />}
          title={t('standards.calendar.notFoundTitle')}
          message={t('standards.calendar.notFound', { code })}
          testId="calendar-not-found"
        />
      );
    return <LoadError error={calendar.error} onRetry={() => void calendar.refetch()} />;
  }
  const c = calendar.data;
  const def = c.current.definition;
  const spec = checkedOrUndefined(def);
  const today = todayIn(def?.timezone ?? 'UTC');
  const shown = parseMonth(params.get('month')) ?? parseMonth(today.slice(0, 7))!;
  const setMonth = (year: number, month: number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('month', formatMonth(year, month));
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={text(def?.name, c.code)}
        action={
          <EntryActions
            entity="calendar"
            code={c.code}
            status={c.status}
            editTo={`/standards/calendars/${encodeURIComponent(c.code)}/edit`}
            latestVersion={c.versions[0]?.version}
            retireTitle={t('standards.calendar.retireTitle', { code: c.code })}
          />
        }
      />
      <Group gap="xs" mb="md" mt={-12}>
        <Text ff="monospace" size="sm" c="dimmed">
          {c.code}
        </Text>
        <Badge color={STATUS_COLOR[c.status]} variant="light" tt="none">
          {t(`standards.status.${c.status}`)}
        </Badge>
        {c.pending.map((p) => (
          <Anchor key={p.id} component={Link} to={`/standards/proposals/${p.id}`} size="sm">
            {t('standards.save.draftOption', { number: p.number, title: p.title })}
          </Anchor>
        ))}
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="sm">
              {spec ? (
                <CalendarMonthView spec={spec} year={shown.year} month={shown.month} onMonth={setMonth} />
              ) : (
                <Text c="dimmed">{t('standards.calendar.retiredText')}</Text>
              )}
            </Card>
            <Card withBorder radius="md">
              <Title order={2} size="h4" mb="sm">
                {t('standards.history.title')}
              </Title>
              <VersionHistory versions={c.versions} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card withBorder radius="md">
            {def ? (
              <Stack gap="md">
                <Group gap="lg">
                  <Fact label={t('standards.calendars.zone')}>{def.timezone}</Fact>
                  <Fact label={t('standards.calendar.ring')}>
                    {t('standards.calendar.ringSeconds', { seconds: def.ring_seconds })}
                  </Fact>
                  <Fact label={t('standards.calendars.week')}>{hours(def)}</Fact>
                </Group>
                <Fact label={t('standards.calendars.usedBy')}>
                  {c.used_by.length === 0 ? (
                    t('standards.calendars.unused')
                  ) : (
                    <Group gap={6}>
                      {c.used_by.map((s) => (
                        <Anchor
                          key={s}
                          component={Link}
                          to={`/standards/${encodeURIComponent(s)}`}
                          ff="monospace"
                          size="sm"
                        >
                          {s}
                        </Anchor>
                      ))}
                    </Group>
                  )}
                </Fact>
                <CalendarFacts def={def} />
              </Stack>
            ) : (
              <Text c="dimmed">{t('standards.calendar.retiredText')}</Text>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
