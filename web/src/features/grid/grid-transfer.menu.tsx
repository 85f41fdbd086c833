/**
 * The slot for the grid's import and export (XLSX/CSV: `GET /api/v1/grid/export`,
 * `POST /api/v1/grid/import` with a dry run first). Empty until those endpoints exist.
 */
export function GridTransferMenu() {
  return null;
}
