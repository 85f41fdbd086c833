import { Select, Text, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUnitOptions, type FlatUnit } from './grid-labels';

/** A searchable unit picker that shows the tree by indenting each unit under its parent. */
export function UnitSelect({
  units,
  value,
  onChange,
  ...rest
}: {
  units: readonly FlatUnit[];
  value: string | null;
  onChange: (id: string | null) => void;
} & Omit<SelectProps, 'data' | 'value' | 'onChange'>) {
  const { t } = useTranslation();
  const { data, depthOf } = useUnitOptions(units);
  return (
    <Select
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clear') }}
      nothingFoundMessage={t('grid.nothingFound')}
      limit={200}
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
      renderOption={({ option }) => (
        <Text size="sm" pl={Math.min(depthOf(option.value), 8) * 12}>
          {option.label}
        </Text>
      )}
    />
  );
}
