import { useEffect, useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/api-error';
import { FormDialog } from '../../components/form.dialog';
import { useErrorText } from '../../i18n/error-text';
import { useTemplateTitle } from '../audits/audit-badges';
import { useAuditTemplates } from '../audits/audits.queries';
import { useCalibrationCandidates, useCreateCalibration } from './calibration.queries';

interface SubjectDraft {
  key: number;
  label: string;
  description: string;
}

const MAX_SUBJECTS = 20;

/** "New session" (quality leads): title, template, 1–20 subjects, at least two participants. */
export function NewCalibrationDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { errorText, issueText } = useErrorText();
  const navigate = useNavigate();
  const templates = useAuditTemplates(opened);
  const candidates = useCalibrationCandidates(opened);
  const templateTitle = useTemplateTitle();
  const create = useCreateCalibration();
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [subjects, setSubjects] = useState<SubjectDraft[]>([{ key: 1, label: '', description: '' }]);
  const [participants, setParticipants] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  useEffect(() => {
    if (!opened) return;
    setTitle('');
    setTemplateId(null);
    setSubjects([{ key: 1, label: '', description: '' }]);
    setParticipants([]);
    setErrors({});
    create.reset();
  }, [opened]);

  const templateOptions = (templates.data?.items ?? []).map((tpl) => ({
    value: tpl.id,
    label: templateTitle(tpl.title, tpl.code),
  }));
  const people = (candidates.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name} (${p.email})`,
  }));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const next: Record<string, string | undefined> = {};
    if (!title.trim()) next.title = t('calibration.create.needTitle');
    if (!templateId) next.template = t('calibration.create.needTemplate');
    subjects.forEach((s, i) => {
      if (!s.label.trim()) next[`subject.${i}`] = t('calibration.create.needSubject');
    });
    if (participants.length < 2) next.participants = t('calibration.create.needParticipants');
    setErrors(next);
    if (Object.keys(next).length > 0 || !templateId) return;
    create.mutate(
      {
        title: title.trim(),
        template_id: templateId,
        subjects: subjects.map((s) => ({ label: s.label.trim(), description: s.description.trim() })),
        participant_ids: participants,
      },
      { onSuccess: (session) => void navigate(`/calibration/${session.id}`) },
    );
  };

  const serverMessage = create.isError
    ? [errorText(create.error), ...(isApiError(create.error) ? create.error.issues.map(issueText) : [])].join(
        ' ',
      )
    : null;

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('calibration.create.title')}
      testId="new-calibration-form"
      onSubmit={submit}
      error={serverMessage}
      submitLabel={t('calibration.create.submit')}
      loading={create.isPending}
      size="lg"
    >
      {templates.isSuccess && templateOptions.length === 0 && (
        <Alert color="yellow" variant="light">
          {t('calibration.create.noTemplates')}
        </Alert>
      )}
      <TextInput
        label={t('calibration.create.name')}
        size="md"
        required
        maxLength={200}
        value={title}
        onChange={(e) => {
          setTitle(e.currentTarget.value);
          setErrors((er) => ({ ...er, title: undefined }));
        }}
        error={errors.title}
      />
      <Select
        label={t('calibration.create.template')}
        description={t('calibration.create.templateHint')}
        size="md"
        required
        searchable
        data={templateOptions}
        value={templateId}
        onChange={(v) => {
          setTemplateId(v);
          setErrors((er) => ({ ...er, template: undefined }));
        }}
        error={errors.template}
        nothingFoundMessage={t('calibration.create.nothingFound')}
        comboboxProps={{ withinPortal: true }}
      />
      <Stack gap="xs" component="fieldset" className="calibration-fieldset">
        <Text component="legend" fw={500} size="sm">
          {t('calibration.create.subjects')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('calibration.create.subjectsHint')}
        </Text>
        {subjects.map((s, i) => (
          <Group key={s.key} align="flex-start" wrap="nowrap" gap="xs" data-testid="subject-row">
            <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
              <TextInput
                label={t('calibration.create.subjectLabel', { n: i + 1 })}
                size="md"
                required
                maxLength={200}
                value={s.label}
                onChange={(e) => {
                  const label = e.currentTarget.value;
                  setSubjects((list) => list.map((x) => (x.key === s.key ? { ...x, label } : x)));
                  setErrors((er) => ({ ...er, [`subject.${i}`]: undefined }));
                }}
                error={errors[`subject.${i}`]}
              />
              <Textarea
                label={t('calibration.create.subjectDescription', { n: i + 1 })}
                description={i === 0 ? t('calibration.create.subjectDescriptionHint') : undefined}
                autosize
                minRows={1}
                maxLength={4000}
                value={s.description}
                onChange={(e) => {
                  const description = e.currentTarget.value;
                  setSubjects((list) => list.map((x) => (x.key === s.key ? { ...x, description } : x)));
                }}
              />
            </Stack>
            {subjects.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="gray"
                size={44}
                mt={26}
                aria-label={t('calibration.create.removeSubject', { n: i + 1 })}
                onClick={() => setSubjects((list) => list.filter((x) => x.key !== s.key))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
        {subjects.length < MAX_SUBJECTS && (
          <Button
            variant="light"
            h={44}
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() =>
              setSubjects((list) => [
                ...list,
                { key: Math.max(...list.map((x) => x.key)) + 1, label: '', description: '' },
              ])
            }
            style={{ alignSelf: 'flex-start' }}
          >
            {t('calibration.create.addSubject')}
          </Button>
        )}
      </Stack>
      <MultiSelect
        label={t('calibration.create.participants')}
        description={t('calibration.create.participantsHint')}
        size="md"
        required
        searchable
        data={people}
        value={participants}
        onChange={(v) => {
          setParticipants(v);
          setErrors((er) => ({ ...er, participants: undefined }));
        }}
        error={errors.participants ?? (candidates.isError ? errorText(candidates.error) : undefined)}
        nothingFoundMessage={t('calibration.create.nothingFound')}
        comboboxProps={{ withinPortal: true }}
      />
    </FormDialog>
  );
}
