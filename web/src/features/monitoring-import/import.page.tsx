import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Progress, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useBlocker, useSearchParams } from 'react-router';
import type { ImportFormat } from '../../../../src/contract/monitoring.schema';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { PageHeader } from '../../components/page-header';
import { useErrorText } from '../../i18n/error-text';
import { TIME_ZONES } from '../org/unit-options';
import {
  browserTimeZone,
  cleanMapping,
  firstLineOf,
  formatBytes,
  guessFormat,
  HEAD_BYTES,
  headerIsOurs,
  missingRequired,
  prefillMapping,
  readHead,
  type FileHead,
  type Mapping,
} from './import-file';
import { CdrPreview, ImportPreview } from './import-preview';
import { ImportJob } from './import-job';
import { MappingForm } from './mapping-form';
import { FileDrop } from './file-drop';
import { RecentImports } from './recent-imports';
import { JOBS_KEY, uploadImport, type Upload } from './monitoring-import.queries';
import { MonitoringTabs } from '../monitoring/monitoring.layout';

/** The server takes files up to 1 GiB. */
const MAX_BYTES = 1024 ** 3;
const FORMATS: ImportFormat[] = ['csv', 'ndjson', 'asterisk-cdr'];

type HeadState = { head: FileHead; error?: undefined } | { head?: undefined; error: string };

/** Monitoring → Import: a file of records in, with a mapping, a preview, progress and a report. */
export function ImportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  return (
    <>
      <MonitoringTabs />
      <PageHeader title={t('monitoringImport.title')} intro={t('monitoringImport.intro')} />
      {jobId ? (
        <ImportJob jobId={jobId} onAnother={() => setParams({})} />
      ) : (
        <ImportWizard
          onStarted={(id) => {
            setParams({ job: id });
            window.scrollTo({ top: 0 });
          }}
        />
      )}
      <RecentImports />
    </>
  );
}

function ImportWizard({ onStarted }: { onStarted: (jobId: string) => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const { errorText } = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [guessed, setGuessed] = useState(true);
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [timezone, setTimezone] = useState<string>(browserTimeZone);
  const [state, setState] = useState<HeadState | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const upload = useRef<Upload | null>(null);
  const queryClient = useQueryClient();

  // Closing the tab mid-upload loses the upload (not a started import): ask first.
  useEffect(() => {
    if (!progress) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [progress]);
  useEffect(() => () => upload.current?.abort(), []);
  // Leaving for another page of the app mid-upload would cancel it: ask first.
  const blocker = useBlocker(() => upload.current !== null);

  const load = (chunk: string, complete: boolean, next: ImportFormat) => {
    try {
      const head = readHead(chunk, next, complete);
      setState({ head });
      setMapping(next === 'asterisk-cdr' || headerIsOurs(head.columns) ? {} : prefillMapping(head.columns));
    } catch {
      setState({
        error: t(next === 'ndjson' ? 'monitoringImport.file.notNdjson' : 'monitoringImport.file.noHeader'),
      });
      setMapping({});
    }
  };

  const choose = async (chosen: File) => {
    setFile(chosen);
    setFileError(null);
    setUploadError(null);
    setState(null);
    setText('');
    if (chosen.size === 0) return setFileError(t('monitoringImport.file.empty'));
    if (chosen.size > MAX_BYTES)
      return setFileError(t('monitoringImport.file.tooBig', { size: formatBytes(chosen.size, lng) }));
    let chunk: string;
    try {
      // Only the head: the header and the first rows. The file itself goes to the server as it is.
      chunk = await chosen.slice(0, HEAD_BYTES).text();
    } catch {
      return setFileError(t('monitoringImport.file.unreadable'));
    }
    if (chunk.includes('\u0000')) return setFileError(t('monitoringImport.file.binary'));
    const guess = guessFormat(chosen.name, firstLineOf(chunk));
    setText(chunk);
    setGuessed(guess !== undefined);
    const next = guess ?? 'csv';
    setFormat(next);
    load(chunk, chosen.size <= HEAD_BYTES, next);
  };

  const changeFormat = (value: string | null) => {
    if (!value || !file) return;
    const next = value as ImportFormat;
    setFormat(next);
    setGuessed(true);
    load(text, file.size <= HEAD_BYTES, next);
  };

  const head = state?.head;
  const needsMapping = head !== undefined && format !== 'asterisk-cdr' && !headerIsOurs(head.columns);
  const missing = needsMapping ? missingRequired(mapping) : [];
  const uploading = progress !== null;
  const ready = file !== null && format !== null && head !== undefined && !fileError && missing.length === 0;

  const start = () => {
    if (!ready || !file || !format) return;
    setUploadError(null);
    setProgress({ sent: 0, total: file.size });
    const u = uploadImport(
      {
        file,
        format,
        timezone: format === 'asterisk-cdr' ? timezone : undefined,
        mapping: needsMapping ? cleanMapping(mapping) : undefined,
      },
      (sent, total) => setProgress({ sent, total }),
    );
    upload.current = u;
    u.done.then(
      (job) => {
        upload.current = null;
        setProgress(null);
        void queryClient.invalidateQueries({ queryKey: JOBS_KEY });
        onStarted(job.id);
      },
      (e: unknown) => {
        upload.current = null;
        setProgress(null);
        if (e instanceof Error && 'code' in e && e.code === 'aborted') return;
        setUploadError(errorText(e));
      },
    );
  };

  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;

  return (
    <Stack gap="md">
      <FileDrop file={file} onFile={(f) => void choose(f)} />
      {fileError && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          icon={<IconAlertTriangle aria-hidden />}
          data-testid="import-file-error"
        >
          {fileError}
        </Alert>
      )}

      {file && !fileError && format && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('monitoringImport.file.summary', { name: file.name, size: formatBytes(file.size, lng) })}
            </Text>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <Select
                label={t('monitoringImport.format.label')}
                description={
                  guessed ? t('monitoringImport.format.guessed') : t('monitoringImport.format.unknown')
                }
                data={FORMATS.map((f) => ({ value: f, label: t(`monitoringImport.format.${f}`) }))}
                value={format}
                onChange={changeFormat}
                allowDeselect={false}
                disabled={uploading}
                style={{ flex: '1 1 240px' }}
              />
              {format === 'asterisk-cdr' && (
                <Select
                  label={t('monitoringImport.format.timezone')}
                  description={t('monitoringImport.format.timezoneHint')}
                  data={TIME_ZONES}
                  value={timezone}
                  onChange={(v) => v && setTimezone(v)}
                  searchable
                  allowDeselect={false}
                  disabled={uploading}
                  style={{ flex: '1 1 240px' }}
                />
              )}
            </Group>
            {format === 'asterisk-cdr' && (
              <Text size="sm" c="dimmed">
                {t('monitoringImport.format.cdrNote')}
              </Text>
            )}
            {head && !needsMapping && format !== 'asterisk-cdr' && (
              <Text size="sm" c="teal.8">
                {t('monitoringImport.mapping.notNeeded')}
              </Text>
            )}
          </Stack>
        </Paper>
      )}

      {state?.error && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          icon={<IconAlertTriangle aria-hidden />}
          data-testid="import-file-error"
        >
          {state.error}
        </Alert>
      )}

      {head && needsMapping && (
        <MappingForm
          columns={head.columns}
          format={format ?? 'csv'}
          mapping={mapping}
          onChange={setMapping}
        />
      )}
      {head &&
        (format === 'asterisk-cdr' ? (
          <CdrPreview head={head} />
        ) : (
          <ImportPreview head={head} mapping={needsMapping ? mapping : undefined} />
        ))}

      <ConfirmDialog
        opened={blocker.state === 'blocked'}
        title={t('monitoringImport.upload.leaveTitle')}
        body={t('monitoringImport.upload.leaveBody')}
        confirmLabel={t('monitoringImport.upload.leave')}
        onConfirm={() => {
          upload.current?.abort();
          blocker.proceed?.();
        }}
        onClose={() => blocker.reset?.()}
      />
      {file && !fileError && head && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            {missing.length > 0 && (
              <Text size="sm" c="red.8">
                {t('monitoringImport.mapping.missing', { fields: missing.join(', ') })}
              </Text>
            )}
            {uploading ? (
              <Stack gap={4}>
                <Group justify="space-between" gap="xs">
                  <Text size="sm" id="import-upload-label">
                    {t('monitoringImport.upload.label')}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('monitoringImport.job.bytes', {
                      done: formatBytes(progress.sent, lng),
                      total: formatBytes(progress.total, lng),
                    })}{' '}
                    · {percent}%
                  </Text>
                </Group>
                <Progress value={percent} size="lg" aria-labelledby="import-upload-label" />
                <Text size="xs" c="dimmed">
                  {t('monitoringImport.upload.stay')}
                </Text>
                <Group>
                  <Button variant="default" onClick={() => upload.current?.abort()}>
                    {t('monitoringImport.upload.cancel')}
                  </Button>
                </Group>
              </Stack>
            ) : (
              <Group>
                <Button
                  leftSection={<IconFileImport size={18} aria-hidden />}
                  onClick={start}
                  disabled={!ready}
                >
                  {t('monitoringImport.upload.start')}
                </Button>
              </Group>
            )}
            {uploadError && (
              <Alert
                color="red"
                variant="light"
                role="alert"
                title={t('monitoringImport.upload.refused')}
                data-testid="import-upload-error"
              >
                {uploadError}
              </Alert>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
