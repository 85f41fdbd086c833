import { useEffect, useState } from 'react';
import { Badge, Button, CloseButton, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditFilters } from './audit.queries';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, useAuditLabels } from './audit-labels';

/** Entity, action, who and a date range; the actor field searches as you type. */
export function AuditFiltersBar({
  filters,
  onChange,
}: {
  filters: AuditFilters;
  onChange: (patch: Partial<AuditFilters> | null) => void;
}) {
  const { t } = useTranslation();
  const { entityLabel, actionLabel } = useAuditLabels(String);
  const [actor, setActor] = useState(filters.actor);
  const pushActor = useDebouncedCallback((value: string) => onChange({ actor: value }), 300);
  useEffect(() => setActor(filters.actor), [filters.actor]);

  const actions = AUDIT_ACTIONS.filter((a) => !filters.entity || a.startsWith(`${filters.entity}.`));
  const any = Object.values(filters).some(Boolean);
  const clear = { 'aria-label': t('common.clear') };

  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" mb="sm">
        <Select
          label={t('audit.entity')}
          placeholder={t('audit.anyEntity')}
          data={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
          value={filters.entity || null}
          onChange={(v) =>
            onChange({
              entity: v ?? '',
              action: v && !filters.action.startsWith(`${v}.`) ? '' : filters.action,
            })
          }
          clearable
          clearButtonProps={clear}
        />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.anyAction')}
          data={actions.map((a) => ({ value: a, label: actionLabel(a) }))}
          value={filters.action || null}
          onChange={(v) => onChange({ action: v ?? '' })}
          clearable
          clearButtonProps={clear}
        />
        <TextInput
          className="audit-actor-filter"
          label={t('audit.actor')}
          placeholder={t('audit.actorPlaceholder')}
          type="search"
          value={actor}
          onChange={(e) => {
            setActor(e.currentTarget.value);
            pushActor(e.currentTarget.value);
          }}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={filters.from}
          max={filters.to || undefined}
          onChange={(e) => onChange({ from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={filters.to}
          min={filters.from || undefined}
          error={filters.from && filters.to && filters.to < filters.from ? t('validation.dateOrder') : null}
          onChange={(e) => onChange({ to: e.currentTarget.value })}
        />
      </SimpleGrid>
      {(filters.entity_id || any) && (
        <Group gap="xs" mb="md">
          {filters.entity_id && (
            <Badge
              variant="light"
              size="lg"
              tt="none"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('common.clear')}
                  onClick={() => onChange({ entity_id: '' })}
                />
              }
            >
              {entityLabel(filters.entity || 'id')}: {filters.entity_id.slice(0, 8)}…
            </Badge>
          )}
          {any && (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconFilterOff size={16} aria-hidden />}
              onClick={() => onChange(null)}
            >
              {t('audit.clearFilters')}
            </Button>
          )}
        </Group>
      )}
    </>
  );
}
