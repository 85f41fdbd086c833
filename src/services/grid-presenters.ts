import type { GridCell, SupportType, SupportTypeColor } from '../contract/grid.schema';
import type { GridCellRow } from '../db/grid-cell.repository';
import type { SupportTypeRow } from '../db/support-type.repository';

/** A support type as the API shows it: names and descriptions as `{ru, en}`, `builtin` a boolean. */
export const presentSupportType = (row: SupportTypeRow, cellCount: number): SupportType => ({
  id: row.id,
  code: row.code,
  name: { ru: row.name_ru, en: row.name_en },
  description: { ru: row.description_ru, en: row.description_en },
  color: row.color as SupportTypeColor,
  builtin: Number(row.builtin) === 1,
  status: row.status,
  cell_count: cellCount,
  created_at: row.created_at,
  updated_at: row.updated_at,
});

/** A cell as the API shows it; `supportTypeIds` in the vocabulary's order. */
export const presentGridCell = (row: GridCellRow, supportTypeIds: readonly string[]): GridCell => ({
  id: row.id,
  provider: {
    kind: row.provider_kind,
    id: (row.provider_kind === 'unit' ? row.provider_unit_id : row.provider_employee_id)!,
  },
  recipient_unit_id: row.recipient_unit_id,
  support_type_ids: [...supportTypeIds],
  instructions: row.instructions,
  expected_response: row.expected_response,
  contact_employee_id: row.contact_employee_id,
  created_at: row.created_at,
  updated_at: row.updated_at,
});
