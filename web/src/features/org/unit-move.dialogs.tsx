import { useEffect, useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../src/contract/unit.schema';
import { ConfirmDialog } from '../../components/confirm.dialog';
import { useOrgErrorText } from './org-errors';
import type { OrgIndex } from './org-tree';
import { useUpdateUnit } from './org.queries';
import { useParentOptions } from './unit-options';

/** A move waiting for confirmation: which unit, and its new parent (null: top level). */
export interface PendingMove {
  unit: Unit;
  parentId: string | null;
}

const ROOT = '__root__';

/**
 * "Move HR-PAY under FIN?" — every move, dragged or picked, ends here; the server's refusal (a loop
 * made by someone else meanwhile, an archived parent) is shown in the dialog.
 */
export function MoveConfirmDialog({
  move,
  index,
  onClose,
}: {
  move: PendingMove | null;
  index: OrgIndex | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUnit();
  const errorText = useOrgErrorText();
  const [error, setError] = useState<string | null>(null);
  // The dialog keeps its words while it fades out after the move.
  const [shown, setShown] = useState(move);
  useEffect(() => {
    if (move) {
      setShown(move);
      setError(null);
      update.reset();
    }
  }, [move]);

  const parent = shown?.parentId ? index?.byId.get(shown.parentId) : undefined;
  const code = shown?.unit.code ?? '';
  const confirm = () => {
    if (!move) return;
    update.mutate(
      { id: move.unit.id, patch: { parent_id: move.parentId } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('org.moveConfirm.moved', { code }) });
          onClose();
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };

  return (
    <ConfirmDialog
      opened={move !== null}
      title={t('org.moveConfirm.title')}
      body={
        <>
          <Text span fw={500} display="block">
            {parent
              ? t('org.moveConfirm.under', { code, parent: parent.code })
              : t('org.moveConfirm.toRoot', { code })}
          </Text>
          <Text span size="sm" c="dimmed" display="block" mt={4}>
            {t('org.moveConfirm.details')}
          </Text>
        </>
      }
      confirmLabel={t('org.moveConfirm.confirm')}
      color="blue"
      loading={update.isPending}
      error={error}
      onConfirm={confirm}
      onClose={onClose}
    />
  );
}

/**
 * The keyboard and phone way to move a unit: pick the new parent from a searchable list (units that
 * would close a loop are not offered), then confirm as with dragging.
 */
export function MovePickerDialog({
  unit,
  index,
  onClose,
  onPick,
}: {
  unit: Unit | null;
  index: OrgIndex | undefined;
  onClose: () => void;
  onPick: (move: PendingMove) => void;
}) {
  const { t } = useTranslation();
  const options = useParentOptions(index, unit?.id ?? null);
  const [value, setValue] = useState<string | null>(null);
  useEffect(() => {
    if (unit) setValue(unit.parent_id ?? ROOT);
  }, [unit]);

  const parentId = value === ROOT ? null : value;
  const same = !!unit && value !== null && parentId === unit.parent_id;
  const data = [{ value: ROOT, label: t('org.moveDialog.topLevel') }, ...options];

  return (
    <Modal
      opened={unit !== null}
      onClose={onClose}
      title={t('org.moveDialog.title', { code: unit?.code ?? '' })}
      centered
    >
      <form
        data-testid="unit-move-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!unit || value === null || same) return;
          onPick({ unit, parentId });
        }}
      >
        <Stack>
          <Select
            label={t('org.moveDialog.parent')}
            data={data}
            value={value}
            onChange={setValue}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('org.moveDialog.nothingFound')}
            description={same ? t('org.moveDialog.same') : undefined}
            data-autofocus
            comboboxProps={{ withinPortal: true }}
          />
          <Text size="sm" c="dimmed">
            {t('org.moveDialog.hint', { code: unit?.code ?? '' })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={value === null || same}>
              {t('org.moveDialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
