import { catalogRepository } from '../../db/catalog.repository';
import type { Db } from '../../db/database';
import { newId } from '../../db/ids';

/**
 * For tests only: writes a published version straight into the catalog (no proposal), so tests of
 * what reads the catalog (acknowledgements, the handbook, the export) need not run the agreement.
 * Example: `await publishDirectly(db, 'standard', {code: 'TEL-01', …}, '2026-01-01T00:00:00Z')` → 1.
 */
export async function publishDirectly(
  db: Db,
  entity: 'standard' | 'calendar',
  definition: { code?: string; id?: string } & Record<string, unknown>,
  effectiveFrom: string,
): Promise<number> {
  const code = (entity === 'standard' ? definition.code : definition.id)!;
  let entry = await catalogRepository.findEntry(db, entity, code);
  if (!entry) {
    await catalogRepository.insertEntry(db, { id: newId(), entity, code, created_at: effectiveFrom });
    entry = (await catalogRepository.findEntry(db, entity, code))!;
  }
  const version = (await catalogRepository.latestVersion(db, entry.id)) + 1;
  await catalogRepository.insertVersion(db, {
    id: newId(),
    entry_id: entry.id,
    version,
    definition: JSON.stringify(definition),
    effective_from: new Date(effectiveFrom).toISOString(),
    proposal_id: null,
    published_at: new Date(effectiveFrom).toISOString(),
    published_by: null,
    published_by_label: 'test',
    published_directly: 1,
  });
  return version;
}
