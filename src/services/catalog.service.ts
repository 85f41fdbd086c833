import { AppError, assertCan } from '../core';
import type {
  CalendarDefinition,
  CalendarDetail,
  CalendarList,
  CalendarSummary,
  CatalogEntity,
  CatalogStatus,
  PersonRef,
  StandardDefinition,
  StandardDetail,
  StandardList,
  StandardQuery,
  StandardSummary,
  UnitRef,
} from '../contract/catalog.schema';
import { ancestorsOf } from '../core/org/unit-tree';
import { bindsUnit } from '../core/standards/binding';
import { versionInForce, withEffectiveUntil } from '../core/standards/versions';
import {
  catalogRepository,
  type CatalogEntryWithVersions,
  type CatalogVersionRow,
} from '../db/catalog.repository';
import type { Db } from '../db/database';
import { employeeRepository } from '../db/employee.repository';
import { proposalRepository, UNPUBLISHED_STATUSES, type PersonRow } from '../db/proposal.repository';
import { unitRepository, type UnitRow } from '../db/unit.repository';
import type { CallContext, ServiceDeps } from './service-context';

interface Definitions {
  standard: StandardDefinition;
  calendar: CalendarDefinition;
}

export const personRef = (p: PersonRow): PersonRef => ({ id: p.id, name: p.name, email: p.email });
export const unitRef = (u: UnitRow): UnitRef => ({
  id: u.id,
  code: u.code,
  name: { ru: u.name_ru, en: u.name_en },
});

/** Unpublished proposals by `entity:code` of what they change. */
type PendingMap = Map<
  string,
  { id: string; number: number; title: string; status: StandardSummary['pending'][number]['status'] }[]
>;

async function pendingByEntry(db: Db): Promise<PendingMap> {
  const out: PendingMap = new Map();
  for (const p of await proposalRepository.list(db, UNPUBLISHED_STATUSES)) {
    const changes = JSON.parse(p.changes) as { entity: CatalogEntity; code: string }[];
    const seen = new Set<string>();
    for (const c of changes) {
      const key = `${c.entity}:${c.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.set(key, [
        ...(out.get(key) ?? []),
        { id: p.id, number: p.number, title: p.title, status: p.status },
      ]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.number - b.number);
  return out;
}

/** What presenting versions needs: their publishers and proposal titles. */
async function versionContext(db: Db, versions: readonly CatalogVersionRow[]) {
  const people = await proposalRepository.people(
    db,
    versions.map((v) => v.published_by),
  );
  const titles = await proposalRepository.titles(db, [
    ...new Set(versions.map((v) => v.proposal_id).filter((i): i is string => i !== null)),
  ]);
  return { people, titles };
}

type VersionContext = Awaited<ReturnType<typeof versionContext>>;

function presentVersion<E extends CatalogEntity>(
  v: CatalogVersionRow & { effective_until: string | null },
  vc: VersionContext,
) {
  const publisher = v.published_by === null ? undefined : vc.people.get(v.published_by);
  return {
    version: v.version,
    effective_from: v.effective_from,
    effective_until: v.effective_until,
    retired: v.definition === null,
    proposal_id: v.proposal_id,
    proposal_title: v.proposal_id === null ? null : (vc.titles.get(v.proposal_id) ?? null),
    published_at: v.published_at,
    published_by: publisher ? personRef(publisher) : null,
    published_by_label: v.published_by_label,
    published_directly: v.published_directly === 1,
    definition: v.definition === null ? null : (JSON.parse(v.definition) as Definitions[E]),
  };
}

/**
 * An entry as of `at`: its status, the version in force (for a scheduled entry its first one),
 * the next published version not yet in force, and every version newest first.
 */
function entryState<E extends CatalogEntity>(
  { entry, versions }: CatalogEntryWithVersions,
  at: string,
  vc: VersionContext,
  pending: PendingMap,
) {
  const timed = withEffectiveUntil(versions);
  const inForce = versionInForce(timed, at);
  const t = Date.parse(at);
  const future = timed
    .filter((v) => Date.parse(v.effective_from) > t)
    .sort((a, b) => Date.parse(b.effective_from) - Date.parse(a.effective_from) || b.version - a.version);
  const first = timed[timed.length - 1]!;
  const current = inForce ?? first;
  const status: CatalogStatus =
    inForce === undefined ? 'scheduled' : inForce.definition === null ? 'retired' : 'active';
  const nextRow = future.find((v) => v.version !== current.version);
  return {
    id: entry.id,
    code: entry.code,
    status,
    current: presentVersion<E>(current, vc),
    next: nextRow === undefined ? null : presentVersion<E>(nextRow, vc),
    pending: pending.get(`${entry.entity}:${entry.code}`) ?? [],
    versions: timed.map((v) => presentVersion<E>(v, vc)),
    /** The latest definition that is not a retirement, for searching a retired entry too. */
    lastDefinition: (() => {
      const withDef = timed.find((v) => v.definition !== null);
      return withDef ? (JSON.parse(withDef.definition!) as Definitions[E]) : null;
    })(),
  };
}

const titleText = (t: StandardDefinition['title'] | undefined) =>
  t === undefined ? [] : typeof t === 'string' ? [t] : [t.ru ?? '', t.en ?? ''];

/**
 * The catalog of standards and calendars as everyone reads it (`standards.read`): what is in force
 * now, what is scheduled, every published version, and the proposals that would change each entry.
 */
export function createCatalogService(deps: ServiceDeps) {
  const { db, clock } = deps;

  async function load<E extends CatalogEntity>(entity: E, codes?: readonly string[]) {
    const at = clock().toISOString();
    const entries = (await catalogRepository.entriesWithVersions(db, entity, codes)).filter(
      (e) => e.versions.length > 0,
    );
    const vc = await versionContext(
      db,
      entries.flatMap((e) => e.versions),
    );
    const pending = await pendingByEntry(db);
    return entries.map((e) => entryState<E>(e, at, vc, pending));
  }

  type StandardState = ReturnType<typeof entryState<'standard'>>;

  const summary = (s: StandardState): StandardSummary => ({
    id: s.id,
    code: s.code,
    status: s.status,
    current: s.current,
    next: s.next,
    pending: s.pending,
  });

  async function usedBy(code: string): Promise<string[]> {
    const standards = await load('standard');
    return standards
      .filter((s) => s.status === 'active' && s.current.definition?.calendar === code)
      .map((s) => s.code);
  }

  return {
    async listStandards(ctx: CallContext, query: StandardQuery): Promise<StandardList> {
      assertCan(ctx.actor, 'standards.read');
      let unitCodes: Set<string> | undefined;
      if (query.unit !== undefined) {
        const unit = await unitRepository.findById(db, query.unit);
        if (!unit) return { items: [], total: 0 };
        const links = await unitRepository.parentLinks(db);
        const ids = [unit.id, ...ancestorsOf(links, unit.id)];
        const all = new Map((await unitRepository.all(db)).map((u) => [u.id, u.code]));
        unitCodes = new Set(ids.map((i) => all.get(i)).filter((c): c is string => c !== undefined));
      }
      const q = query.q?.toLowerCase();
      const items = (await load('standard')).filter((s) => {
        if (query.status !== undefined && s.status !== query.status) return false;
        const def = s.current.definition ?? s.lastDefinition;
        if (q !== undefined && q !== '') {
          const texts = [s.code, ...titleText(def?.title)];
          if (!texts.some((t) => t.toLowerCase().includes(q))) return false;
        }
        const needsDef =
          query.kind !== undefined ||
          query.category !== undefined ||
          query.channel !== undefined ||
          unitCodes !== undefined;
        if (!needsDef) return true;
        const inForce = s.current.definition;
        if (inForce === null) return false;
        if (query.kind !== undefined && inForce.kind !== query.kind) return false;
        if (query.category !== undefined && inForce.category !== query.category) return false;
        if (
          query.channel !== undefined &&
          inForce.channels !== undefined &&
          !inForce.channels.includes(query.channel)
        )
          return false;
        if (unitCodes !== undefined && !bindsUnit(inForce, unitCodes)) return false;
        return true;
      });
      return { items: items.map(summary), total: items.length };
    },

    async getStandard(ctx: CallContext, code: string): Promise<StandardDetail> {
      assertCan(ctx.actor, 'standards.read');
      const [s] = await load('standard', [code]);
      if (!s) throw new AppError('not_found', `No standard with code ${code}`, { entity: 'standard', code });
      const def = s.current.definition;
      let appliesTo: UnitRef[] = [];
      let owner: StandardDetail['owner'] = null;
      if (def !== null) {
        const units = await unitRepository.all(db);
        if (def.units === undefined)
          appliesTo = units.filter((u) => u.parent_id === null && u.status === 'active').map(unitRef);
        else {
          const byCode = new Map(units.map((u) => [u.code, u]));
          appliesTo = def.units
            .map((c) => byCode.get(c))
            .filter((u): u is UnitRow => u !== undefined)
            .map(unitRef);
        }
        if (def.owner !== undefined) {
          const e = await employeeRepository.findByCode(db, def.owner);
          if (e) owner = { id: e.id, code: e.code, name: { ru: e.name_ru, en: e.name_en } };
        }
      }
      return { ...summary(s), versions: s.versions, applies_to: appliesTo, owner };
    },

    async listCalendars(ctx: CallContext): Promise<CalendarList> {
      assertCan(ctx.actor, 'standards.read');
      const standards = await load('standard');
      const items: CalendarSummary[] = (await load('calendar')).map((c) => ({
        id: c.id,
        code: c.code,
        status: c.status,
        current: c.current,
        next: c.next,
        pending: c.pending,
        used_by: standards
          .filter((s) => s.status === 'active' && s.current.definition?.calendar === c.code)
          .map((s) => s.code),
      }));
      return { items, total: items.length };
    },

    async getCalendar(ctx: CallContext, code: string): Promise<CalendarDetail> {
      assertCan(ctx.actor, 'standards.read');
      const [c] = await load('calendar', [code]);
      if (!c) throw new AppError('not_found', `No calendar with code ${code}`, { entity: 'calendar', code });
      return {
        id: c.id,
        code: c.code,
        status: c.status,
        current: c.current,
        next: c.next,
        pending: c.pending,
        used_by: await usedBy(c.code),
        versions: c.versions,
      };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
