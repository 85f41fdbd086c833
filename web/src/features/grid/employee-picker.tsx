import { useMemo, useState } from 'react';
import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../../../src/contract/employee.schema';
import { useNamer } from './grid-labels';
import { useEmployee, useEmployeeSearch } from './grid.queries';

/** Picks the contact person, searching `/employees?q=` as one types (code, name or e-mail). */
export function EmployeePicker({
  value,
  onChange,
  label,
  description,
  disabled,
  error,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  description?: string;
  disabled?: boolean;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { name } = useNamer();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useEmployeeSearch(q);
  const chosen = useEmployee(value);

  const byId = useMemo(() => {
    const map = new Map<string, Employee>();
    if (chosen.data) map.set(chosen.data.id, chosen.data);
    for (const e of found.data?.items ?? []) map.set(e.id, e);
    return map;
  }, [found.data, chosen.data]);
  const data = [...byId.values()].map((e) => ({ value: e.id, label: name(e.name, e.code) }));

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('grid.editor.contactPlaceholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already filtered by the text; do not filter its answer again.
      filter={({ options }) => options}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('grid.nothingFound')}
      disabled={disabled}
      error={error}
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const e = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {e && (e.position || e.email) && (
              <Text size="xs" c="dimmed">
                {[e.position, e.email].filter(Boolean).join(' · ')}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}
