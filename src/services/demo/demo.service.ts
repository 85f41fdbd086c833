import { randomBytes } from 'node:crypto';
import { AppError, assertCan, systemActor } from '../../core';
import type { Locale } from '../../contract/common.schema';
import { ProposalCreate, type ProposalChange } from '../../contract/catalog.schema';
import type { DemoReport } from '../../contract/demo.schema';
import { catalogRepository } from '../../db/catalog.repository';
import { employeeRepository } from '../../db/employee.repository';
import { proposalRepository, UNPUBLISHED_STATUSES, type ProposalRow } from '../../db/proposal.repository';
import { unitRepository } from '../../db/unit.repository';
import { userRepository } from '../../db/user.repository';
import { createAuditTemplateService } from '../audit-template.service';
import { createAuditsService } from '../audits.service';
import type { EmployeeService } from '../employee.service';
import type { AuditScheduleService } from '../audit-schedule.service';
import type { CalibrationService } from '../calibration.service';
import type { ExclusionService } from '../exclusion.service';
import type { MonitoringService } from '../monitoring.service';
import { validateInteractionRecord } from '../../contract/interaction-record.schema';
import type { RecordEntry } from '../files/interaction-records.reader';
import type { GridService } from '../grid.service';
import type { ProposalService } from '../proposal.service';
import type { CallContext, ServiceDeps } from '../service-context';
import type { SupportTypeService } from '../support-type.service';
import type { UnitService } from '../unit.service';
import type { UserService } from '../user.service';
import { DEMO_AMENDMENT, DEMO_AUDIT_UNITS, DEMO_AUDITORS, DEMO_TEMPLATE, demoAudits } from './demo-audits';
import {
  DEMO_CALIBRATION_ANSWERS,
  DEMO_CALIBRATION_SUBJECTS,
  DEMO_CALIBRATION_TITLE,
  DEMO_SCHEDULE,
} from './demo-rounds';
import { DEMO_CELLS, DEMO_EMPLOYEES, DEMO_ROOT, DEMO_UNITS } from './demo-organization';
import { DEMO_OUTAGE, demoInteractions, demoOutageSpan, demoRecordsStart } from './demo-interactions';
import {
  DEMO_CALENDAR,
  DEMO_CALENDAR_DEFINITION,
  DEMO_CATALOG_PROPOSAL,
  DEMO_OPEN_PROPOSAL,
  DEMO_STANDARDS,
} from './demo-standards';

interface DemoServices {
  units: UnitService;
  employees: EmployeeService;
  supportTypes: SupportTypeService;
  grid: GridService;
  proposals: ProposalService;
  monitoring: MonitoringService;
  exclusions: ExclusionService;
  users: UserService;
  auditSchedules: AuditScheduleService;
  calibration: CalibrationService;
}

/**
 * Records written a transaction at a time by the demo: all of them in one (a few seconds). Roll-up
 * rows are touched once per chunk, so one chunk is the fastest, and the demo loads into an empty
 * instance nobody is reading yet.
 */
const RECORDS_CHUNK = 20_000;

const changesOf = (p: ProposalRow) => JSON.parse(p.changes) as ProposalChange[];

/** Midnight of 1 January of `now`'s year in Moscow (the demo's zone, UTC+3 all year), as an instant. */
function startOfYearInMoscow(now: Date): string {
  const offset = 3 * 3600_000;
  const year = new Date(now.getTime() + offset).getUTCFullYear();
  return new Date(Date.UTC(year, 0, 1) - offset).toISOString();
}

/**
 * Loads the demo organization through the ordinary services, so every row is validated and
 * audited like a person's edit. Loading is resumable rather than one transaction: what exists (by
 * code, or by provider and recipient for a cell) is kept, what is missing is created. So a load
 * that was interrupted completes when run again, and a second run changes nothing.
 *
 * The standards come through proposals as a person's would: the catalog (the office calendar and
 * the seed's standards) published at once, back-dated to the start of the year, and one change
 * left in discussion — with a comment when a person loads the demo (comments are signed by
 * people, so `etalon demo` leaves it without one). The proposals are written by `demo`, so the
 * administrator who loads it is not their author and may decide the open one.
 */
export function createDemoService(deps: ServiceDeps, services: DemoServices) {
  const { db } = deps;

  /** The published catalog, then the proposal in discussion; each found again by what it changes. */
  async function loadStandards(ctx: CallContext, locale: Locale, report: DemoReport) {
    // The demo's proposals are written by "demo", not by whoever loads it: the person loading it
    // (often the only administrator) can then decide the open one instead of being its author.
    const author: CallContext = { ...ctx, actor: systemActor('demo') };
    if (!(await catalogRepository.findEntry(db, 'calendar', DEMO_CALENDAR))) {
      // A run cut short between creating and publishing left the proposal: publish that one.
      const left = (await proposalRepository.list(db, UNPUBLISHED_STATUSES)).find((p) =>
        changesOf(p).some((c) => c.entity === 'calendar' && c.action === 'add' && c.code === DEMO_CALENDAR),
      );
      let proposal = left ? await services.proposals.get(author, left.id) : undefined;
      if (!proposal) {
        proposal = await services.proposals.create(
          author,
          ProposalCreate.parse({
            title: DEMO_CATALOG_PROPOSAL.title[locale],
            rationale: DEMO_CATALOG_PROPOSAL.rationale[locale],
            changes: [
              {
                entity: 'calendar',
                action: 'add',
                code: DEMO_CALENDAR,
                definition: DEMO_CALENDAR_DEFINITION,
              },
              ...DEMO_STANDARDS.map((definition) => ({
                entity: 'standard',
                action: 'add',
                code: definition.code,
                definition,
              })),
            ],
          }),
        );
        report.proposals += 1;
      }
      await services.proposals.publishNow(author, proposal.id, {
        revision: proposal.revision,
        // From 1 January, or from the first day of the demo's records if that is earlier (in January).
        effective_from: new Date(
          Math.min(Date.parse(startOfYearInMoscow(deps.clock())), demoRecordsStart(deps.clock())),
        ).toISOString(),
      });
      report.standards += proposal.change_count;
    }

    const open = DEMO_OPEN_PROPOSAL;
    let discussed = (await proposalRepository.list(db)).find(
      (p) =>
        p.status !== 'withdrawn' &&
        changesOf(p).some((c) => c.entity === 'standard' && c.action === 'change' && c.code === open.code),
    );
    if (!discussed) {
      const entry = await catalogRepository.findEntry(db, 'standard', open.code);
      const base = DEMO_STANDARDS.find((s) => s.code === open.code)!;
      if (!entry || base.measure.type !== 'response_time') return;
      const created = await services.proposals.create(
        author,
        ProposalCreate.parse({
          title: open.title[locale],
          rationale: open.rationale[locale],
          submit: true,
          changes: [
            {
              entity: 'standard',
              action: 'change',
              code: open.code,
              base_version: await catalogRepository.latestVersion(db, entry.id),
              definition: {
                ...base,
                title: {
                  ru: 'Ответ на письменный запрос за 4 рабочих часа',
                  en: 'Reply to written requests within 4 business hours',
                },
                measure: { ...base.measure, within: open.within },
              },
            },
          ],
        }),
      );
      report.proposals += 1;
      discussed = await proposalRepository.findById(db, created.id);
    }
    if (
      discussed &&
      ctx.actor.kind === 'user' &&
      (await services.proposals.comments(ctx, discussed.id)).total === 0
    )
      await services.proposals.addComment(ctx, discussed.id, { body: open.comment[locale] });
  }

  /**
   * Interaction records of the last months (demo-interactions.ts), judged like any import, and the
   * exclusion window of the IT desk's phone outage. The window comes first, so the records inside
   * it are judged `na` as they are written; then the queued re-judging runs (publishing the
   * back-dated catalog and adding the window each queued one) so nothing is left for later. Records
   * are idempotent by id: a second load changes nothing, a later one adds the days since.
   */
  async function loadInteractions(ctx: CallContext, locale: Locale, report: DemoReport) {
    // Up to the start of the current hour: loading again within the hour has nothing new to add.
    const now = new Date(Math.floor(deps.clock().getTime() / 3_600_000) * 3_600_000);
    const from = demoRecordsStart(now);
    const outage = demoOutageSpan(from, now.getTime());
    if (outage) {
      const reasons = new Set(Object.values(DEMO_OUTAGE.reason));
      const windows = (await services.exclusions.list(ctx)).items;
      if (!windows.some((w) => reasons.has(w.reason)))
        await services.exclusions.create(ctx, {
          starts_at: new Date(outage.startMs).toISOString(),
          ends_at: new Date(outage.endMs).toISOString(),
          units: [DEMO_OUTAGE.unit],
          channels: DEMO_OUTAGE.channels,
          standards: DEMO_OUTAGE.standards,
          reason: DEMO_OUTAGE.reason[locale],
        });
    }
    const entries: RecordEntry[] = demoInteractions(from, now.getTime()).map((raw, index) => {
      const checked = validateInteractionRecord(raw);
      return checked.ok
        ? { line: index + 1, record: checked.record }
        : { line: index + 1, id: String(raw.id), problems: checked.problems };
    });
    const batches: RecordEntry[][] = [];
    for (let i = 0; i < entries.length; i += RECORDS_CHUNK) batches.push(entries.slice(i, i + RECORDS_CHUNK));
    const problems: string[] = [];
    const written = await services.monitoring.importEntries(ctx, batches, {
      chunkSize: RECORDS_CHUNK,
      onRejected: (r) => problems.push(`${r.id ?? `#${r.index}`} ${r.field}: ${r.reason}`),
    });
    if (problems.length > 0)
      throw new AppError('conflict', `The demo's records were refused: ${problems.slice(0, 3).join('; ')}`);
    report.interactions += written.created + written.updated;
    await services.monitoring.runJobs();
  }

  /**
   * The reception audit template and about three months of submitted audits by two demo
   * auditors (demo-audits.ts), each made and submitted at its own past instant (a clock of its
   * own), and one amendment. Skipped when the template exists: a second load changes nothing.
   */
  async function loadAudits(ctx: CallContext, locale: Locale) {
    const now = deps.clock().getTime();
    // The catalog is in force from then (loadStandards), so the template can be made a day later.
    const from = Math.min(Date.parse(startOfYearInMoscow(deps.clock())), demoRecordsStart(deps.clock()));
    const plan = demoAudits(now, from);
    if (plan.length === 0) return;
    let at = Math.max(from + 3600_000, Date.parse(plan[0]!.observedAt) - 86_400_000);
    const pastDeps = { ...deps, clock: () => new Date(at) };
    const templates = createAuditTemplateService(pastDeps);
    if ((await templates.list(ctx)).items.some((t) => t.code === DEMO_TEMPLATE.code)) return;
    const auditors: CallContext[] = [];
    for (const a of DEMO_AUDITORS) {
      const name = a.name[locale];
      const user =
        (await userRepository.findByEmail(db, a.email)) ??
        (
          await services.users.create(ctx, {
            email: a.email,
            name,
            role: 'auditor',
            invite: false,
            // Active (rounds and calibration sessions take active people), with a password drawn
            // here and kept nowhere: nobody signs in as them until an administrator sets one.
            password: `demo ${randomBytes(18).toString('base64url')}`,
            locale,
          })
        ).user;
      auditors.push({
        ...ctx,
        actor: { kind: 'user', id: user.id, label: user.name, role: 'auditor', units: 'all' },
      });
    }
    const template = await templates.create(ctx, DEMO_TEMPLATE);
    const audits = createAuditsService(pastDeps, services.monitoring);
    let last: { id: string; auditor: CallContext; submittedAt: number } | undefined;
    for (const a of plan) {
      const observed = Date.parse(a.observedAt);
      const auditor = auditors[a.auditor]!;
      at = observed + 20 * 60_000;
      const draft = await audits.create(auditor, {
        template_id: template.id,
        unit: a.unit,
        employee: a.employee,
        observed_at: a.observedAt,
        answers: a.answers,
        comments: Object.fromEntries(Object.entries(a.comments).map(([k, v]) => [k, v[locale]])),
      });
      at = observed + 35 * 60_000;
      await audits.submit(auditor, draft.id);
      if (a.unit === DEMO_AMENDMENT.unit) last = { id: draft.id, auditor, submittedAt: at };
    }
    if (last) {
      at = Math.min(last.submittedAt + 26 * 3600_000, now);
      await audits.amend(last.auditor, last.id, {
        answers: { [DEMO_AMENDMENT.item]: 2 },
        reason: DEMO_AMENDMENT.reason[locale],
      });
    }
  }

  /**
   * The reception audit as a weekly round in each audited unit from this week on, and one
   * calibration session the two auditors judged, revealed (demo-rounds.ts). Each part is skipped
   * when it exists, so a second load changes nothing.
   */
  async function loadRoundsAndCalibration(ctx: CallContext, locale: Locale) {
    const template = (await createAuditTemplateService(deps).list(ctx)).items.find(
      (t) => t.code === DEMO_TEMPLATE.code,
    );
    const auditors = (
      await Promise.all(DEMO_AUDITORS.map((a) => userRepository.findByEmail(db, a.email)))
    ).filter((u): u is NonNullable<typeof u> => u !== undefined && u.status === 'active');
    // Auditors invited by an older demo cannot be given rounds: leave this part out then.
    if (!template || auditors.length !== DEMO_AUDITORS.length) return;

    const scheduled = new Set(
      (await services.auditSchedules.list(ctx)).items
        .filter((s) => s.template.id === template.id)
        .map((s) => s.unit.code),
    );
    for (const unit of DEMO_AUDIT_UNITS)
      if (!scheduled.has(unit))
        await services.auditSchedules.create(ctx, {
          template_id: template.id,
          unit,
          ...DEMO_SCHEDULE,
          auditor_ids: auditors.map((u) => u.id),
        });

    const title = DEMO_CALIBRATION_TITLE[locale];
    if ((await services.calibration.list(ctx)).items.some((c) => c.title === title)) return;
    const session = await services.calibration.create(ctx, {
      title,
      template_id: template.id,
      subjects: DEMO_CALIBRATION_SUBJECTS.map((s) => ({
        id: s.id,
        label: s.label[locale],
        description: s.description[locale],
      })),
      participant_ids: auditors.map((u) => u.id),
    });
    for (const [i, user] of auditors.entries()) {
      const as: CallContext = {
        ...ctx,
        actor: { kind: 'user', id: user.id, label: user.name, role: 'auditor', units: 'all' },
      };
      await services.calibration.saveAnswers(as, session.id, { answers: DEMO_CALIBRATION_ANSWERS[i]! });
      await services.calibration.submit(as, session.id);
    }
    await services.calibration.reveal(ctx, session.id);
  }

  return {
    async load(ctx: CallContext, locale: Locale = 'en'): Promise<DemoReport> {
      assertCan(ctx.actor, 'org.write');
      assertCan(ctx.actor, 'grid.write');
      assertCan(ctx.actor, 'standards.publish');
      assertCan(ctx.actor, 'interactions.write');
      assertCan(ctx.actor, 'monitoring.manage');
      const report: DemoReport = {
        units: 0,
        employees: 0,
        cells: 0,
        standards: 0,
        proposals: 0,
        interactions: 0,
      };
      if (!(await unitRepository.findByCode(db, DEMO_ROOT)) && (await unitRepository.count(db)) > 0) {
        throw new AppError(
          'conflict',
          'The demo organization loads only into an empty organization: this one already has units.',
          { reason: 'not_empty' },
        );
      }

      const unitIds = new Map<string, string>();
      for (const unit of DEMO_UNITS) {
        const existing = await unitRepository.findByCode(db, unit.code);
        if (existing) {
          unitIds.set(unit.code, existing.id);
          continue;
        }
        const created = await services.units.create(ctx, {
          code: unit.code,
          name: unit.name,
          parent_id: unit.parent ? unitIds.get(unit.parent)! : null,
          timezone: unit.timezone ?? null,
          calendar: null,
          contact: unit.contact
            ? {
                ...(unit.contact.email && { email: unit.contact.email }),
                ...(unit.contact.phone && { phone: unit.contact.phone }),
                ...(unit.contact.note && { note: unit.contact.note[locale] }),
              }
            : null,
          head_ids: [],
        });
        unitIds.set(unit.code, created.id);
        report.units += 1;
      }

      const employeeIds = new Map<string, string>();
      for (const person of DEMO_EMPLOYEES) {
        const existing = await employeeRepository.findByCode(db, person.code);
        if (existing) {
          employeeIds.set(person.code, existing.id);
          continue;
        }
        const created = await services.employees.create(ctx, {
          code: person.code,
          name: person.name,
          position: person.position[locale],
          unit_id: unitIds.get(person.unit)!,
          email: person.email,
          extensions: person.extensions,
          user_id: null,
        });
        employeeIds.set(person.code, created.id);
        report.employees += 1;
      }

      for (const unit of DEMO_UNITS) {
        const id = unitIds.get(unit.code)!;
        if (!unit.heads || (await services.units.get(ctx, id)).head_ids.length > 0) continue;
        await services.units.update(ctx, id, { head_ids: unit.heads.map((code) => employeeIds.get(code)!) });
      }

      const typeIds = new Map(
        (await services.supportTypes.list(ctx)).items.map((type) => [type.code, type.id] as const),
      );
      for (const cell of DEMO_CELLS) {
        const provider = cell.provider.startsWith('@')
          ? { kind: 'employee' as const, id: employeeIds.get(cell.provider.slice(1))! }
          : { kind: 'unit' as const, id: unitIds.get(cell.provider)! };
        const recipientId = unitIds.get(cell.recipient)!;
        const existing = await services.grid.listCells(ctx, {
          recipient_unit_id: recipientId,
          ...(provider.kind === 'unit'
            ? { provider_unit_id: provider.id }
            : { provider_employee_id: provider.id }),
          limit: 1,
          offset: 0,
        });
        if (existing.total > 0) continue;
        await services.grid.createCell(ctx, {
          provider,
          recipient_unit_id: recipientId,
          support_type_ids: cell.types.map((code) => {
            const id = typeIds.get(code);
            if (!id) throw new AppError('conflict', `The support type ${code} the demo uses is missing`);
            return id;
          }),
          instructions: cell.instructions[locale],
          expected_response: cell.expected[locale],
          contact_employee_id: cell.contact ? employeeIds.get(cell.contact)! : null,
        });
        report.cells += 1;
      }

      await loadStandards(ctx, locale, report);
      await loadInteractions(ctx, locale, report);
      await loadAudits(ctx, locale);
      await loadRoundsAndCalibration(ctx, locale);
      return report;
    },
  };
}

export type DemoService = ReturnType<typeof createDemoService>;
