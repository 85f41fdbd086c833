import { useEffect, useMemo, useState, type FormEvent } from 'react';
import {
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { AuditSchedule } from '../../../../src/contract/audit-schedule.schema';
import type { UnitNode } from '../../../../src/contract/unit.schema';
import { isApiError } from '../../api/api-error';
import { FormDialog } from '../../components/form.dialog';
import { useErrorText } from '../../i18n/error-text';
import { useOrgTree } from '../org/org.queries';
import { useUnitLabel } from '../org/unit-options';
import { useAuditTemplates } from '../audits/audits.queries';
import { useTemplateTitle } from '../audits/audit-badges';
import { useAssignablePeople, useSaveSchedule } from './audit-schedules.queries';
import {
  checkScheduleForm,
  EMPTY_SCHEDULE,
  toRequest,
  valuesOf,
  type ScheduleFormValues,
} from './schedule-form';

function flatten(nodes: UnitNode[], out: UnitNode[] = []) {
  for (const unit of nodes) {
    out.push(unit);
    flatten(unit.children, out);
  }
  return out;
}

/** The API's field paths the form shows next to an input. */
const FIELDS = [
  'template_id',
  'unit',
  'rule.weekday',
  'rule.day',
  'rule.time',
  'rule.n',
  'due_after',
  'grace',
  'timezone',
  'starts_on',
  'ends_on',
  'auditor_ids',
] as const;

/** Create or edit a schedule: template, unit, when, how long, who. */
export function ScheduleFormDialog({
  opened,
  schedule,
  onClose,
}: {
  opened: boolean;
  /** The schedule to edit; null: a new one. */
  schedule: AuditSchedule | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { errorText, issueText } = useErrorText();
  const templates = useAuditTemplates(opened);
  const tree = useOrgTree();
  const unitLabel = useUnitLabel();
  const templateTitle = useTemplateTitle();
  const people = useAssignablePeople(opened);
  const save = useSaveSchedule();
  const [v, setV] = useState<ScheduleFormValues>(EMPTY_SCHEDULE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (patch: Partial<ScheduleFormValues>) => setV((old) => ({ ...old, ...patch }));

  useEffect(() => {
    if (!opened) return;
    setV(schedule ? valuesOf(schedule) : EMPTY_SCHEDULE);
    setErrors({});
    setFormError(null);
    save.reset();
  }, [opened, schedule]);

  const units = useMemo(
    () => flatten(tree.data?.roots ?? []).filter((u) => u.status === 'active'),
    [tree.data],
  );
  const err = (field: string) => errors[field];

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const local = checkScheduleForm(v);
    setErrors(
      Object.fromEntries(
        Object.entries(local).map(([k, key]) => [k, t(`auditSchedules.form.errors.${key}` as never)]),
      ),
    );
    setFormError(null);
    if (Object.keys(local).length > 0) return;
    save.mutate(
      { id: schedule?.id ?? null, body: toRequest(v) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: schedule ? t('auditSchedules.saved') : t('auditSchedules.created'),
          });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'validation_failed') {
            const fields: Record<string, string> = {};
            const rest: string[] = [];
            for (const issue of error.issues) {
              const path = issue.path?.startsWith('auditor_ids') ? 'auditor_ids' : issue.path;
              if (path && (FIELDS as readonly string[]).includes(path))
                fields[path] = fields[path] ? `${fields[path]} ${issueText(issue)}` : issueText(issue);
              else rest.push(issueText(issue));
            }
            setErrors(fields);
            setFormError(rest.length > 0 ? rest.join(' ') : null);
          } else setFormError(errorText(error));
        },
      },
    );
  };

  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: t(`auditSchedules.weekdays.${d}` as never),
  }));

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={schedule ? t('auditSchedules.form.editTitle') : t('auditSchedules.form.createTitle')}
      size="lg"
      testId="schedule-form"
      onSubmit={submit}
      error={formError}
      submitLabel={schedule ? t('auditSchedules.form.save') : t('auditSchedules.form.create')}
      loading={save.isPending}
    >
      <Select
        label={t('auditSchedules.form.template')}
        required
        searchable
        data={(templates.data?.items ?? []).map((tpl) => ({
          value: tpl.id,
          label: templateTitle(tpl.title, tpl.code),
        }))}
        value={v.templateId}
        onChange={(value) => set({ templateId: value })}
        error={err('template_id')}
      />
      <Select
        label={t('auditSchedules.form.unit')}
        required
        searchable
        data={units.map((u) => ({ value: u.code, label: unitLabel(u) }))}
        value={v.unitCode}
        onChange={(value) => set({ unitCode: value })}
        error={err('unit')}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="schedule-kind">
          {t('auditSchedules.form.kind')}
        </Text>
        <SegmentedControl
          aria-labelledby="schedule-kind"
          fullWidth
          value={v.kind}
          onChange={(kind) => set({ kind: kind as ScheduleFormValues['kind'] })}
          data={(['weekly', 'monthly', 'n_per_month'] as const).map((k) => ({
            value: k,
            label: t(`auditSchedules.form.kinds.${k}`),
          }))}
        />
      </Stack>
      {v.kind === 'weekly' && (
        <Group grow align="flex-start" wrap="wrap">
          <Select
            label={t('auditSchedules.form.weekday')}
            data={weekdays}
            value={String(v.weekday)}
            allowDeselect={false}
            onChange={(value) => set({ weekday: Number(value ?? 1) })}
            error={err('rule.weekday')}
            miw={160}
          />
          <TextInput
            type="time"
            label={t('auditSchedules.form.time')}
            value={v.time}
            onChange={(e) => set({ time: e.currentTarget.value })}
            error={err('rule.time')}
            miw={120}
          />
        </Group>
      )}
      {v.kind === 'monthly' && (
        <Group grow align="flex-start" wrap="wrap">
          <NumberInput
            label={t('auditSchedules.form.day')}
            description={t('auditSchedules.form.dayHint')}
            min={1}
            max={31}
            allowDecimal={false}
            value={v.day}
            onChange={(value) => set({ day: Number(value) })}
            error={err('rule.day')}
            miw={160}
          />
          <TextInput
            type="time"
            label={t('auditSchedules.form.time')}
            value={v.time}
            onChange={(e) => set({ time: e.currentTarget.value })}
            error={err('rule.time')}
            miw={120}
          />
        </Group>
      )}
      {v.kind === 'n_per_month' && (
        <NumberInput
          label={t('auditSchedules.form.n')}
          description={t('auditSchedules.form.nHint')}
          min={1}
          max={100}
          allowDecimal={false}
          value={v.n}
          onChange={(value) => set({ n: Number(value) })}
          error={err('rule.n')}
        />
      )}
      <DurationFields
        legend={t('auditSchedules.form.dueAfter')}
        days={v.dueDays}
        hours={v.dueHours}
        onChange={(dueDays, dueHours) => set({ dueDays, dueHours })}
        error={err('due_after')}
      />
      <DurationFields
        legend={t('auditSchedules.form.grace')}
        days={v.graceDays}
        hours={v.graceHours}
        onChange={(graceDays, graceHours) => set({ graceDays, graceHours })}
        error={err('grace')}
      />
      <MultiSelect
        label={t('auditSchedules.form.auditorsField')}
        description={t('auditSchedules.form.auditorsHint')}
        required
        searchable
        data={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))}
        value={v.auditorIds}
        onChange={(auditorIds) => set({ auditorIds })}
        error={err('auditor_ids')}
      />
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          type="date"
          label={t('auditSchedules.form.startsOn')}
          description={t('auditSchedules.form.startsOnHint')}
          value={v.startsOn}
          onChange={(e) => set({ startsOn: e.currentTarget.value })}
          error={err('starts_on')}
          miw={150}
        />
        <TextInput
          type="date"
          label={t('auditSchedules.form.endsOn')}
          description={t('auditSchedules.form.endsOnHint')}
          value={v.endsOn}
          onChange={(e) => set({ endsOn: e.currentTarget.value })}
          error={err('ends_on')}
          miw={150}
        />
      </Group>
      <TextInput
        label={t('auditSchedules.form.timezone')}
        description={t('auditSchedules.form.timezoneHint')}
        placeholder="Europe/Moscow"
        value={v.timezone}
        onChange={(e) => set({ timezone: e.currentTarget.value })}
        error={err('timezone')}
      />
    </FormDialog>
  );
}

function DurationFields(props: {
  legend: string;
  days: number;
  hours: number;
  onChange: (days: number, hours: number) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" size="sm" fw={500} p={0}>
        {props.legend}
      </Text>
      <Group grow align="flex-start">
        <NumberInput
          label={t('auditSchedules.form.days')}
          min={0}
          max={366}
          allowDecimal={false}
          value={props.days}
          onChange={(value) => props.onChange(Number(value) || 0, props.hours)}
          error={props.error ? ' ' : undefined}
        />
        <NumberInput
          label={t('auditSchedules.form.hours')}
          min={0}
          max={23}
          allowDecimal={false}
          value={props.hours}
          onChange={(value) => props.onChange(props.days, Number(value) || 0)}
          error={props.error ? ' ' : undefined}
        />
      </Group>
      {props.error && (
        <Text size="xs" c="red" role="alert">
          {props.error}
        </Text>
      )}
    </Stack>
  );
}
