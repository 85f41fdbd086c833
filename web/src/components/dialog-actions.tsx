import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The footer of a form in a dialog: Cancel, then the submit button on the right. The submit button
 * is the form's own (type="submit"), so Enter in any field sends the form.
 */
export function DialogActions({
  submitLabel,
  loading,
  onCancel,
}: {
  submitLabel: string;
  loading: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading}>
        {submitLabel}
      </Button>
    </Group>
  );
}
