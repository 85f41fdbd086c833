import { z } from 'zod';
import { CHANNELS } from '../core/compliance/interaction';
import { Id, Instant } from './common.schema';
import {
  CalendarSchema,
  PERIODS,
  STANDARD_CATEGORIES,
  STANDARD_KINDS,
  StandardSchema,
} from './standards-file.schema';

/**
 * The catalog of standards and calendars, and how an organization agrees on them (issue 5).
 *
 * A catalog entry (a standard or a calendar, by code) has published, immutable **versions**, each
 * with the instant it takes effect; the version in force at an instant is the latest one whose
 * `effective_from` is not after it (a retirement is a version without a definition). Versions are
 * made only by publishing a **proposal**: a change set with a title, a rationale, a discussion, and
 * required approvals. Definitions are exactly the `etalon/v1` file's standard and calendar objects
 * (docs/formats/standards-file.md), so the catalog, the YAML file and the engine share one model.
 */

export const CatalogEntity = z.enum(['standard', 'calendar']);
export type CatalogEntity = z.infer<typeof CatalogEntity>;

export const StandardDefinition = StandardSchema.meta({ id: 'StandardDefinition' });
export type StandardDefinition = z.output<typeof StandardDefinition>;
export type StandardDefinitionInput = z.input<typeof StandardDefinition>;
export const CalendarDefinition = CalendarSchema.meta({ id: 'CalendarDefinition' });
export type CalendarDefinition = z.output<typeof CalendarDefinition>;
export type CalendarDefinitionInput = z.input<typeof CalendarDefinition>;

/** A person as other people see them in the agreement flow. */
export const PersonRef = z.object({ id: Id, name: z.string(), email: z.string() }).meta({ id: 'PersonRef' });
export type PersonRef = z.infer<typeof PersonRef>;

/** A unit as a reference: enough to show and to link. */
export const UnitRef = z
  .object({
    id: Id,
    code: z.string(),
    name: z.object({ ru: z.string().nullable(), en: z.string().nullable() }),
  })
  .meta({ id: 'UnitRef' });
export type UnitRef = z.infer<typeof UnitRef>;

// ── Versions and entries ─────────────────────────────────────────────────────────────────────────

const VersionBase = {
  /** 1, 2, 3… per entry. */
  version: z.number().int().min(1),
  /** When it takes effect; it stays in force until the next version's `effective_from`. */
  effective_from: Instant,
  /** The next version's `effective_from`, or null while it is the latest. */
  effective_until: Instant.nullable(),
  /** True for a retirement: from `effective_from` on the entry binds nobody. */
  retired: z.boolean(),
  proposal_id: Id.nullable(),
  proposal_title: z.string().nullable(),
  published_at: Instant,
  /** The user who published it; null when the CLI did (see `published_by_label`). */
  published_by: PersonRef.nullable(),
  published_by_label: z.string(),
  /** Published by an administrator at once, without the approvals (recorded as such). */
  published_directly: z.boolean(),
};

export const StandardVersion = z
  .object({ ...VersionBase, definition: StandardDefinition.nullable() })
  .meta({ id: 'StandardVersion' });
export type StandardVersion = z.infer<typeof StandardVersion>;

export const CalendarVersion = z
  .object({ ...VersionBase, definition: CalendarDefinition.nullable() })
  .meta({ id: 'CalendarVersion' });
export type CalendarVersion = z.infer<typeof CalendarVersion>;

/**
 * `active`: a version is in force now; `scheduled`: published, first in force later; `retired`:
 * the version in force is a retirement.
 */
export const CatalogStatus = z.enum(['active', 'scheduled', 'retired']);
export type CatalogStatus = z.infer<typeof CatalogStatus>;

/** Open proposals (draft, open, approved) that change an entry. */
export const PendingProposal = z.object({
  id: Id,
  number: z.number().int(),
  title: z.string(),
  status: z.lazy(() => ProposalStatus),
});

export const StandardSummary = z
  .object({
    id: Id,
    code: z.string(),
    status: CatalogStatus,
    /** The version in force now; for a scheduled entry, its first version. */
    current: StandardVersion,
    /** The latest published version when it is not yet in force (a change scheduled for later). */
    next: StandardVersion.nullable(),
    pending: z.array(PendingProposal),
  })
  .meta({ id: 'StandardSummary' });
export type StandardSummary = z.infer<typeof StandardSummary>;

export const StandardQuery = z.object({
  kind: z.enum(STANDARD_KINDS).optional(),
  category: z.enum(STANDARD_CATEGORIES).optional(),
  /** A unit id: standards that bind it (its own, its ancestors', and organization-wide ones). */
  unit: Id.optional(),
  channel: z.enum(CHANNELS).optional(),
  status: CatalogStatus.optional(),
  /** Matches code and titles in either language, case-insensitively. */
  q: z.string().trim().max(200).optional(),
});
export type StandardQuery = z.infer<typeof StandardQuery>;

export const StandardList = z.object({ items: z.array(StandardSummary), total: z.number().int() });
export type StandardList = z.infer<typeof StandardList>;

export const StandardDetail = StandardSummary.extend({
  /** Every version, newest first. */
  versions: z.array(StandardVersion),
  /** Where the version in force applies: its units (or every top unit when it names none). */
  applies_to: z.array(UnitRef),
  /** The owner's employee record, when the definition names one that exists. */
  owner: z
    .object({
      id: Id,
      code: z.string(),
      name: z.object({ ru: z.string().nullable(), en: z.string().nullable() }),
    })
    .nullable(),
}).meta({ id: 'StandardDetail' });
export type StandardDetail = z.infer<typeof StandardDetail>;

export const CalendarSummary = z
  .object({
    id: Id,
    code: z.string(),
    status: CatalogStatus,
    current: CalendarVersion,
    next: CalendarVersion.nullable(),
    pending: z.array(PendingProposal),
    /** Standards whose version in force uses this calendar. */
    used_by: z.array(z.string()),
  })
  .meta({ id: 'CalendarSummary' });
export type CalendarSummary = z.infer<typeof CalendarSummary>;

export const CalendarList = z.object({ items: z.array(CalendarSummary), total: z.number().int() });
export type CalendarList = z.infer<typeof CalendarList>;

export const CalendarDetail = CalendarSummary.extend({ versions: z.array(CalendarVersion) }).meta({
  id: 'CalendarDetail',
});
export type CalendarDetail = z.infer<typeof CalendarDetail>;

/** Catalog codes travel in URLs: `/standards/TEL-01`. */
export const CodeParams = z.object({ code: z.string().min(1).max(100) });

/** Holidays read from an iCalendar file (`POST /calendars/holidays/ics`, body `text/calendar`). */
export const IcsHolidays = z
  .object({
    holidays: z.array(
      z.object({
        /** `YYYY-MM-DD`, or `--MM-DD` for an event that repeats every year. */
        date: z.string(),
        summary: z.string(),
        recurring: z.boolean(),
      }),
    ),
    /** Events that could not be read as whole-day holidays, with why. */
    skipped: z.array(z.object({ summary: z.string(), reason: z.string() })),
  })
  .meta({ id: 'IcsHolidays' });
export type IcsHolidays = z.infer<typeof IcsHolidays>;

// ── Proposals ────────────────────────────────────────────────────────────────────────────────────

/**
 * `draft` (the author is still writing) → `open` (in discussion, approvals requested) →
 * `approved` (all approved, waiting for its effective date) → `published`. An approver's
 * rejection makes it `rejected`; the author edits and submits again (re-open, fresh approvals).
 * The author may `withdraw` it before it is published.
 */
export const ProposalStatus = z.enum(['draft', 'open', 'approved', 'rejected', 'published', 'withdrawn']);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

export const ChangeAction = z.enum(['add', 'change', 'retire']);
export type ChangeAction = z.infer<typeof ChangeAction>;

const ChangeBase = {
  action: ChangeAction,
  code: z.string().min(1).max(100),
  /**
   * The version the author changed (`change`, `retire`); null for `add`. Publishing refuses a
   * change whose entry has a newer version by then (someone else changed it first).
   */
  base_version: z.number().int().min(1).nullable().default(null),
};

/** One change: add, change or retire a standard or a calendar. */
export const ProposalChange = z
  .discriminatedUnion('entity', [
    z.object({
      entity: z.literal('standard'),
      ...ChangeBase,
      definition: StandardDefinition.nullable().default(null),
    }),
    z.object({
      entity: z.literal('calendar'),
      ...ChangeBase,
      definition: CalendarDefinition.nullable().default(null),
    }),
  ])
  .superRefine((c, ctx) => {
    if (c.action !== 'retire' && c.definition === null)
      ctx.addIssue({ code: 'custom', path: ['definition'], message: `an ${c.action} needs the definition` });
    if (c.action === 'retire' && c.definition !== null)
      ctx.addIssue({ code: 'custom', path: ['definition'], message: 'a retirement has no definition' });
    if (c.action !== 'add' && c.base_version === null)
      ctx.addIssue({
        code: 'custom',
        path: ['base_version'],
        message: `a ${c.action} names the version it changes`,
      });
    const defCode =
      c.definition === null
        ? undefined
        : c.entity === 'standard'
          ? (c.definition as { code: string }).code
          : (c.definition as { id: string }).id;
    if (defCode !== undefined && defCode !== c.code)
      ctx.addIssue({
        code: 'custom',
        path: ['definition'],
        message: `the definition's code "${defCode}" is not the change's "${c.code}"`,
      });
  });
export type ProposalChange = z.output<typeof ProposalChange>;
export type ProposalChangeInput = z.input<typeof ProposalChange>;

/** A change as shown: with the version it changes (for a diff). */
export const ProposalChangeView = z.object({
  entity: CatalogEntity,
  action: ChangeAction,
  code: z.string(),
  base_version: z.number().int().nullable(),
  /** The base version's definition (null for add). */
  before: z.union([StandardDefinition, CalendarDefinition]).nullable(),
  /** The new definition (null for retire). */
  after: z.union([StandardDefinition, CalendarDefinition]).nullable(),
  /** The entry has a version newer than `base_version` (or, for add, already exists). */
  stale: z.boolean(),
});
export type ProposalChangeView = z.infer<typeof ProposalChangeView>;

export const Decision = z.enum(['pending', 'approved', 'rejected']);
export type Decision = z.infer<typeof Decision>;

/**
 * A required approval: the heads of a unit the change binds (`head`, with `unit`), or a quality
 * lead (`manager`: any manager or administrator).
 */
export const Approval = z
  .object({
    id: Id,
    requirement: z.enum(['head', 'manager']),
    unit: UnitRef.nullable(),
    /** Who may decide it (heads of the unit with an account; empty for `manager`: any manager). */
    eligible: z.array(PersonRef),
    decision: Decision,
    decided_by: PersonRef.nullable(),
    comment: z.string().nullable(),
    decided_at: Instant.nullable(),
  })
  .meta({ id: 'Approval' });
export type Approval = z.infer<typeof Approval>;

/** Another unpublished proposal changing the same entry. */
export const ProposalConflict = z.object({
  proposal_id: Id,
  number: z.number().int(),
  title: z.string(),
  entity: CatalogEntity,
  code: z.string(),
});
export type ProposalConflict = z.infer<typeof ProposalConflict>;

export const ProposalSummary = z
  .object({
    id: Id,
    /** #1, #2…: short to say in a meeting. */
    number: z.number().int(),
    title: z.string(),
    status: ProposalStatus,
    /** The user who wrote it; null when the CLI did (`etalon standards apply`). */
    author: PersonRef.nullable(),
    /** Who wrote it: an e-mail, or `cli`. */
    author_label: z.string(),
    /** When it takes effect once approved; null = as soon as it is approved. */
    effective_from: Instant.nullable(),
    /** Every edit adds one; an edit naming an older revision is refused with 409. */
    revision: z.number().int(),
    change_count: z.number().int(),
    approvals_pending: z.number().int(),
    comment_count: z.number().int(),
    created_at: Instant,
    updated_at: Instant,
    published_at: Instant.nullable(),
  })
  .meta({ id: 'ProposalSummary' });
export type ProposalSummary = z.infer<typeof ProposalSummary>;

export const Proposal = ProposalSummary.extend({
  rationale: z.string(),
  changes: z.array(ProposalChangeView),
  approvals: z.array(Approval),
  conflicts: z.array(ProposalConflict),
  published_by: PersonRef.nullable(),
  published_by_label: z.string().nullable(),
  published_directly: z.boolean(),
  /** What the caller may do now (the web shows only these buttons). */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    withdraw: z.boolean(),
    /** The approvals the caller may decide now (ids). */
    decide: z.array(Id),
    publish_now: z.boolean(),
  }),
}).meta({ id: 'Proposal' });
export type Proposal = z.infer<typeof Proposal>;

export const ProposalQuery = z.object({
  status: ProposalStatus.optional(),
  /** Only proposals waiting for the caller's decision. */
  awaiting_me: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ProposalQuery = z.infer<typeof ProposalQuery>;

export const ProposalList = z.object({ items: z.array(ProposalSummary), total: z.number().int() });
export type ProposalList = z.infer<typeof ProposalList>;

const Title = z.string().trim().min(1, 'must not be empty').max(300);
const Rationale = z.string().trim().max(20000);

export const ProposalCreate = z.object({
  title: Title,
  rationale: Rationale.default(''),
  effective_from: Instant.nullable().default(null),
  changes: z.array(ProposalChange).max(1000).default([]),
  /** Submit for approval at once (otherwise it stays a draft). */
  submit: z.boolean().default(false),
});
export type ProposalCreate = z.infer<typeof ProposalCreate>;
export type ProposalCreateBody = z.input<typeof ProposalCreate>;

export const ProposalUpdate = z.object({
  /** The revision the edit starts from; 409 `edit_conflict` when someone saved in between. */
  revision: z.number().int(),
  title: Title.optional(),
  rationale: Rationale.optional(),
  effective_from: Instant.nullable().optional(),
  changes: z.array(ProposalChange).max(1000).optional(),
});
export type ProposalUpdate = z.infer<typeof ProposalUpdate>;
export type ProposalUpdateBody = z.input<typeof ProposalUpdate>;

/** Submit, withdraw: name the revision acted on. */
export const ProposalAct = z.object({ revision: z.number().int() });
export type ProposalAct = z.infer<typeof ProposalAct>;

export const ProposalDecide = z.object({
  /** Which approval (when the caller may decide several, e.g. a head of two units); default: all they may. */
  approval_id: Id.optional(),
  comment: z.string().trim().max(5000).default(''),
});
export type ProposalDecide = z.infer<typeof ProposalDecide>;
export type ProposalDecideBody = z.input<typeof ProposalDecide>;

/** Publish at once (administrators): skips the approvals, recorded as such. */
export const ProposalPublish = z.object({
  revision: z.number().int(),
  /** Default: the proposal's own, or now. May be in the past (back-dating a first catalog). */
  effective_from: Instant.nullable().optional(),
});
export type ProposalPublish = z.infer<typeof ProposalPublish>;

export const Comment = z
  .object({
    id: Id,
    author: PersonRef,
    body: z.string(),
    mentions: z.array(PersonRef),
    created_at: Instant,
  })
  .meta({ id: 'ProposalComment' });
export type Comment = z.infer<typeof Comment>;

export const CommentList = z.object({ items: z.array(Comment), total: z.number().int() });
export type CommentList = z.infer<typeof CommentList>;

/** Instance settings of the agreement flow (`GET/PUT /settings/standards`, administrators write). */
export const StandardsSettings = z
  .object({
    /** May the author of a proposal approve it (as a head or the manager)? Default no. */
    allow_self_approval: z.boolean(),
  })
  .meta({ id: 'StandardsSettings' });
export type StandardsSettings = z.infer<typeof StandardsSettings>;

/** `@anna` (an e-mail's local part) or `@anna@example.org` mentions a person. */
export const CommentCreate = z.object({ body: z.string().trim().min(1, 'must not be empty').max(20000) });
export type CommentCreate = z.infer<typeof CommentCreate>;

// ── Acknowledgements ─────────────────────────────────────────────────────────────────────────────

/** A standard that binds the caller's unit, and whether they acknowledged its version in force. */
export const MyStandard = z.object({
  code: z.string(),
  version: z.number().int(),
  title: StandardSchema.shape.title,
  acknowledged_at: Instant.nullable(),
});

export const MyAcknowledgements = z
  .object({
    /** The caller's employee record; null when the account is linked to none (nothing to acknowledge). */
    employee: z.object({ id: Id, code: z.string() }).nullable(),
    items: z.array(MyStandard),
  })
  .meta({ id: 'MyAcknowledgements' });
export type MyAcknowledgements = z.infer<typeof MyAcknowledgements>;

export const AcknowledgeBody = z.object({
  /** The version acknowledged (the one in force, as the caller read it). */
  version: z.number().int().min(1),
});

export const UnitAcknowledgements = z
  .object({
    unit: UnitRef,
    standards: z.array(
      z.object({ code: z.string(), version: z.number().int(), title: StandardSchema.shape.title }),
    ),
    employees: z.array(
      z.object({
        id: Id,
        code: z.string(),
        name: z.object({ ru: z.string().nullable(), en: z.string().nullable() }),
        /** Codes of the standards (versions in force) they acknowledged. */
        acknowledged: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'UnitAcknowledgements' });
export type UnitAcknowledgements = z.infer<typeof UnitAcknowledgements>;

// ── Standards as code ────────────────────────────────────────────────────────────────────────────

export const ExportQuery = z.object({
  unit: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'A unit code: only the standards that bind it' }),
});

export const ApplyQuery = z.object({
  dry_run: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  /** Administrators: publish at once instead of opening a proposal. */
  publish: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  /** An instant, or a day `YYYY-MM-DD` starting at midnight in the file's (else the organization's) zone. */
  effective_from: z.union([Instant, z.iso.date()]).optional(),
  title: z.string().trim().min(1).max(300).optional(),
});
export type ApplyQuery = z.infer<typeof ApplyQuery>;

/** What applying a standards file did (or, in a dry run, would do). */
export const ApplyResult = z
  .object({
    dry_run: z.boolean(),
    /** Nothing differs from the catalog and the organization. */
    no_changes: z.boolean(),
    changes: z.array(ProposalChangeView),
    units: z.object({ created: z.array(z.string()), updated: z.array(z.string()) }),
    employees: z.object({ created: z.array(z.string()), updated: z.array(z.string()) }),
    /** The proposal opened (or published) for the standard and calendar changes. */
    proposal: ProposalSummary.nullable(),
  })
  .meta({ id: 'ApplyResult' });
export type ApplyResult = z.infer<typeof ApplyResult>;

export { PERIODS, STANDARD_CATEGORIES, STANDARD_KINDS };
