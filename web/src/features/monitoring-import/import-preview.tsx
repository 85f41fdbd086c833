import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import {
  RECORD_FIELDS,
  validateInteractionRecord,
  type InteractionRecord,
  type RecordProblem,
} from '../../../../src/contract/interaction-record.schema';
import { applyMapping, type FileHead, type Mapping } from './import-file';

export type PreviewRow =
  { n: number; ok: true; record: InteractionRecord } | { n: number; ok: false; problems: RecordProblem[] };

/** The first rows as they would be stored: the mapping applied, each validated as the server will. */
export function previewRows(head: FileHead, mapping: Mapping | undefined): PreviewRow[] {
  return head.rows.map((row, i) => {
    const result = validateInteractionRecord(mapping ? applyMapping(row, mapping) : row);
    return result.ok
      ? { n: i + 1, ok: true, record: result.record }
      : { n: i + 1, ok: false, problems: result.problems };
  });
}

const SHOWN = RECORD_FIELDS.filter((f) => f !== 'greeting' && f !== 'template');

/** A stored value as text: instants in ISO UTC (as the server keeps them), numbers as they are. */
function cell(record: InteractionRecord, field: string): string {
  const value = (record as unknown as Record<string, unknown>)[field];
  if (value === undefined) return '';
  if (field.endsWith('_at') && typeof value === 'number')
    return new Date(value).toISOString().replace('.000Z', 'Z');
  return String(value);
}

function extras(record: InteractionRecord): string {
  const parts = Object.entries(record.numbers).map(([k, v]) => `${k}=${v}`);
  if (record.greeting !== undefined) parts.push(`greeting=${record.greeting}`);
  if (record.template !== undefined) parts.push(`template=${record.template}`);
  return parts.join(', ');
}

function Problems({ problems }: { problems: RecordProblem[] }) {
  return (
    <List size="sm" spacing={2} c="red.8">
      {problems.map((p, i) => (
        <List.Item key={i}>
          <Text span size="sm" fw={600} ff="monospace">
            {p.field}
          </Text>{' '}
          {p.message}
        </List.Item>
      ))}
    </List>
  );
}

/** The preview of the first rows: a table on a wide screen, one card per row on a phone. */
export function ImportPreview({ head, mapping }: { head: FileHead; mapping: Mapping | undefined }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const rows = previewRows(head, mapping);
  const valid = rows.filter((r) => r.ok).length;
  const status = (row: PreviewRow) =>
    row.ok ? (
      <Badge color="teal" variant="light">
        {t('monitoringImport.preview.valid')}
      </Badge>
    ) : (
      <Badge color="red" variant="light">
        {t('monitoringImport.preview.invalid')}
      </Badge>
    );

  let body;
  if (rows.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        {t('monitoringImport.preview.noRows')}
      </Text>
    );
  else if (narrow) {
    body = (
      <Stack gap="xs">
        {rows.map((row) => (
          <Paper key={row.n} withBorder p="sm" radius="sm" data-testid="preview-row">
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600}>
                {t('monitoringImport.preview.row', { n: row.n })}
              </Text>
              {status(row)}
            </Group>
            {row.ok ? (
              <Stack gap={0}>
                {SHOWN.map((f) =>
                  cell(row.record, f) === '' ? null : (
                    <Text key={f} size="xs" style={{ overflowWrap: 'anywhere' }}>
                      <Text span size="xs" c="dimmed" ff="monospace">
                        {f}
                      </Text>{' '}
                      {cell(row.record, f)}
                    </Text>
                  ),
                )}
                {extras(row.record) && (
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {extras(row.record)}
                  </Text>
                )}
              </Stack>
            ) : (
              <Problems problems={row.problems} />
            )}
          </Paper>
        ))}
      </Stack>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing={6} fz="xs" data-testid="import-preview-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>{t('monitoringImport.preview.result')}</Table.Th>
              {SHOWN.map((f) => (
                <Table.Th key={f} ff="monospace">
                  {f}
                </Table.Th>
              ))}
              <Table.Th>{t('monitoringImport.preview.other')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.n} data-testid="preview-row">
                <Table.Td>{row.n}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 104 }}>{status(row)}</Table.Td>
                {row.ok ? (
                  <>
                    {SHOWN.map((f) => (
                      <Table.Td key={f} style={{ whiteSpace: 'nowrap' }}>
                        {cell(row.record, f)}
                      </Table.Td>
                    ))}
                    <Table.Td miw={220}>{extras(row.record)}</Table.Td>
                  </>
                ) : (
                  <Table.Td colSpan={SHOWN.length + 1}>
                    <Problems problems={row.problems} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-preview-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="import-preview-title">
            {t('monitoringImport.preview.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('monitoringImport.preview.summary', { valid, total: rows.length })}
          </Text>
        </div>
        {head.unreadable.map((u) => (
          <Text key={u.line} size="sm" c="red.8">
            {t('monitoringImport.preview.unreadable', { line: u.line })}
          </Text>
        ))}
        {body}
      </Stack>
    </Paper>
  );
}

/** An Asterisk file's first calls: the columns that become the record; units come from extensions on the server. */
export function CdrPreview({ head }: { head: FileHead }) {
  const { t } = useTranslation();
  const cols = ['uniqueid', 'dst', 'start', 'answer', 'end', 'disposition'] as const;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-preview-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="import-preview-title">
            {t('monitoringImport.preview.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('monitoringImport.preview.cdr')}
          </Text>
        </div>
        {head.rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('monitoringImport.preview.noRows')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing={6} fz="xs" data-testid="import-preview-table">
              <Table.Thead>
                <Table.Tr>
                  {cols.map((c) => (
                    <Table.Th key={c}>{t(`monitoringImport.cdr.${c}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {head.rows.map((row, i) => (
                  <Table.Tr key={i} data-testid="preview-row">
                    {cols.map((c) => (
                      <Table.Td key={c} style={{ whiteSpace: 'nowrap' }}>
                        {String(row[c] ?? '')}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
