import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Alert, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { UnitNode } from '../../../../src/contract/unit.schema';
import { isApiError } from '../../api/api-error';
import { FormDialog } from '../../components/form.dialog';
import { useErrorText } from '../../i18n/error-text';
import { useEmployees, useOrgTree } from '../org/org.queries';
import { useUnitLabel } from '../org/unit-options';
import { localName } from '../org/org-tree';
import { useAuditTemplates, useCreateAudit } from './audits.queries';
import { useTemplateTitle } from './audit-badges';

function flatten(nodes: UnitNode[], depth = 0, out: { unit: UnitNode; depth: number }[] = []) {
  for (const unit of nodes) {
    out.push({ unit, depth });
    flatten(unit.children, depth + 1, out);
  }
  return out;
}

/**
 * "New audit": a template, the unit observed and (optionally) the person and the interaction record
 * observed — one recorded call, say, by its id; then the form opens.
 */
export function NewAuditDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { errorText, issueText } = useErrorText();
  const navigate = useNavigate();
  const templates = useAuditTemplates(opened);
  const tree = useOrgTree();
  const unitLabel = useUnitLabel();
  const templateTitle = useTemplateTitle();
  const create = useCreateAudit();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [unitCode, setUnitCode] = useState<string | null>(null);
  const [employee, setEmployee] = useState<string | null>(null);
  const [interaction, setInteraction] = useState('');
  const [errors, setErrors] = useState<{ template?: string; unit?: string }>({});

  useEffect(() => {
    if (!opened) return;
    setTemplateId(null);
    setUnitCode(null);
    setEmployee(null);
    setInteraction('');
    setErrors({});
    create.reset();
  }, [opened]);

  const units = useMemo(
    () => flatten(tree.data?.roots ?? []).filter(({ unit }) => unit.status === 'active'),
    [tree.data],
  );
  const unitId = units.find(({ unit }) => unit.code === unitCode)?.unit.id;
  const employees = useEmployees(
    { unit_id: unitId, subtree: true, status: 'active', limit: 200 },
    opened && !!unitId,
  );

  const templateOptions = (templates.data?.items ?? []).map((tpl) => ({
    value: tpl.id,
    label: templateTitle(tpl.title, tpl.code),
  }));
  const noTemplates = templates.isSuccess && templateOptions.length === 0;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const next = {
      ...(templateId ? {} : { template: t('audits.create.needTemplate') }),
      ...(unitCode ? {} : { unit: t('audits.create.needUnit') }),
    };
    setErrors(next);
    if (!templateId || !unitCode) return;
    create.mutate(
      {
        template_id: templateId,
        unit: unitCode,
        ...(employee ? { employee } : {}),
        ...(interaction.trim() ? { interaction_id: interaction.trim() } : {}),
      },
      { onSuccess: (audit) => void navigate(`/audits/${audit.id}`) },
    );
  };

  // The server names an unknown record at `interaction_id`: shown under its field.
  const interactionIssue = isApiError(create.error)
    ? create.error.issues.find((i) => i.path === 'interaction_id')?.message
    : undefined;
  const serverMessage = create.isError
    ? [errorText(create.error), ...(isApiError(create.error) ? create.error.issues.map(issueText) : [])].join(
        ' ',
      )
    : null;

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={t('audits.create.title')}
      testId="new-audit-form"
      onSubmit={submit}
      error={serverMessage}
      submitLabel={t('audits.create.submit')}
      loading={create.isPending}
    >
      {noTemplates && (
        <Alert color="yellow" variant="light" data-testid="no-templates">
          {t('audits.create.noTemplates')}
        </Alert>
      )}
      <Select
        label={t('audits.create.template')}
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
        nothingFoundMessage={t('audits.create.nothingFound')}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={t('audits.create.unit')}
        size="md"
        required
        searchable
        data={units.map(({ unit, depth }) => ({
          value: unit.code,
          label: `${'\u2003'.repeat(depth)}${unitLabel(unit)}`,
        }))}
        value={unitCode}
        onChange={(v) => {
          setUnitCode(v);
          setEmployee(null);
          setErrors((er) => ({ ...er, unit: undefined }));
        }}
        error={errors.unit ?? (tree.isError ? errorText(tree.error) : undefined)}
        nothingFoundMessage={t('audits.create.nothingFound')}
      />
      <Select
        label={t('audits.create.employee')}
        description={t('audits.create.employeeHint')}
        size="md"
        searchable
        clearable
        disabled={!unitId}
        data={(employees.data?.items ?? []).map((emp) => ({
          value: emp.code,
          label: `${emp.code} — ${localName(emp.name, i18n.resolvedLanguage ?? 'en', emp.code)}`,
        }))}
        value={employee}
        onChange={setEmployee}
        nothingFoundMessage={t('audits.create.nothingFound')}
      />
      <TextInput
        label={t('audits.create.interaction')}
        description={t('audits.create.interactionHint')}
        size="md"
        maxLength={200}
        value={interaction}
        onChange={(e) => setInteraction(e.currentTarget.value)}
        error={interactionIssue}
        data-testid="new-audit-interaction"
      />
    </FormDialog>
  );
}
