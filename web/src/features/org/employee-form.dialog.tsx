import { useEffect } from 'react';
import { Select, SimpleGrid, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../../../src/contract/employee.schema';
import { roleCan } from '../../../../src/core/permissions';
import { FormDialog } from '../../components/form.dialog';
import { useCurrentUser } from '../auth/session.queries';
import { useServerErrors } from '../../components/form-errors';
import { useOrgIssues } from './org-errors';
import type { OrgIndex } from './org-tree';
import { useCreateEmployee, useUpdateEmployee, useUsersForLink } from './org.queries';
import { useParentOptions } from './unit-options';

interface EmployeeFormValues {
  code: string;
  name_ru: string;
  name_en: string;
  position: string;
  unit_id: string | null;
  email: string;
  extensions: string[];
  user_id: string | null;
}

const FIELDS = [
  'code',
  'name_ru',
  'name_en',
  'position',
  'unit_id',
  'email',
  'extensions',
  'user_id',
] as const;

function valuesOf(employee: Employee | null, unitId: string | null): EmployeeFormValues {
  return {
    code: employee?.code ?? '',
    name_ru: employee?.name.ru ?? '',
    name_en: employee?.name.en ?? '',
    position: employee?.position ?? '',
    unit_id: employee?.unit_id ?? unitId,
    email: employee?.email ?? '',
    extensions: employee?.extensions ?? [],
    user_id: employee?.user_id ?? null,
  };
}

const text = (v: string) => (v.trim() ? v.trim() : undefined);

/** Adds an employee to a unit, or edits one: code, names, position, unit, e-mail, extensions. */
export function EmployeeFormDialog({
  opened,
  onClose,
  employee,
  unitId = null,
  index,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  employee: Employee | null;
  unitId?: string | null;
  index: OrgIndex | undefined;
  onSaved?: (employee: Employee) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateEmployee();
  const update = useUpdateEmployee();
  const form = useForm<EmployeeFormValues>({
    initialValues: valuesOf(employee, unitId),
    validate: {
      code: (v) => (v.trim() ? null : t('validation.required')),
      name_ru: (v, all) => (v.trim() || all.name_en.trim() ? null : t('org.employeeForm.namesHint')),
      unit_id: (v) => (v ? null : t('validation.required')),
    },
  });
  const serverErrors = useServerErrors(form, FIELDS);
  const orgIssues = useOrgIssues();
  // Any active unit; an employee of an archived unit keeps it on offer until moved away.
  const units = useParentOptions(index, null, employee?.unit_id);
  const canLinkUsers = roleCan(useCurrentUser().role, 'users.read');
  const users = useUsersForLink(opened && canLinkUsers);
  const userOptions = (users.data?.items ?? []).map((u) => ({
    value: u.id,
    label: `${u.name} <${u.email}>`,
  }));

  useEffect(() => {
    if (!opened) return;
    form.setValues(valuesOf(employee, unitId));
    form.clearErrors();
    serverErrors.clear();
  }, [opened]);

  const submit = form.onSubmit((v) => {
    serverErrors.clear();
    const body = {
      code: v.code.trim(),
      name: { ru: text(v.name_ru), en: text(v.name_en) },
      position: text(v.position) ?? null,
      unit_id: v.unit_id ?? '',
      email: text(v.email) ?? null,
      extensions: v.extensions.map((x) => x.trim()).filter(Boolean),
      // Only roles that can list people can pick one; the others leave the link as it is.
      ...(canLinkUsers ? { user_id: v.user_id } : {}),
    };
    const handlers = {
      onSuccess: (saved: Employee) => {
        notifications.show({
          color: 'teal',
          message: t(employee ? 'org.employeeForm.saved' : 'org.employeeForm.created', { code: saved.code }),
        });
        onClose();
        onSaved?.(saved);
      },
      onError: (e: unknown) => serverErrors.show(orgIssues(e)),
    };
    if (employee) update.mutate({ id: employee.id, patch: body }, handlers);
    else create.mutate(body, handlers);
  });

  return (
    <FormDialog
      opened={opened}
      onClose={onClose}
      title={
        employee
          ? t('org.employeeForm.editTitle', { code: employee.code })
          : t('org.employeeForm.createTitle')
      }
      size="lg"
      testId="employee-form"
      onSubmit={submit}
      error={serverErrors.message}
      submitLabel={employee ? t('common.save') : t('common.create')}
      loading={create.isPending || update.isPending}
    >
      <TextInput
        label={t('org.employeeForm.code')}
        description={t('org.employeeForm.codeHint')}
        required
        autoComplete="off"
        data-autofocus
        {...form.getInputProps('code')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('org.employeeForm.nameRu')} lang="ru" {...form.getInputProps('name_ru')} />
        <TextInput label={t('org.employeeForm.nameEn')} lang="en" {...form.getInputProps('name_en')} />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={-8}>
        {t('org.employeeForm.namesHint')}
      </Text>
      <TextInput label={t('org.employeeForm.position')} {...form.getInputProps('position')} />
      <Select
        label={t('org.employeeForm.unit')}
        data={units}
        searchable
        required
        nothingFoundMessage={t('org.moveDialog.nothingFound')}
        {...form.getInputProps('unit_id')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('org.employeeForm.email')}
          type="email"
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <TagsInput
          label={t('org.employeeForm.extensions')}
          description={t('org.employeeForm.extensionsHint')}
          {...form.getInputProps('extensions')}
        />
      </SimpleGrid>
      {canLinkUsers && (
        <Select
          label={t('org.employeeForm.user')}
          description={t('org.employeeForm.userHint')}
          placeholder={t('org.employeeForm.userNone')}
          data={userOptions}
          searchable
          clearable
          nothingFoundMessage={t('org.moveDialog.nothingFound')}
          {...form.getInputProps('user_id')}
        />
      )}
    </FormDialog>
  );
}
