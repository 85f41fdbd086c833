import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Button,
  Card,
  Grid,
  Group,
  Pill,
  SimpleGrid,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDeviceFloppy, IconFileImport, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  CalendarDefinition,
  type CalendarDetail,
  type ProposalChangeInput,
} from '../../../../src/contract/catalog.schema';
import { OrgCode } from '../../../../src/contract/unit.schema';
import { WEEKDAY_KEYS, type WeekdayKey } from '../../../../src/core/calendar/calendar-spec';
import { PageHeader } from '../../components/page-header';
import { LoadError, LoadingRows } from '../../components/query-states';
import { useErrorText } from '../../i18n/error-text';
import { useCurrentUser } from '../auth/session.queries';
import { ForbiddenState } from '../shell/require-permission';
import { checkedOrUndefined, todayIn } from './calendar-month';
import { CalendarMonthView, parseMonth } from './calendar-month.view';
import { useHolidayText } from './calendar.page';
import { IcsImportDialog } from './ics-import.dialog';
import { asLocalized, LocalizedInputs, localizedOrUndefined } from './measure-editor';
import { issueMessage } from './contract-messages';
import { ProposalSaveDialog } from './proposal-save.dialog';
import { canPropose, useLocalText } from './standards-labels';
import { useCalendar } from './standards.queries';

type Localized = { ru?: string; en?: string };

interface Draft {
  id: string;
  name: Localized;
  timezone: string;
  week: Record<WeekdayKey, string[]>;
  holidays: string[];
  shifts: { date: string; intervals: string[] }[];
  ring: number | '';
}

const noWeek = () =>
  Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, [] as string[]])) as Record<WeekdayKey, string[]>;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function emptyDraft(): Draft {
  const office = ['09:00-13:00', '14:00-18:00'];
  return {
    id: '',
    name: {},
    timezone: browserZone(),
    week: { ...noWeek(), mon: office, tue: office, wed: office, thu: office, fri: office },
    holidays: [],
    shifts: [],
    ring: 5,
  };
}

function draftOf(def: CalendarDefinition): Draft {
  const week = noWeek();
  for (const d of WEEKDAY_KEYS) week[d] = [...(def.week[d] ?? [])];
  return {
    id: def.id,
    name: asLocalized(def.name),
    timezone: def.timezone,
    week,
    holidays: [...def.holidays],
    shifts: Object.entries(def.shifts).map(([date, intervals]) => ({ date, intervals: [...intervals] })),
    ring: def.ring_seconds,
  };
}

function definitionOf(d: Draft): Record<string, unknown> {
  const week: Record<string, string[]> = {};
  for (const day of WEEKDAY_KEYS) if (d.week[day].length) week[day] = d.week[day];
  const def: Record<string, unknown> = {
    id: d.id.trim(),
    name: localizedOrUndefined(d.name),
    timezone: d.timezone,
    week,
    holidays: d.holidays,
    shifts: Object.fromEntries(d.shifts.map((s) => [s.date, s.intervals])),
    ring_seconds: d.ring === '' ? undefined : d.ring,
  };
  for (const k of Object.keys(def)) if (def[k] === undefined) delete def[k];
  return def;
}

const ZONES: string[] = (() => {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
})();

/** `/standards/calendars/new` and `/standards/calendars/:code/edit`. */
export function CalendarEditorPage() {
  const { code } = useParams();
  const me = useCurrentUser();
  const calendar = useCalendar(code);
  if (!canPropose(me.role)) return <ForbiddenState />;
  if (!code) return <CalendarEditor key="new" detail={null} />;
  if (calendar.isPending) return <LoadingRows rows={8} height={40} />;
  if (calendar.isError) return <LoadError error={calendar.error} onRetry={() => void calendar.refetch()} />;
  return <CalendarEditor key={calendar.data.code} detail={calendar.data} />;
}

function CalendarEditor({ detail }: { detail: CalendarDetail | null }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const { text } = useLocalText();
  const { issueText } = useErrorText();
  const holiday = useHolidayText();
  const latest = detail?.versions[0];
  const start = latest?.definition ?? detail?.current.definition ?? null;
  const [draft, setDraft] = useState<Draft>(() => (start ? draftOf(start) : emptyDraft()));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState<ProposalChangeInput | null>(null);
  const [importing, setImporting] = useState(false);
  const [shown, setShown] = useState(() => parseMonth(todayIn(draft.timezone).slice(0, 7))!);

  const definition = useMemo(() => definitionOf(draft), [draft]);
  const result = useMemo(() => CalendarDefinition.safeParse(definition), [definition]);
  // The contract takes any code; the editor asks for the organization's rule (no spaces or signs).
  const codeProblem = !detail && draft.id.trim() !== '' && !OrgCode.safeParse(draft.id).success;
  const valid = result.success && !codeProblem;
  // The month shows as soon as the engine can read the hours (a missing code does not hide it).
  const spec = useMemo(() => checkedOrUndefined(definition), [definition]);
  const errors = useMemo(() => {
    const list: { path: string; message: string }[] = [];
    if (!result.success)
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.');
        list.push({
          path,
          message: issueMessage(issue, lng === 'ru' ? 'ru' : 'en', t, (i) =>
            issueText({ path, message: i.message, code: i.code }),
          ),
        });
      }
    if (codeProblem) list.push({ path: 'id', message: t('standards.issue.code') });
    return list;
  }, [result, issueText, t, lng, codeProblem]);
  /** Every complaint at or under a path (a day's intervals, the holidays), once that part was touched. */
  const err = (prefix: string) => {
    if (!submitted && !touched.has(prefix.split('.')[0]!)) return undefined;
    const found = errors.filter((e) => e.path === prefix || e.path.startsWith(`${prefix}.`));
    return found.length ? [...new Set(found.map((e) => e.message))].join('; ') : undefined;
  };
  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setTouched((s) => (s.has(key) ? s : new Set(s).add(key)));
  };
  const weekday = (i: number) =>
    new Intl.DateTimeFormat(lng, { weekday: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2024, 0, 1 + i)),
    );
  const zones = ZONES.includes(draft.timezone) || !draft.timezone ? ZONES : [draft.timezone, ...ZONES];

  const save = () => {
    setSubmitted(true);
    if (!valid) return;
    const def = definition as CalendarDefinition;
    setSaving(
      detail && latest
        ? {
            entity: 'calendar',
            action: 'change',
            code: detail.code,
            base_version: latest.version,
            definition: def,
          }
        : { entity: 'calendar', action: 'add', code: def.id, base_version: null, definition: def },
    );
  };

  return (
    <>
      <PageHeader
        title={
          detail
            ? t('standards.calendarEditor.editTitle', { name: text(start?.name, detail.code) })
            : t('standards.calendarEditor.newTitle')
        }
        intro={t('standards.calendarEditor.intro')}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
            data-testid="calendar-editor"
          >
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput
                  label={t('standards.fields.code')}
                  description={
                    detail ? t('standards.calendarEditor.codeFixed') : t('standards.calendarEditor.codeHint')
                  }
                  value={draft.id}
                  onChange={(e) => update('id', e.currentTarget.value)}
                  disabled={!!detail}
                  error={err('id')}
                  withAsterisk
                  styles={{ input: { fontFamily: 'monospace' } }}
                />
                <NumberInput
                  label={t('standards.calendar.ring')}
                  description={t('standards.calendarEditor.ringHint')}
                  suffix=" s"
                  min={0.5}
                  step={0.5}
                  value={draft.ring}
                  onChange={(v) => update('ring', v === '' ? '' : Number(v))}
                  error={err('ring_seconds')}
                />
              </SimpleGrid>
              <LocalizedInputs
                label={t('standards.calendars.name')}
                value={draft.name}
                onChange={(v) => update('name', v)}
                error={err('name')}
              />
              <Select
                label={t('standards.calendars.zone')}
                data={zones}
                value={draft.timezone}
                onChange={(v) => v && update('timezone', v)}
                searchable
                allowDeselect={false}
                limit={100}
                error={err('timezone')}
              />
              <Stack gap={6}>
                <Title order={2} size="h5">
                  {t('standards.calendars.week')}
                </Title>
                <Text size="xs" c="dimmed">
                  {t('standards.calendarEditor.weekHint')}
                </Text>
                {WEEKDAY_KEYS.map((day, i) => (
                  <TagsInput
                    key={day}
                    label={weekday(i)}
                    styles={{ label: { textTransform: 'capitalize' } }}
                    placeholder={draft.week[day].length ? '' : t('standards.calendar.dayOff')}
                    value={draft.week[day]}
                    onChange={(v) => update('week', { ...draft.week, [day]: v })}
                    error={err(`week.${day}`)}
                    splitChars={[',', ' ']}
                  />
                ))}
              </Stack>
              <Stack gap={6}>
                <Group justify="space-between">
                  <Title order={2} size="h5">
                    {t('standards.calendars.holidays')}
                  </Title>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconFileImport size={14} aria-hidden />}
                    onClick={() => setImporting(true)}
                  >
                    {t('standards.calendarEditor.importIcs')}
                  </Button>
                </Group>
                <TagsInput
                  aria-label={t('standards.calendars.holidays')}
                  description={t('standards.calendarEditor.holidaysHint')}
                  value={draft.holidays}
                  onChange={(v) => update('holidays', v)}
                  error={err('holidays')}
                  splitChars={[',', ' ']}
                  clearable
                  data-testid="calendar-holidays-input"
                  renderPill={({ value, onRemove, disabled }) => (
                    <Pill withRemoveButton={!disabled} onRemove={onRemove} title={value} data-value={value}>
                      {value && value.startsWith('--')
                        ? `${holiday(value)}, ${t('standards.calendar.yearly')}`
                        : holiday(value ?? '')}
                    </Pill>
                  )}
                />
              </Stack>
              <Stack gap={6}>
                <Title order={2} size="h5">
                  {t('standards.calendar.shifts')}
                </Title>
                {draft.shifts.map((s, i) => (
                  <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
                    <Group align="flex-start" gap="xs" wrap="wrap" style={{ flex: 1, minWidth: 0 }}>
                      <TextInput
                        type="date"
                        w={160}
                        aria-label={t('standards.calendarEditor.shiftDate')}
                        value={s.date}
                        onChange={(e) => {
                          const date = e.currentTarget.value;
                          update(
                            'shifts',
                            draft.shifts.map((x, j) => (j === i ? { ...x, date } : x)),
                          );
                        }}
                        error={
                          s.date
                            ? undefined
                            : submitted
                              ? t('standards.calendarEditor.dateRequired')
                              : undefined
                        }
                      />
                      <TagsInput
                        style={{ flex: '1 1 180px', minWidth: 0 }}
                        aria-label={t('standards.calendarEditor.shiftHours')}
                        placeholder={s.intervals.length ? '' : t('standards.calendar.dayOff')}
                        value={s.intervals}
                        onChange={(intervals) =>
                          update(
                            'shifts',
                            draft.shifts.map((x, j) => (j === i ? { ...x, intervals } : x)),
                          )
                        }
                        error={s.date ? err(`shifts.${s.date}`) : undefined}
                        splitChars={[',', ' ']}
                      />
                    </Group>
                    <ActionIcon
                      mt={6}
                      variant="subtle"
                      color="red"
                      aria-label={t('standards.calendarEditor.removeShift')}
                      onClick={() =>
                        update(
                          'shifts',
                          draft.shifts.filter((_, j) => j !== i),
                        )
                      }
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                <Button
                  size="xs"
                  variant="light"
                  w="max-content"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() =>
                    update('shifts', [...draft.shifts, { date: '', intervals: ['10:00-14:00'] }])
                  }
                >
                  {t('standards.calendarEditor.addShift')}
                </Button>
              </Stack>
              {submitted && !valid && (
                <Text c="red" size="sm" role="alert">
                  {t('standards.editor.invalid', { count: errors.length })}
                </Text>
              )}
              <Group justify="flex-end">
                <Button
                  variant="default"
                  component={Link}
                  to={
                    detail
                      ? `/standards/calendars/${encodeURIComponent(detail.code)}`
                      : '/standards/calendars'
                  }
                >
                  {t('common.cancel')}
                </Button>
                <Button type="submit" leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
                  {t('standards.editor.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder radius="md" padding="sm" style={{ position: 'sticky', top: 72 }}>
            <Stack gap="xs">
              <Title order={2} size="h5">
                {t('standards.calendarEditor.preview')}
              </Title>
              {spec ? (
                <CalendarMonthView
                  spec={spec}
                  year={shown.year}
                  month={shown.month}
                  onMonth={(year, month) => setShown({ year, month })}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('standards.calendarEditor.previewInvalid')}
                </Text>
              )}
              <Text size="xs" c={valid ? 'teal' : 'dimmed'}>
                {valid
                  ? t('standards.calendarEditor.valid')
                  : t('standards.editor.problems', { count: errors.length })}
              </Text>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <IcsImportDialog
        opened={importing}
        onClose={() => setImporting(false)}
        existing={draft.holidays}
        onAdd={(dates) =>
          update('holidays', [...draft.holidays, ...dates.filter((d) => !draft.holidays.includes(d))])
        }
      />
      <ProposalSaveDialog
        opened={!!saving}
        onClose={() => setSaving(null)}
        change={saving}
        defaultTitle={
          detail
            ? t('standards.calendarEditor.changeProposal', { code: detail.code })
            : t('standards.calendarEditor.addProposal', { code: draft.id.trim() })
        }
      />
    </>
  );
}
