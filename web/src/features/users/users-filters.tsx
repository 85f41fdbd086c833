import { useEffect, useState } from 'react';
import { Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isPersonRole, PERSON_ROLES } from '../../../../src/core/roles';
import { USER_STATUSES } from './user-statuses';
import type { UserFilters } from './users.queries';

/** Search as you type (debounced), and role and status filters. */
export function UsersFilters({
  filters,
  onChange,
}: {
  filters: UserFilters;
  onChange: (patch: Partial<UserFilters>) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  const pushQ = useDebouncedCallback((value: string) => onChange({ q: value }), 300);
  // Follow the address when it changes from outside (back button, a link).
  useEffect(() => setQ(filters.q), [filters.q]);

  return (
    <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
      <TextInput
        label={t('users.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        type="search"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          pushQ(e.currentTarget.value);
        }}
        style={{ flex: '1 1 240px' }}
        data-testid="users-search"
      />
      <Select
        label={t('users.roleFilter')}
        placeholder={t('users.anyRole')}
        data={PERSON_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={filters.role}
        onChange={(v) => onChange({ role: isPersonRole(v) ? v : null })}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        style={{ flex: '1 1 180px' }}
      />
      <Select
        label={t('users.statusFilter')}
        placeholder={t('users.anyStatus')}
        data={USER_STATUSES.map((s) => ({ value: s, label: t(`userStatus.${s}`) }))}
        value={filters.status}
        onChange={(v) => onChange({ status: USER_STATUSES.find((s) => s === v) ?? null })}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clear') }}
        style={{ flex: '1 1 160px' }}
      />
    </Group>
  );
}
