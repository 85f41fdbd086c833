import type { CalendarDefinition, StandardDefinition } from '../contract/catalog.schema';
import { versionInForce } from '../core/standards/versions';
import { catalogRepository, type CatalogVersionRow } from '../db/catalog.repository';
import type { Db } from '../db/database';

/** A catalog entry's version in force at some instant, with its definition read. */
export interface InForce<D> {
  entryId: string;
  code: string;
  version: number;
  effective_from: string;
  definition: D;
  row: CatalogVersionRow;
}

interface Definitions {
  standard: StandardDefinition;
  calendar: CalendarDefinition;
}

/**
 * The standards (or calendars) in force at `at` (ISO instant), by code: each entry's version in
 * force then, leaving out entries retired by then or not yet in force. The one reader of "what
 * applied when" for the handbook, acknowledgements, the export and, later, monitoring.
 * Example: `await catalogInForce(db, 'standard', now)` → `[{ code: 'TEL-01', version: 2, definition: {…} }]`.
 */
export async function catalogInForce<E extends keyof Definitions>(
  db: Db,
  entity: E,
  at: string,
  codes?: readonly string[],
): Promise<InForce<Definitions[E]>[]> {
  const out: InForce<Definitions[E]>[] = [];
  for (const { entry, versions } of await catalogRepository.entriesWithVersions(db, entity, codes)) {
    const v = versionInForce(versions, at);
    if (v === undefined || v.definition === null) continue;
    out.push({
      entryId: entry.id,
      code: entry.code,
      version: v.version,
      effective_from: v.effective_from,
      definition: JSON.parse(v.definition) as Definitions[E],
      row: v,
    });
  }
  return out;
}
