import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/form-error.alert';
import { useErrorText } from '../../i18n/error-text';
import { useHolidayText } from './calendar.page';
import { useIcsHolidays } from './standards.queries';

/**
 * "Import holidays from .ics": the file goes to the server's iCalendar reader, which answers the
 * whole-day events as dates (yearly ones as `--MM-DD`) and what it skipped with why; the person
 * picks which to add to the calendar being edited. Nothing is saved until the calendar is.
 */
export function IcsImportDialog({
  opened,
  onClose,
  existing,
  onAdd,
}: {
  opened: boolean;
  onClose: () => void;
  existing: readonly string[];
  onAdd: (dates: string[]) => void;
}) {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const holiday = useHolidayText();
  const read = useIcsHolidays();
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());

  useEffect(() => {
    if (!opened) {
      setFile(null);
      read.reset();
    }
  }, [opened]);

  const upload = (f: File | null) => {
    setFile(f);
    read.reset();
    if (!f) return;
    read.mutate(f, {
      onSuccess: (r) =>
        setChosen(new Set(r.holidays.map((h) => h.date).filter((d) => !existing.includes(d)))),
    });
  };
  const result = read.data;
  const toggle = (date: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(date);
      else next.delete(date);
      return next;
    });

  return (
    <Modal opened={opened} onClose={onClose} title={t('standards.ics.title')} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('standards.ics.intro')}
        </Text>
        <FileInput
          label={t('standards.ics.file')}
          placeholder={t('standards.ics.pick')}
          accept=".ics,text/calendar"
          value={file}
          onChange={upload}
          leftSection={<IconFileImport size={16} aria-hidden />}
          clearable
        />
        {read.isPending && <Text size="sm">{t('common.loading')}</Text>}
        <FormErrorAlert message={read.isError ? errorText(read.error) : null} />
        {result && (
          <>
            {result.holidays.length === 0 ? (
              <Text size="sm">{t('standards.ics.none')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={360} mah={320}>
                <Table fz="sm" verticalSpacing={4} data-testid="ics-holidays">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={36} />
                      <Table.Th>{t('standards.ics.date')}</Table.Th>
                      <Table.Th>{t('standards.ics.summary')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.holidays.map((h) => {
                      const already = existing.includes(h.date);
                      return (
                        <Table.Tr key={`${h.date}-${h.summary}`}>
                          <Table.Td>
                            <Checkbox
                              aria-label={t('standards.ics.choose', { date: holiday(h.date) })}
                              checked={chosen.has(h.date)}
                              disabled={already}
                              onChange={(e) => toggle(h.date, e.currentTarget.checked)}
                            />
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {holiday(h.date)}{' '}
                            {h.recurring && (
                              <Badge size="xs" variant="light" tt="none">
                                {t('standards.calendar.yearly')}
                              </Badge>
                            )}
                            {already && (
                              <Badge size="xs" color="gray" variant="light" tt="none">
                                {t('standards.ics.already')}
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td>{h.summary}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {result.skipped.length > 0 && (
              <Alert
                color="yellow"
                variant="light"
                title={t('standards.ics.skipped', { count: result.skipped.length })}
              >
                <List size="sm" spacing={2} data-testid="ics-skipped">
                  {result.skipped.map((s, i) => (
                    <List.Item key={i}>
                      {s.summary || t('standards.ics.untitled')}: {s.reason}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={chosen.size === 0 || !result}
            onClick={() => {
              onAdd([...chosen]);
              onClose();
            }}
          >
            {t('standards.ics.add', { count: chosen.size })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
