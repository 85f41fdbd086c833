import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  MEASURE_TYPES,
  RATING_SCALES,
  SCALE_POINTS,
  SCRIPT_PARTS,
  type RatingScale,
} from '../../../../src/contract/standards-file.schema';

/** The measure as the editor holds it: any of the file's measure objects, possibly half-filled. */
export type MeasureDraft = { type: (typeof MEASURE_TYPES)[number] } & Record<string, unknown>;
type Localized = { ru?: string; en?: string };

/** A fresh measure of a type, with the values most standards of that type start from. */
export function newMeasure(type: MeasureDraft['type']): MeasureDraft {
  switch (type) {
    case 'threshold':
      return { type, field: 'rings', max: 3 };
    case 'response_time':
      return { type, within: '4h', clock: 'business' };
    case 'template':
      return { type, allowed: [] };
    case 'script':
      return { type, field: 'greeting', require: ['time_greeting', 'unit', 'employee'], greetings: [] };
    case 'rating':
      return { type, scale: '1-5', pass_min: 4, weight: 1, critical: false, allow_na: true };
    case 'checklist':
      return { type, weight: 1, critical: false, allow_na: true };
  }
}

/** `{ru, en}` with empty languages left out; nothing when both are empty. */
export function localizedOrUndefined(value: Localized | undefined): Localized | undefined {
  const ru = value?.ru?.trim() ? value.ru : undefined;
  const en = value?.en?.trim() ? value.en : undefined;
  if (ru === undefined && en === undefined) return undefined;
  return { ...(ru === undefined ? {} : { ru }), ...(en === undefined ? {} : { en }) };
}

/** A file's text (`"x"` or `{ru, en}`) as the two inputs the editor shows. */
export function asLocalized(value: unknown): Localized {
  if (typeof value === 'string') return { ru: value, en: value };
  if (value && typeof value === 'object') return value as Localized;
  return {};
}

const num = (v: string | number) => (v === '' || v === undefined ? undefined : Number(v));

/** Two inputs, Russian and English, for one localized text. */
export function LocalizedInputs({
  label,
  value,
  onChange,
  error,
  multiline = false,
  required = false,
}: {
  label: string;
  value: Localized;
  onChange: (v: Localized) => void;
  error?: string | undefined;
  multiline?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const Input = multiline ? Textarea : TextInput;
  const extra = multiline ? { autosize: true, minRows: 2 } : {};
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      {(['ru', 'en'] as const).map((l) => (
        <Input
          key={l}
          lang={l}
          label={`${label} · ${t(`standards.preview.${l}`)}`}
          value={value[l] ?? ''}
          onChange={(e) => onChange({ ...value, [l]: e.currentTarget.value })}
          error={error}
          withAsterisk={required}
          {...extra}
        />
      ))}
    </SimpleGrid>
  );
}

/**
 * The measure editor: a type, then the fields of that type, each showing the contract's own
 * complaint about it (`err('measure.max')`).
 */
export function MeasureEditor({
  value,
  onChange,
  err,
}: {
  value: MeasureDraft;
  onChange: (m: MeasureDraft) => void;
  err: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (patch: Record<string, unknown>) => {
    const next = { ...value, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
    onChange(next);
  };
  const m = value;
  let fields;
  switch (m.type) {
    case 'threshold': {
      const field = typeof m.field === 'string' ? m.field : '';
      const known = field === 'rings' || field === 'wait_seconds';
      fields = (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Select
              label={t('standards.measure.field')}
              data={[
                { value: 'rings', label: t('standards.measure.fieldRings') },
                { value: 'wait_seconds', label: t('standards.measure.fieldWait') },
                { value: 'other', label: t('standards.measure.fieldOther') },
              ]}
              value={known ? field : 'other'}
              onChange={(v) => set({ field: v === 'other' ? '' : (v ?? 'rings') })}
              allowDeselect={false}
            />
            {!known && (
              <TextInput
                label={t('standards.measure.column')}
                description={t('standards.measure.columnHint')}
                value={field}
                onChange={(e) => set({ field: e.currentTarget.value })}
                error={err('measure.field')}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="xs">
            <NumberInput
              label={t('standards.measure.min')}
              value={(m.min as number | undefined) ?? ''}
              onChange={(v) => set({ min: num(v) })}
              error={err('measure.min')}
            />
            <NumberInput
              label={t('standards.measure.max')}
              value={(m.max as number | undefined) ?? ''}
              onChange={(v) => set({ max: num(v) })}
              error={err('measure.max')}
            />
          </SimpleGrid>
        </>
      );
      break;
    }
    case 'response_time':
      fields = (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            label={t('standards.measure.within')}
            description={t('standards.measure.withinHint')}
            value={(m.within as string | undefined) ?? ''}
            onChange={(e) => set({ within: e.currentTarget.value })}
            error={err('measure.within')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="clock-label">
              {t('standards.measure.clock')}
            </Text>
            <SegmentedControl
              aria-labelledby="clock-label"
              value={(m.clock as string | undefined) ?? 'business'}
              onChange={(v) => set({ clock: v })}
              data={[
                { value: 'business', label: t('standards.measure.business') },
                { value: 'calendar', label: t('standards.measure.calendar') },
              ]}
            />
          </Stack>
        </SimpleGrid>
      );
      break;
    case 'template':
      fields = (
        <TagsInput
          label={t('standards.measure.allowed')}
          description={t('standards.measure.allowedHint')}
          value={(m.allowed as string[] | undefined) ?? []}
          onChange={(v) => set({ allowed: v })}
          error={err('measure.allowed')}
          clearable
        />
      );
      break;
    case 'script': {
      const greetings = (m.greetings as { from?: string; say?: string[] }[] | undefined) ?? [];
      const setGreeting = (i: number, patch: { from?: string; say?: string[] }) =>
        set({ greetings: greetings.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
      fields = (
        <>
          <TextInput
            label={t('standards.measure.scriptField')}
            description={t('standards.measure.scriptFieldHint')}
            value={(m.field as string | undefined) ?? ''}
            onChange={(e) => set({ field: e.currentTarget.value })}
            error={err('measure.field')}
          />
          <Checkbox.Group
            label={t('standards.measure.require')}
            value={(m.require as string[] | undefined) ?? []}
            onChange={(v) => set({ require: v })}
            error={err('measure.require')}
          >
            <Group gap="md" mt={4}>
              {SCRIPT_PARTS.map((p) => (
                <Checkbox key={p} value={p} label={t(`standards.measure.parts.${p}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('standards.measure.greetings')}
            </Text>
            {greetings.map((g, i) => (
              <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
                <TextInput
                  w={96}
                  label={t('standards.measure.from')}
                  placeholder="HH:MM"
                  value={g.from ?? ''}
                  onChange={(e) => setGreeting(i, { from: e.currentTarget.value })}
                  error={err(`measure.greetings.${i}.from`)}
                />
                <TagsInput
                  style={{ flex: 1 }}
                  label={t('standards.measure.say')}
                  value={g.say ?? []}
                  onChange={(say) => setGreeting(i, { say })}
                  error={err(`measure.greetings.${i}.say`)}
                />
                <ActionIcon
                  mt={26}
                  variant="subtle"
                  color="red"
                  aria-label={t('standards.measure.removeGreeting')}
                  onClick={() => set({ greetings: greetings.filter((_, j) => j !== i) })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            {err('measure.greetings') && (
              <Text size="xs" c="red" role="alert">
                {err('measure.greetings')}
              </Text>
            )}
            <Button
              size="xs"
              variant="light"
              w="max-content"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => set({ greetings: [...greetings, { from: '', say: [] }] })}
            >
              {t('standards.measure.addGreeting')}
            </Button>
          </Stack>
        </>
      );
      break;
    }
    case 'rating': {
      const scale = ((m.scale as RatingScale | undefined) ?? '1-5') as RatingScale;
      const points = SCALE_POINTS[scale];
      const labels = m.labels as Localized[] | undefined;
      fields = (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Select
              label={t('standards.measure.scale')}
              data={RATING_SCALES.map((s) => ({ value: s, label: t(`standards.measure.scales.${s}`) }))}
              value={scale}
              onChange={(v) => {
                const next = (v ?? '1-5') as RatingScale;
                set({
                  scale: next,
                  labels: labels
                    ? Array.from({ length: SCALE_POINTS[next] }, (_, i) => labels[i] ?? {})
                    : undefined,
                });
              }}
              allowDeselect={false}
            />
            <NumberInput
              label={t('standards.measure.passMin')}
              description={t('standards.measure.passMinHint', { points })}
              min={1}
              max={points}
              value={(m.pass_min as number | undefined) ?? ''}
              onChange={(v) => set({ pass_min: num(v) })}
              error={err('measure.pass_min')}
            />
          </SimpleGrid>
          <Switch
            label={t('standards.measure.labelPoints')}
            checked={!!labels}
            onChange={(e) =>
              set({
                labels: e.currentTarget.checked ? Array.from({ length: points }, () => ({})) : undefined,
              })
            }
          />
          {labels && (
            <Stack gap={4}>
              {labels.map((l, i) => (
                <Group key={i} gap="xs" wrap="nowrap" align="flex-end">
                  <Text size="sm" w={20} ta="right" pb={8}>
                    {i + 1}
                  </Text>
                  {(['ru', 'en'] as const).map((lng) => (
                    <TextInput
                      key={lng}
                      style={{ flex: 1 }}
                      lang={lng}
                      aria-label={t('standards.measure.pointLabel', { point: i + 1, lang: lng })}
                      placeholder={t(`standards.preview.${lng}`)}
                      value={l[lng] ?? ''}
                      onChange={(e) => {
                        const text = e.currentTarget.value;
                        set({ labels: labels.map((x, j) => (j === i ? { ...x, [lng]: text } : x)) });
                      }}
                      error={err(`measure.labels.${i}`)}
                    />
                  ))}
                </Group>
              ))}
              {err('measure.labels') && (
                <Text size="xs" c="red">
                  {err('measure.labels')}
                </Text>
              )}
            </Stack>
          )}
          <ObservedFields m={m} set={set} err={err} />
        </>
      );
      break;
    }
    case 'checklist':
      fields = <ObservedFields m={m} set={set} err={err} />;
      break;
  }

  return (
    <Paper withBorder p="sm" radius="md" data-testid="measure-editor">
      <Stack gap="sm">
        <Select
          label={t('standards.fields.measure')}
          data={MEASURE_TYPES.map((type) => ({ value: type, label: t(`standards.measures.${type}`) }))}
          value={m.type}
          onChange={(v) => v && v !== m.type && onChange(newMeasure(v as MeasureDraft['type']))}
          allowDeselect={false}
          description={t(`standards.measure.hints.${m.type}`)}
        />
        {fields}
        {err('measure') && (
          <Text size="sm" c="red" role="alert" data-testid="measure-error">
            {err('measure')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** What rating and checklist items share: weight, critical, "not applicable", guidance for observers. */
function ObservedFields({
  m,
  set,
  err,
}: {
  m: MeasureDraft;
  set: (patch: Record<string, unknown>) => void;
  err: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <NumberInput
          label={t('standards.measure.weight')}
          min={0}
          step={0.5}
          value={(m.weight as number | undefined) ?? ''}
          onChange={(v) => set({ weight: num(v) })}
          error={err('measure.weight')}
        />
        <Switch
          mt={{ sm: 28 }}
          label={t('standards.measure.critical')}
          checked={m.critical === true}
          onChange={(e) => set({ critical: e.currentTarget.checked })}
        />
        <Switch
          mt={{ sm: 28 }}
          label={t('standards.measure.allowNa')}
          checked={m.allow_na !== false}
          onChange={(e) => set({ allow_na: e.currentTarget.checked })}
        />
      </SimpleGrid>
      <LocalizedInputs
        label={t('standards.measure.guidance')}
        value={asLocalized(m.guidance)}
        onChange={(v) => set({ guidance: localizedOrUndefined(v) })}
        error={err('measure.guidance')}
        multiline
      />
    </>
  );
}
