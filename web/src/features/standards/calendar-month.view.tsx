import { ActionIcon, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CheckedCalendarSpec } from '../../../../src/core/calendar/calendar-spec';
import { monthTitle, monthWeeks, shiftMonth, todayIn } from './calendar-month';
import './standards.css';

export { formatMonth, parseMonth, shiftMonth } from './calendar-month';

/**
 * A month of the calendar, Monday first: each day's working hours, or that it is a day off, a
 * holiday or a shift (its own hours); today is marked. Computed in the browser by the engine's
 * rules, so what one sees is what business time counts.
 */
export function CalendarMonthView({
  spec,
  year,
  month,
  onMonth,
}: {
  spec: CheckedCalendarSpec;
  year: number;
  month: number;
  onMonth: (year: number, month: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const weeks = monthWeeks(spec, year, month);
  const today = todayIn(spec.timezone);
  const monthName = monthTitle(lng, year, month);
  const weekdayNames = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(lng, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 1 + i)),
    ),
  );
  const go = (by: number) => {
    const next = shiftMonth(year, month, by);
    onMonth(next.year, next.month);
  };

  return (
    <Stack gap="xs" data-testid="calendar-month">
      <Group justify="space-between" wrap="nowrap">
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('standards.calendar.prevMonth')}
          onClick={() => go(-1)}
        >
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
        <Title order={3} size="h4" aria-live="polite">
          {monthName}
        </Title>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('standards.calendar.nextMonth')}
          onClick={() => go(1)}
        >
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
      </Group>
      <div className="std-month" role="table" aria-label={monthName}>
        <div className="std-month-row" role="row">
          {weekdayNames.map((w) => (
            <div key={w} className="std-month-head" role="columnheader">
              {w}
            </div>
          ))}
        </div>
        {weeks.map((week) => (
          <div key={week[0]!.date} className="std-month-row" role="row">
            {week.map((d) => (
              <div
                key={d.date}
                role="cell"
                className={`std-day std-day-${d.kind}${d.inMonth ? '' : ' std-day-outside'}${d.date === today ? ' std-day-today' : ''}`}
                aria-current={d.date === today ? 'date' : undefined}
                data-date={d.date}
                title={d.intervals.join(', ') || undefined}
              >
                <Text size="sm" fw={d.date === today ? 700 : 500} className="std-day-number">
                  {d.day}
                </Text>
                {d.kind === 'holiday' && (
                  <Badge
                    size="xs"
                    color="red"
                    variant="light"
                    tt="none"
                    className="std-day-badge"
                    title={t('standards.calendar.holiday')}
                  >
                    <Label
                      long={t('standards.calendar.holiday')}
                      short={t('standards.calendar.holidayShort')}
                    />
                  </Badge>
                )}
                {d.kind === 'off' && (
                  <Text
                    size="xs"
                    c="dimmed"
                    className="std-day-interval"
                    title={t('standards.calendar.dayOff')}
                  >
                    <Label
                      long={t('standards.calendar.dayOff')}
                      short={t('standards.calendar.dayOffShort')}
                    />
                  </Text>
                )}
                {d.kind === 'shift' && (
                  <Badge
                    size="xs"
                    color="grape"
                    variant="light"
                    tt="none"
                    className="std-day-badge"
                    title={t('standards.calendar.shift')}
                  >
                    <Label long={t('standards.calendar.shift')} short={t('standards.calendar.shiftShort')} />
                  </Badge>
                )}
                {d.intervals.map((i) => (
                  <Text key={i} size="xs" className="std-day-interval">
                    {i}
                  </Text>
                ))}
              </div>
            ))}
          </div>
        ))}
      </div>
    </Stack>
  );
}

/** A day's label, shortened on a phone where a day is a few letters wide (the full text in its tooltip). */
function Label({ long, short }: { long: string; short: string }) {
  return (
    <>
      <span className="std-label-long">{long}</span>
      <span className="std-label-short" aria-hidden>
        {short}
      </span>
    </>
  );
}
