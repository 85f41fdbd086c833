import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Anchor,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate, useParams } from 'react-router';
import type { AuditTemplate } from '../../../../src/contract/audit-template.schema';
import { isApiError } from '../../api/api-error';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { FormErrorAlert } from '../../components/form-error.alert';
import { PageHeader } from '../../components/page-header';
import { LoadError, LoadingRows } from '../../components/query-states';
import { useErrorText } from '../../i18n/error-text';
import { useTemplateTitle } from '../audits/audit-badges';
import { contractMessage } from '../standards/contract-messages';
import { useSaveTemplate, useTemplate } from './audit-templates.queries';
import { SectionsEditor } from './sections.editor';
import { StandardsPicker } from './standards.picker';
import { TemplatePreview } from './template.preview';
import {
  addSection,
  emptyEditor,
  fingerprint,
  placeIssues,
  requestOf,
  savedVersion,
  stateOf,
  type EditorState,
  type PlacedIssue,
  type PlacedIssues,
} from './template-editor';
import './audit-templates.css';

/** `/audits/templates/new` and `/audits/templates/:id`: the template editor. */
export function TemplateEditorPage() {
  const { id } = useParams();
  const template = useTemplate(id);
  if (id === undefined) return <Editor key="new" template={null} />;
  if (template.isPending) return <LoadingRows rows={6} height={56} />;
  if (template.isError) return <LoadError error={template.error} onRetry={() => void template.refetch()} />;
  return <Editor key={template.data.id} template={template.data} />;
}

/** The server's complaint in the interface language: our words for the codes and paths we know. */
export function useIssueText() {
  const { t, i18n } = useTranslation();
  const { issueText } = useErrorText();
  const lng = i18n.resolvedLanguage === 'ru' ? 'ru' : 'en';
  return (i: PlacedIssue): string => {
    switch (i.code) {
      case 'unknown_standard':
      case 'not_observed':
      case 'duplicate_item':
      case 'duplicate_section':
        return t(`auditTemplates.issue.${i.code}`);
    }
    if (i.path === 'pass_mark') return t('auditTemplates.editor.passMarkRange');
    if (i.code === 'too_small' && (i.path === 'code' || i.path.endsWith('.id')))
      return t('auditTemplates.editor.required');
    if (i.path === 'sections') return t('auditTemplates.issue.noSections');
    if (/^sections\.\d+\.items$/.test(i.path)) return t('auditTemplates.issue.emptySection');
    if (/^needs ru or en$/.test(i.message)) return t('auditTemplates.issue.titleNeeded');
    if (i.path === 'code' && i.code === 'invalid_format') return t('auditTemplates.editor.codeHint');
    return lng === 'en' ? i.message : contractMessage(issueText(i), lng);
  };
}

const NO_ISSUES: PlacedIssues = { fields: {}, sections: {}, items: {}, rest: [] };

function Editor({ template }: { template: AuditTemplate | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { errorText } = useErrorText();
  const issueText = useIssueText();
  const templateTitle = useTemplateTitle();
  const [state, setState] = useState<EditorState>(() => (template ? stateOf(template) : emptyEditor()));
  // What was saved last (or loaded): leaving with other changes asks first.
  const [savedPrint, setSavedPrint] = useState(() => fingerprint(state));
  const dirty = fingerprint(state) !== savedPrint;
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const [issues, setIssues] = useState<PlacedIssues>(NO_ISSUES);
  const [message, setMessage] = useState<string | null>(null);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const save = useSaveTemplate(template?.id);
  const [target, setTarget] = useState<string | null>(null);
  const targetKey = useMemo(
    () => (state.sections.some((s) => s.key === target) ? target : (state.sections.at(-1)?.key ?? null)),
    [state.sections, target],
  );

  /** One field's problems in words, each sentence once (an empty code breaks two rules). */
  const words = (list: readonly PlacedIssue[] | undefined) =>
    [...new Set(list?.map((i) => (i.code === 'taken' ? i.message : issueText(i))))].join(' ') || null;
  const fieldError = (field: 'code' | 'title' | 'pass_mark' | 'sections') => words(issues.fields[field]);

  const submit = () => {
    const sent = state;
    setMessage(null);
    save.mutate(requestOf(sent), {
      onSuccess: (saved) => {
        setIssues(NO_ISSUES);
        setSavedPrint(fingerprint(sent));
        const { version, created } = savedVersion(template ? template.latest_version : null, saved);
        notifications.show({
          color: 'teal',
          message: !template
            ? t('auditTemplates.editor.created')
            : created
              ? t('auditTemplates.editor.savedNew', { version })
              : t('auditTemplates.editor.savedSame', { version }),
        });
        if (!template) {
          leaving.current = true;
          void navigate(`/audits/templates/${saved.id}`, { replace: true });
        }
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'validation_failed' && error.issues.length > 0) {
          const placed = placeIssues(error.issues, sent);
          setIssues(placed);
          setMessage([t('auditTemplates.editor.notSaved'), ...placed.rest.map(issueText)].join(' '));
        } else if (isApiError(error) && error.code === 'conflict' && error.field === 'code') {
          setIssues({
            ...NO_ISSUES,
            fields: {
              code: [{ path: 'code', code: 'taken', message: t('auditTemplates.editor.codeTaken') }],
            },
          });
        } else setMessage(errorText(error));
      },
    });
  };

  const name = template ? templateTitle(template.title, template.code) : '';

  return (
    <>
      <Anchor component={Link} to="/audits/templates" size="sm" mb="xs" display="inline-flex">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('auditTemplates.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={
          template ? t('auditTemplates.editor.titleEdit', { name }) : t('auditTemplates.editor.titleNew')
        }
        intro={t('auditTemplates.editor.intro')}
      />
      <SegmentedControl
        mb="md"
        value={mode}
        onChange={(v) => setMode(v as 'edit' | 'preview')}
        aria-label={t('auditTemplates.editor.mode')}
        data={[
          { value: 'edit', label: t('auditTemplates.editor.modeEdit') },
          { value: 'preview', label: t('auditTemplates.editor.modePreview') },
        ]}
      />
      {mode === 'preview' ? (
        <TemplatePreview state={state} />
      ) : (
        <Stack gap="lg">
          <Card withBorder radius="md" padding="md" component="section" aria-labelledby="tpl-general">
            <Title order={2} size="h4" id="tpl-general" mb="sm">
              {t('auditTemplates.editor.general')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('auditTemplates.editor.code')}
                description={t('auditTemplates.editor.codeHint')}
                required
                maxLength={100}
                value={state.code}
                error={fieldError('code')}
                onChange={(e) => {
                  const code = e.currentTarget.value;
                  setState((s) => ({ ...s, code }));
                }}
                data-testid="template-code"
              />
              <NumberInput
                label={t('auditTemplates.editor.passMark')}
                description={t('auditTemplates.editor.passMarkHint')}
                required
                min={0}
                max={100}
                decimalScale={1}
                clampBehavior="strict"
                value={state.passMark}
                error={fieldError('pass_mark')}
                onChange={(v) =>
                  setState((s) => ({ ...s, passMark: typeof v === 'number' ? v : v === '' ? '' : Number(v) }))
                }
                data-testid="template-pass-mark"
              />
              <TextInput
                label={t('auditTemplates.editor.titleRu')}
                description={t('auditTemplates.editor.titleHint')}
                lang="ru"
                maxLength={300}
                value={state.title.ru}
                error={fieldError('title')}
                onChange={(e) => {
                  const ru = e.currentTarget.value;
                  setState((s) => ({ ...s, title: { ...s.title, ru } }));
                }}
                data-testid="template-title-ru"
              />
              <TextInput
                label={t('auditTemplates.editor.titleEn')}
                description={t('auditTemplates.editor.titleHint')}
                lang="en"
                maxLength={300}
                value={state.title.en}
                error={fieldError('title') ? ' ' : null}
                onChange={(e) => {
                  const en = e.currentTarget.value;
                  setState((s) => ({ ...s, title: { ...s.title, en } }));
                }}
                data-testid="template-title-en"
              />
            </SimpleGrid>
          </Card>

          <section aria-labelledby="tpl-sections">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="tpl-sections">
                {t('auditTemplates.editor.sections')}
              </Title>
              <Button
                variant="light"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setState((s) => addSection(s))}
                data-testid="add-section"
              >
                {t('auditTemplates.editor.addSection')}
              </Button>
            </Group>
            {fieldError('sections') && (
              <Text c="red" size="sm" mb="sm" role="alert">
                {fieldError('sections')}
              </Text>
            )}
            <SectionsEditor state={state} setState={setState} issues={issues} issueText={issueText} />
          </section>

          <StandardsPicker state={state} setState={setState} targetKey={targetKey} setTarget={setTarget} />
        </Stack>
      )}
      <ConfirmDialog
        opened={blocker.state === 'blocked'}
        title={t('auditTemplates.editor.leaveTitle')}
        body={t('auditTemplates.editor.leaveBody')}
        confirmLabel={t('auditTemplates.editor.leave')}
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      />
      <Stack gap="sm" mt="lg">
        <FormErrorAlert message={message} />
        <Group justify="flex-end" gap="sm">
          <Button component={Link} to="/audits/templates" variant="default">
            {t('auditTemplates.editor.cancel')}
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            loading={save.isPending}
            onClick={submit}
            data-testid="save-template"
          >
            {t('auditTemplates.editor.save')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
