/**
 * The slot next to "New unit" on an empty organization: the place for "Load demo data" (POST
 * /api/v1/demo), which its author fills in. Rendered only for org.write; nothing yet.
 */
export function OrgEmptyExtras() {
  return null;
}
