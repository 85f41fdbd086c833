import { useMemo } from 'react';
import { Alert, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconBook, IconInfoCircle, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { Locale } from '../../../../src/contract/common.schema';
import type { GridCell } from '../../../../src/contract/grid.schema';
import type { Handbook } from '../../../../src/contract/handbook.schema';
import type { CalendarDefinition } from '../../../../src/contract/standards-file.schema';
import { WEEKDAYS } from '../../../../src/contract/standards-file.schema';
import { describeStandard, localized } from '../../../../src/core/standards/describe';
import { api } from '../../api/api-client';
import { isApiError } from '../../api/api-error';
import { MessagePage } from '../../components/message-page';
import { useDocumentTitle } from '../../components/use-document-title';
import { EmptyBlock, LoadError, LoadingRows } from '../../components/query-states';
import { flattenTree, pickName, type Names } from '../grid/grid-labels';
import { useSupportTypes, useUnitTree } from '../grid/grid.queries';
import { UnitSelect } from '../grid/unit-select';
import { useEmployees } from '../org/org.queries';
import { examplesFor } from './handbook-examples';
import { StandardsTabs } from '../standards/standards.layout';
import './handbook.css';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function useHandbook(unitId: string | undefined) {
  return useQuery({
    queryKey: ['handbook', unitId ?? 'org'],
    queryFn: ({ signal }) => api.get<Handbook>('/handbook', { unit: unitId }, signal),
  });
}

/** `/handbook` and `/handbook/:unitId`: what is expected of staff, as a clean printable document. */
export function HandbookPage() {
  const { unitId } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const uiLng: Locale = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  const docLng: Locale = params.get('lang') === 'ru' ? 'ru' : params.get('lang') === 'en' ? 'en' : uiLng;
  const tree = useUnitTree();
  const units = useMemo(() => flattenTree(tree.data?.roots ?? []), [tree.data]);
  const handbook = useHandbook(unitId);
  useDocumentTitle(t('handbook.title'));

  const setLang = (lng: Locale) => {
    const next = new URLSearchParams(params);
    next.set('lang', lng);
    setParams(next, { replace: true });
  };

  // A malformed unit id is a 400, an unknown one a 404: both mean "no such unit" to the reader.
  if (
    handbook.isError &&
    isApiError(handbook.error) &&
    (handbook.error.status === 404 || handbook.error.status === 400)
  )
    return (
      <MessagePage
        icon={<IconBook size={32} aria-hidden />}
        title={t('handbook.title')}
        message={t('handbook.notFound')}
        testId="handbook-not-found"
      />
    );

  let doc;
  if (handbook.isPending) doc = <LoadingRows rows={6} height={48} />;
  else if (handbook.isError)
    doc = <LoadError error={handbook.error} onRetry={() => void handbook.refetch()} />;
  else doc = <HandbookDocument handbook={handbook.data} lng={docLng} units={units} />;

  return (
    <div className="handbook-root">
      <div className="handbook-no-print">
        <StandardsTabs />
      </div>
      <Stack gap="sm" mb="lg" className="handbook-no-print">
        <Title order={1} size="h2">
          {t('handbook.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={720}>
          {t('handbook.intro')}
        </Text>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <UnitSelect
            label={t('handbook.unit')}
            placeholder={t('handbook.wholeOrg')}
            units={units}
            value={unitId ?? null}
            onChange={(id) =>
              void navigate({ pathname: id ? `/handbook/${id}` : '/handbook', search: params.toString() })
            }
            w={{ base: '100%', xs: 300 }}
            data-testid="handbook-unit"
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="handbook-lang-label">
              {t('handbook.docLanguage')}
            </Text>
            <SegmentedControl
              value={docLng}
              onChange={(v) => setLang(v === 'ru' ? 'ru' : 'en')}
              data={[
                { value: 'ru', label: 'RU' },
                { value: 'en', label: 'EN' },
              ]}
              aria-labelledby="handbook-lang-label"
              data-testid="handbook-lang"
            />
          </Stack>
          {handbook.data && (
            <Button
              leftSection={<IconPrinter size={16} aria-hidden />}
              onClick={() => window.print()}
              data-testid="handbook-print"
            >
              {t('handbook.print')}
            </Button>
          )}
        </Group>
      </Stack>
      {doc}
    </div>
  );
}

const WEEKDAY_INDEX: Record<(typeof WEEKDAYS)[number], number> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 0,
};

function weekdayName(day: (typeof WEEKDAYS)[number], lng: Locale) {
  // 2024-01-07 was a Sunday: add the weekday's index.
  const d = new Date(Date.UTC(2024, 0, 7 + WEEKDAY_INDEX[day]));
  const name = new Intl.DateTimeFormat(lng, { weekday: 'long', timeZone: 'UTC' }).format(d);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function holidayText(date: string, lng: Locale, t: Translate) {
  if (date.startsWith('--')) {
    const [mm, dd] = date.slice(2).split('-').map(Number);
    const d = new Date(Date.UTC(2000, (mm ?? 1) - 1, dd ?? 1));
    return t('handbook.calendar.yearly', {
      date: new Intl.DateTimeFormat(lng, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(d),
    });
  }
  const d = new Date(`${date}T00:00:00Z`);
  return new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** The document itself, in its own language (independent of the interface's). */
export function HandbookDocument({
  handbook: hb,
  lng,
  units = [],
}: {
  handbook: Handbook;
  lng: Locale;
  /** The organization's units, for naming where a standard applies (codes when absent). */
  units?: readonly { code: string; name: Names }[];
}) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(lng) as unknown as Translate;
  const name = (n: Names, code = '') => pickName(n, lng, code);
  const unitName = hb.unit ? name(hb.unit.name, hb.unit.code) : '';
  const calendars = new Map(hb.calendars.map((c) => [c.id, c]));
  const unitCalendar = hb.unit_calendar ? calendars.get(hb.unit_calendar) : undefined;
  const date = new Intl.DateTimeFormat(lng, { dateStyle: 'long' }).format(new Date(hb.generated_at));
  const path = hb.path.map((u) => name(u.name, u.code)).join(' › ');
  const unitNames = new Map<string, string>(units.map((u) => [u.code, name(u.name, u.code)]));
  for (const u of hb.path) unitNames.set(u.code, name(u.name, u.code));
  /** Where a standard naming units applies, unless it names exactly this unit. */
  const appliesTo = (codes: readonly string[] | undefined): string | null => {
    if (!codes || codes.length === 0) return null;
    if (hb.unit && codes.length === 1 && codes[0] === hb.unit.code) return null;
    const named = (list: readonly string[]) => list.map((c) => unitNames.get(c) ?? c).join(', ');
    // In a unit's handbook a standard naming an ancestor binds it through that ancestor.
    const above = hb.unit
      ? hb.path.map((u) => u.code).filter((c) => c !== hb.unit?.code && codes.includes(c))
      : [];
    if (hb.unit && !codes.includes(hb.unit.code) && above.length > 0)
      return t('handbook.appliesToInherited', { units: named(above) });
    return t('handbook.appliesTo', { units: named(codes) });
  };

  return (
    <article className="handbook-doc" lang={lng} data-testid="handbook-doc">
      <header className="handbook-head">
        <Text size="sm" c="dimmed" className="handbook-meta">
          {[t('app.name'), path || t('handbook.wholeOrg'), date].join(' · ')}
        </Text>
        <Title order={2} size="h2" mt={4}>
          {t('handbook.docTitle')}
        </Title>
        <Text size="lg" fw={500}>
          {hb.unit ? unitName : t('handbook.wholeOrg')}
        </Text>
      </header>

      <section className="handbook-section" aria-labelledby="hb-expected">
        <Title order={3} size="h3" id="hb-expected" mb="xs">
          {t('handbook.expected')}
        </Title>
        {hb.standards.length === 0 ? (
          <EmptyBlock message={t('handbook.noStandards')} />
        ) : (
          hb.standards.map(({ code, version, definition: def }) => {
            const calendar = (def.calendar ? calendars.get(def.calendar) : undefined) ?? unitCalendar;
            const examples = examplesFor(def, { lng, t, unitName, calendar });
            const description = localized(def.description, lng);
            const why = localized(def.why, lng);
            const where = appliesTo(def.units);
            return (
              <div key={code} className="handbook-standard" data-testid="handbook-standard">
                <Title order={4} size="h4">
                  {localized(def.title, lng) || code}{' '}
                  <Text span size="xs" c="dimmed" ff="monospace" fw={400}>
                    {code} · v{version}
                  </Text>
                </Title>
                {where && (
                  <Text size="sm" c="dimmed" data-testid="handbook-applies">
                    {where}
                  </Text>
                )}
                <Text size="md" fw={500} mt={4} data-testid="handbook-plain">
                  {describeStandard(def, lng, calendar ? { ringSeconds: calendar.ring_seconds } : {})}
                </Text>
                {description && (
                  <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                    {description}
                  </Text>
                )}
                {examples.length > 0 && (
                  <div className="handbook-examples">
                    <Text size="sm" fw={600}>
                      {t('handbook.examples')}
                    </Text>
                    <ul>
                      {examples.map((ex, i) => (
                        <li key={i}>
                          {ex.lead && <span className="handbook-lead">{ex.lead}: </span>}
                          {ex.quote ? <q>{ex.text}</q> : ex.text}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {why && (
                  <Text size="sm" mt={4}>
                    <b>{t('handbook.why')}:</b> {why}
                  </Text>
                )}
              </div>
            );
          })
        )}
      </section>

      {hb.unit && <GridSection handbook={hb} lng={lng} t={t} />}

      <section className="handbook-section" aria-labelledby="hb-calendar">
        <Title order={3} size="h3" id="hb-calendar" mb="xs">
          {t('handbook.calendar.title')}
        </Title>
        {hb.calendars.length === 0 ? (
          <Text size="sm">{t('handbook.calendar.none')}</Text>
        ) : (
          [...hb.calendars]
            .sort((a, b) => (a.id === hb.unit_calendar ? -1 : b.id === hb.unit_calendar ? 1 : 0))
            .map((c) => (
              <CalendarBlock key={c.id} calendar={c} lng={lng} t={t} own={c.id === hb.unit_calendar} />
            ))
        )}
      </section>
    </article>
  );
}

function CalendarBlock({
  calendar: c,
  lng,
  t,
  own,
}: {
  calendar: CalendarDefinition;
  lng: Locale;
  t: Translate;
  own: boolean;
}) {
  const shifts = Object.entries(c.shifts);
  return (
    <div className="handbook-standard" data-testid="handbook-calendar">
      <Title order={4} size="h5">
        {localized(c.name, lng) || c.id}
        {own ? ` — ${t('handbook.calendar.own')}` : ''}{' '}
        <Text span size="xs" c="dimmed" fw={400}>
          ({c.timezone})
        </Text>
      </Title>
      <table className="handbook-table handbook-week">
        <tbody>
          {WEEKDAYS.map((d) => {
            const hours = c.week[d] ?? [];
            return (
              <tr key={d}>
                <th scope="row">{weekdayName(d, lng)}</th>
                <td>{hours.length === 0 ? t('handbook.calendar.dayOff') : hours.join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {c.holidays.length > 0 && (
        <Text size="sm" mt={6}>
          <b>{t('handbook.calendar.holidays')}:</b> {c.holidays.map((h) => holidayText(h, lng, t)).join('; ')}
        </Text>
      )}
      {shifts.length > 0 && (
        <Text size="sm" mt={4}>
          <b>{t('handbook.calendar.shifts')}:</b>{' '}
          {shifts
            .map(
              ([day, hours]) =>
                `${holidayText(day, lng, t)}: ${hours.length ? hours.join(', ') : t('handbook.calendar.dayOff')}`,
            )
            .join('; ')}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t('handbook.calendar.ring', { seconds: c.ring_seconds })}
      </Text>
    </div>
  );
}

function GridSection({ handbook: hb, lng, t }: { handbook: Handbook; lng: Locale; t: Translate }) {
  const tree = useUnitTree();
  const types = useSupportTypes();
  const people = useEmployees({ status: 'active' });
  const unitNames = useMemo(
    () => new Map(flattenTree(tree.data?.roots ?? []).map((u) => [u.id, pickName(u.name, lng, u.code)])),
    [tree.data, lng],
  );
  const typeNames = useMemo(
    () => new Map((types.data?.items ?? []).map((s) => [s.id, pickName(s.name, lng, s.code)])),
    [types.data, lng],
  );
  const personNames = useMemo(
    () => new Map((people.data?.items ?? []).map((e) => [e.id, pickName(e.name, lng, e.code)])),
    [people.data, lng],
  );
  const providerName = (c: GridCell) =>
    (c.provider.kind === 'unit' ? unitNames.get(c.provider.id) : personNames.get(c.provider.id)) ?? '—';

  const table = (cells: GridCell[], who: (c: GridCell) => string, whoLabel: string, testId: string) =>
    cells.length === 0 ? (
      <Text size="sm" fs="italic">
        {t('handbook.grid.none')}
      </Text>
    ) : (
      // Scrolls sideways by itself on a phone rather than the whole page; a short table stays on one sheet.
      <div className={cells.length <= 8 ? 'handbook-table-wrap handbook-keep' : 'handbook-table-wrap'}>
        <table className="handbook-table" data-testid={testId}>
          <thead>
            <tr>
              <th style={{ width: '22%' }}>{whoLabel}</th>
              <th style={{ width: '20%' }}>{t('handbook.grid.types')}</th>
              <th>{t('handbook.grid.instructions')}</th>
              <th style={{ width: '16%' }}>{t('handbook.grid.expected')}</th>
              <th style={{ width: '14%' }}>{t('handbook.grid.contact')}</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((c) => (
              <tr key={c.id}>
                <td>{who(c)}</td>
                <td>{c.support_type_ids.map((id) => typeNames.get(id) ?? '…').join(', ')}</td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{c.instructions ?? ''}</td>
                <td>{c.expected_response ?? ''}</td>
                <td>{c.contact_employee_id ? (personNames.get(c.contact_employee_id) ?? '…') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <section className="handbook-section" aria-labelledby="hb-grid">
      <Title order={3} size="h3" id="hb-grid" mb="xs">
        {t('handbook.grid.title')}
      </Title>
      {(types.isError || tree.isError) && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconInfoCircle size={16} aria-hidden />}
          mb="xs"
          className="handbook-no-print"
        >
          {t('handbook.grid.namesMissing')}
        </Alert>
      )}
      <div className={hb.grid.gives.length <= 8 ? 'handbook-keep' : undefined}>
        <Title order={4} size="h5" mb={4}>
          {t('handbook.grid.gives')}
        </Title>
        {table(
          hb.grid.gives,
          (c) => unitNames.get(c.recipient_unit_id) ?? '—',
          t('handbook.grid.recipient'),
          'handbook-gives',
        )}
      </div>
      <div className={hb.grid.receives.length <= 8 ? 'handbook-keep' : undefined}>
        <Title order={4} size="h5" mt="sm" mb={4}>
          {t('handbook.grid.receives')}
        </Title>
        {table(hb.grid.receives, providerName, t('handbook.grid.provider'), 'handbook-receives')}
      </div>
    </section>
  );
}
