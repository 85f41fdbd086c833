import type { Insertable, Selectable } from 'kysely';
import type { CatalogEntriesTable, CatalogVersionsTable, Db } from './database';

export type CatalogEntryRow = Selectable<CatalogEntriesTable>;
export type CatalogVersionRow = Selectable<CatalogVersionsTable>;
export type CatalogEntity = CatalogEntriesTable['entity'];

/** An entry with every published version, oldest version first. */
export interface CatalogEntryWithVersions {
  entry: CatalogEntryRow;
  versions: CatalogVersionRow[];
}

/**
 * The catalog of standards and calendars: entries by code, and their published versions. Versions
 * are only ever inserted (immutable); which is in force when is `core/standards/versions.ts`.
 */
export const catalogRepository = {
  findEntry: (db: Db, entity: CatalogEntity, code: string) =>
    db
      .selectFrom('catalog_entries')
      .selectAll()
      .where('entity', '=', entity)
      .where('code', '=', code)
      .executeTakeFirst(),

  insertEntry: async (db: Db, row: Insertable<CatalogEntriesTable>) => {
    await db.insertInto('catalog_entries').values(row).execute();
  },

  insertVersion: async (db: Db, row: Insertable<CatalogVersionsTable>) => {
    await db.insertInto('catalog_versions').values(row).execute();
  },

  /** The highest version number of an entry, 0 when it has none. */
  latestVersion: async (db: Db, entryId: string): Promise<number> => {
    const row = await db
      .selectFrom('catalog_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('entry_id', '=', entryId)
      .executeTakeFirst();
    return Number(row?.v ?? 0);
  },

  /**
   * Every entry of one kind (or the given codes) with all its versions, entries by code. The
   * catalog is small (hundreds of entries), so callers choose the version in force in memory.
   */
  entriesWithVersions: async (
    db: Db,
    entity: CatalogEntity,
    codes?: readonly string[],
  ): Promise<CatalogEntryWithVersions[]> => {
    if (codes?.length === 0) return [];
    let entries = db.selectFrom('catalog_entries').selectAll().where('entity', '=', entity);
    if (codes) entries = entries.where('code', 'in', codes);
    const entryRows = await entries.orderBy('code').execute();
    if (entryRows.length === 0) return [];
    const versionRows = await db
      .selectFrom('catalog_versions')
      .innerJoin('catalog_entries', 'catalog_entries.id', 'catalog_versions.entry_id')
      .selectAll('catalog_versions')
      .where('catalog_entries.entity', '=', entity)
      .$if(codes !== undefined, (q) => q.where('catalog_entries.code', 'in', codes!))
      .orderBy('catalog_versions.version')
      .execute();
    const byEntry = new Map<string, CatalogVersionRow[]>();
    for (const v of versionRows) byEntry.set(v.entry_id, [...(byEntry.get(v.entry_id) ?? []), v]);
    return entryRows.map((entry) => ({ entry, versions: byEntry.get(entry.id) ?? [] }));
  },
};
