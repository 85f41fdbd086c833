import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Drawer,
  Group,
  MultiSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLock, IconTrash } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GridCell, SupportType } from '../../../../src/contract/grid.schema';
import { isApiError } from '../../api/api-error';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { FormErrorAlert } from '../../components/form-error.alert';
import { useServerErrors } from '../../components/form-errors';
import { LoadError, LoadingRows } from '../../components/query-states';
import { useErrorText } from '../../i18n/error-text';
import { EmployeePicker } from './employee-picker';
import { useNamer, type TypeLook } from './grid-labels';
import type { CellTarget } from './grid-matrix';
import { GRID_KEY, useCreateCell, useDeleteCell, useGridCell, useUpdateCell } from './grid.queries';

interface Values {
  support_type_ids: string[];
  instructions: string;
  expected_response: string;
  contact_employee_id: string | null;
}
const EMPTY: Values = {
  support_type_ids: [],
  instructions: '',
  expected_response: '',
  contact_employee_id: null,
};
const FIELDS = ['support_type_ids', 'instructions', 'expected_response', 'contact_employee_id'] as const;

const fromCell = (c: GridCell): Values => ({
  support_type_ids: c.support_type_ids,
  instructions: c.instructions ?? '',
  expected_response: c.expected_response ?? '',
  contact_employee_id: c.contact_employee_id,
});
const text = (s: string) => (s.trim() ? s.trim() : null);

const reasonOf = (error: unknown) => {
  const d = isApiError(error) ? error.details : null;
  return d !== null && typeof d === 'object' && 'reason' in d ? String(d.reason) : null;
};

/**
 * A refusal worded for the grid: a head outside their branch (403 `not_your_unit`), a cell someone
 * else created meanwhile (409 `duplicate_cell`); anything else as the app words it.
 */
function useCellErrorText() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  return (error: unknown) => {
    if (isApiError(error) && error.code === 'forbidden')
      return reasonOf(error) === 'not_your_unit' ? t('grid.editor.forbidden') : errorText(error);
    if (isApiError(error) && error.code === 'conflict' && reasonOf(error) === 'duplicate_cell')
      return t('grid.editor.duplicate');
    return errorText(error);
  };
}

/** Opens on a cell of the matrix: creates it when empty, changes or deletes it otherwise. */
export function CellEditor({
  target,
  looks,
  supportTypes,
  canEdit,
  onClose,
  onClosed,
}: {
  target: CellTarget | null;
  looks: Map<string, TypeLook>;
  supportTypes: readonly SupportType[];
  canEdit: boolean;
  onClose: () => void;
  /** After the drawer has slid away: the matrix puts focus back on the cell. */
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const { name } = useNamer();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const cellId = target?.cell?.id ?? null;
  const cell = useGridCell(cellId);
  const create = useCreateCell();
  const update = useUpdateCell();
  const remove = useDeleteCell();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const cellErrorText = useCellErrorText();

  const form = useForm<Values>({
    initialValues: EMPTY,
    validate: {
      support_type_ids: (v) => (v.length === 0 ? t('grid.editor.typesRequired') : null),
    },
  });
  const serverErrors = useServerErrors(form, FIELDS);
  const [forbidden, setForbidden] = useState<string | null>(null);

  // A new target (or the cell's data arriving) refills the form.
  const loaded = cellId ? cell.data : undefined;
  useEffect(() => {
    const values = loaded ? fromCell(loaded) : EMPTY;
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    serverErrors.clear();
    setForbidden(null);
  }, [target, loaded]); // the form and its error holders are stable enough: refill only for a new cell

  const close = () => {
    setConfirmDelete(false);
    onClose();
  };
  const providerName = target ? name(target.provider.name, target.provider.code) : '';
  const recipientName = target ? name(target.recipient.name, target.recipient.code) : '';
  const queryClient = useQueryClient();
  const onError = (error: unknown) => {
    if (isApiError(error) && (error.code === 'forbidden' || error.code === 'conflict')) {
      setForbidden(cellErrorText(error));
      // Someone else filled the cell meanwhile: show theirs in the matrix behind the drawer.
      if (error.code === 'conflict') void queryClient.invalidateQueries({ queryKey: GRID_KEY });
    } else serverErrors.show(error);
  };

  const submit = form.onSubmit((v) => {
    if (!target) return;
    serverErrors.clear();
    setForbidden(null);
    const fields = {
      support_type_ids: v.support_type_ids,
      instructions: text(v.instructions),
      expected_response: text(v.expected_response),
      contact_employee_id: v.contact_employee_id,
    };
    const done = (message: string) => {
      notifications.show({ color: 'teal', message });
      close();
    };
    if (cellId) {
      update.mutate({ id: cellId, ...fields }, { onSuccess: () => done(t('grid.editor.saved')), onError });
    } else {
      create.mutate(
        {
          provider: { kind: target.provider.kind, id: target.provider.id },
          recipient_unit_id: target.recipient.id,
          ...fields,
        },
        { onSuccess: () => done(t('grid.editor.created')), onError },
      );
    }
  });

  const onDelete = () => {
    if (!cellId) return;
    remove.mutate(cellId, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('grid.editor.deleted') });
        close();
      },
      onError: (error) => {
        setConfirmDelete(false);
        onError(error);
      },
    });
  };

  // Archived types stay on cells that already have them; new picks come from the active ones.
  const options = supportTypes
    .filter((s) => s.status === 'active' || form.values.support_type_ids.includes(s.id))
    .map((s) => ({ value: s.id, label: looks.get(s.id)?.label ?? s.code }));

  let body;
  if (cellId && cell.isPending) body = <LoadingRows rows={4} height={48} />;
  else if (cellId && cell.isError)
    body = <LoadError error={cell.error} onRetry={() => void cell.refetch()} />;
  else {
    const readOnly = !canEdit;
    body = (
      <form onSubmit={submit} noValidate data-testid="cell-editor">
        <Stack>
          {readOnly && (
            <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />}>
              {t('grid.editor.readOnly')}
            </Alert>
          )}
          <MultiSelect
            label={t('grid.editor.types')}
            placeholder={form.values.support_type_ids.length ? undefined : t('grid.editor.typesPlaceholder')}
            data={options}
            searchable
            hidePickedOptions
            disabled={readOnly}
            // Not autofocused: a focused searchable list opens at once and covers the fields below.
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('support_type_ids')}
          />
          <Textarea
            label={t('grid.editor.instructions')}
            description={t('grid.editor.instructionsHint')}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={4000}
            readOnly={readOnly}
            {...form.getInputProps('instructions')}
          />
          <TextInput
            label={t('grid.editor.expected')}
            description={t('grid.editor.expectedHint')}
            maxLength={4000}
            readOnly={readOnly}
            {...form.getInputProps('expected_response')}
          />
          <EmployeePicker
            label={t('grid.editor.contact')}
            description={t('grid.editor.contactHint')}
            value={form.values.contact_employee_id}
            onChange={(id) => form.setFieldValue('contact_employee_id', id)}
            error={form.errors.contact_employee_id as string | undefined}
            disabled={readOnly}
          />
          <FormErrorAlert message={forbidden ?? serverErrors.message} />
          <Group justify="space-between">
            {cellId && canEdit ? (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirmDelete(true)}
              >
                {t('grid.editor.delete')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="xs">
              <Button variant="default" onClick={close}>
                {readOnly ? t('common.close') : t('common.cancel')}
              </Button>
              {!readOnly && (
                <Button type="submit" loading={create.isPending || update.isPending}>
                  {cellId ? t('common.save') : t('grid.editor.create')}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <>
      <Drawer
        opened={!!target}
        onClose={close}
        position="right"
        returnFocus={false}
        onExitTransitionEnd={onClosed}
        size={narrow ? '100%' : 'md'}
        title={
          <Stack gap={0}>
            <Text fw={650}>{cellId ? t('grid.editor.titleEdit') : t('grid.editor.titleNew')}</Text>
            <Text size="sm" c="dimmed" data-testid="cell-editor-pair">
              {target ? (
                <Trans
                  i18nKey="grid.editor.pair"
                  values={{ provider: providerName, recipient: recipientName }}
                  components={{
                    p: (
                      <Anchor
                        component={Link}
                        to={`/org/${target.provider.kind === 'employee' ? 'employees' : 'units'}/${target.provider.id}`}
                        inherit
                      />
                    ),
                    r: <Anchor component={Link} to={`/org/units/${target.recipient.id}`} inherit />,
                  }}
                />
              ) : null}
            </Text>
          </Stack>
        }
      >
        {body}
      </Drawer>
      <ConfirmDialog
        opened={confirmDelete}
        title={t('grid.editor.deleteTitle')}
        body={t('grid.editor.deleteBody', { provider: providerName, recipient: recipientName })}
        confirmLabel={t('grid.editor.delete')}
        loading={remove.isPending}
        onConfirm={onDelete}
        onClose={() => setConfirmDelete(false)}
      />
    </>
  );
}
