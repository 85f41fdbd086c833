import type { FormEventHandler, ReactNode } from 'react';
import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from './form-error.alert';

interface FormDialogProps {
  opened: boolean;
  /** Cancel closes the same way as the ✕, Escape or a click outside, so there is one way out to handle. */
  onClose: () => void;
  title: string;
  size?: ModalProps['size'];
  testId?: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The form-level message from the server, shown above the buttons. */
  error: string | null;
  submitLabel: string;
  loading: boolean;
  children: ReactNode;
}

/**
 * A form in a dialog: its fields, the form-level error, then Cancel and the submit button. The
 * submit button is the form's own (type="submit"), so Enter in any field sends the form; the form
 * is noValidate because our own rules speak the reader's language, the browser's do not.
 */
export function FormDialog(props: FormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size={props.size}>
      <form onSubmit={props.onSubmit} noValidate data-testid={props.testId}>
        <Stack>
          {props.children}
          <FormErrorAlert message={props.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.loading}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
