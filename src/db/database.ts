import type { Kysely, Transaction } from 'kysely';
import type { PersonRole, Role } from '../core';

/**
 * The tables, as Kysely sees them. Conventions (docs/ARCHITECTURE.md → Database):
 * ids are UUIDv7 text made by the app; instants are ISO 8601 UTC text (`toISOString()`), which
 * sorts correctly as text on both engines; JSON is stored as text; there are no booleans (use a
 * status or a nullable instant) so SQLite and PostgreSQL read back the same values.
 */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: PersonRole;
  status: 'active' | 'invited' | 'deactivated';
  password_hash: string | null;
  locale: 'ru' | 'en' | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a database leak does not leak live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface InvitesTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_kind: 'user' | 'token' | 'system';
  actor_id: string;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  request_id: string | null;
}

export interface LoginFailuresTable {
  id: string;
  ip: string;
  email: string;
  at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** A unit of the organization; the tree is `parent_id` (null for a root). Never deleted: archived. */
export interface UnitsTable {
  id: string;
  code: string;
  /** At least one of the two names is set (the contract checks it). */
  name_ru: string | null;
  name_en: string | null;
  parent_id: string | null;
  /** IANA zone; null inherits the parent's. */
  timezone: string | null;
  /** A calendar id; null inherits the parent's. */
  calendar: string | null;
  /** JSON text: the contact channels object of the contract. */
  contact: string | null;
  status: 'active' | 'archived';
  created_at: string;
  updated_at: string;
}

/** A person of the organization (not necessarily one who signs in). Never deleted: they leave. */
export interface EmployeesTable {
  id: string;
  code: string;
  name_ru: string | null;
  name_en: string | null;
  position: string | null;
  unit_id: string;
  email: string | null;
  /** JSON text: an array of phone extensions, `[]` when none. */
  extensions: string;
  user_id: string | null;
  status: 'active' | 'left';
  created_at: string;
  updated_at: string;
}

/** Who heads a unit (one unit may have several heads). */
export interface UnitHeadsTable {
  unit_id: string;
  employee_id: string;
}

/** A kind of help a cell can give (the grid's vocabulary). Archived, or deleted while unused. */
export interface SupportTypesTable {
  id: string;
  code: string;
  name_ru: string | null;
  name_en: string | null;
  description_ru: string | null;
  description_en: string | null;
  /** A `SupportTypeColor` of the contract. */
  color: string;
  /** 1 for the types the product ships (migration 0003), 0 otherwise. */
  builtin: number;
  status: 'active' | 'archived';
  sort_order: number;
  created_at: string;
  updated_at: string;
}

/** A grid cell: a provider (unit or employee) helps a recipient unit. One per (provider, recipient). */
export interface GridCellsTable {
  id: string;
  provider_kind: 'unit' | 'employee';
  provider_unit_id: string | null;
  provider_employee_id: string | null;
  /** `unit:<id>` or `employee:<id>`: unique together with `recipient_unit_id`. */
  provider_key: string;
  recipient_unit_id: string;
  instructions: string | null;
  expected_response: string | null;
  contact_employee_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Which support types a cell gives. */
export interface GridCellTypesTable {
  cell_id: string;
  support_type_id: string;
}

/** A standard or a calendar of the catalog, by code; never deleted (retired by a version). */
export interface CatalogEntriesTable {
  id: string;
  entity: 'standard' | 'calendar';
  code: string;
  created_at: string;
}

/** A published version of a catalog entry; immutable once written. */
export interface CatalogVersionsTable {
  id: string;
  entry_id: string;
  version: number;
  /** JSON text of the `etalon/v1` standard or calendar; null for a retirement. */
  definition: string | null;
  effective_from: string;
  proposal_id: string | null;
  published_at: string;
  published_by: string | null;
  published_by_label: string;
  /** 1 when an administrator published it at once, without the approvals. */
  published_directly: number;
}

export interface ProposalsTable {
  id: string;
  number: number;
  title: string;
  rationale: string;
  status: 'draft' | 'open' | 'approved' | 'rejected' | 'published' | 'withdrawn';
  /** Null when the CLI (system actor) wrote it; `author_label` says who either way. */
  author_id: string | null;
  author_label: string;
  effective_from: string | null;
  revision: number;
  /** JSON text: the contract's `ProposalChange[]`. */
  changes: string;
  submitted_at: string | null;
  published_at: string | null;
  published_by: string | null;
  published_by_label: string | null;
  published_directly: number;
  created_at: string;
  updated_at: string;
}

/** A required approval of a proposal's current round. */
export interface ProposalApprovalsTable {
  id: string;
  proposal_id: string;
  requirement: 'head' | 'manager';
  unit_id: string | null;
  decision: 'pending' | 'approved' | 'rejected';
  decided_by: string | null;
  comment: string | null;
  decided_at: string | null;
}

export interface ProposalCommentsTable {
  id: string;
  proposal_id: string;
  /** Null when not written by a user; `author_label` says who either way. */
  author_id: string | null;
  author_label: string;
  body: string;
  /** JSON text: user ids mentioned. */
  mentions: string;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  actor_id: string | null;
  proposal_id: string | null;
  excerpt: string | null;
  /** What it is about besides a proposal: an audit round's id for `audit_round_*` (0007). */
  subject: string | null;
  read_at: string | null;
  created_at: string;
}

/** An employee acknowledged a version of a standard. */
export interface AcknowledgementsTable {
  id: string;
  employee_id: string;
  entry_id: string;
  version: number;
  acknowledged_at: string;
}

/** Monitoring (migration 0005): instants in these tables are epoch milliseconds, see there. */
export interface InteractionsTable {
  id: string;
  channel: string;
  unit_id: string;
  employee_id: string | null;
  started_at: number;
  answered_at: number | null;
  /** The validated record as JSON (`StoredRecord`). */
  data: string;
  /** `[[standard, version, verdict, localEpochDay, reason], …]` as JSON. */
  verdicts: string;
  seq: number;
  updated_at: number;
}

export interface FindingsTable {
  interaction_id: string;
  standard: string;
  version: number;
  verdict: 'fail' | 'pending';
  reason: string;
  unit_id: string;
  employee_id: string | null;
  channel: string;
  started_at: number;
  /** The record's local date in the standard's calendar, as days since 1970-01-01. */
  day: number;
  /** When a pending verdict becomes a breach if no reply comes (epoch ms). */
  due_at: number | null;
}

export interface RollupsUnitTable {
  grain: 'day' | 'week' | 'month' | 'quarter';
  period: string;
  standard: string;
  version: number;
  unit_id: string;
  channel: string;
  pass: number;
  fail: number;
  na: number;
  pending: number;
}

export interface RollupsEmployeeTable extends RollupsUnitTable {
  /** '' for records without an employee. */
  employee_id: string;
}

export interface ExclusionWindowsTable {
  id: string;
  starts_at: string;
  ends_at: string;
  /** JSON array of unit ids (each with its subtree); null = every unit. */
  unit_ids: string | null;
  /** JSON array of channels; null = every channel. */
  channels: string | null;
  /** JSON array of standard codes; null = every standard. */
  standards: string | null;
  reason: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface MonitoringJobsTable {
  id: string;
  kind: 'import' | 'rejudge';
  status: 'queued' | 'running' | 'done' | 'failed';
  title: string;
  /** JSON: what the job covers (an import's file and options; a re-judging's reason). */
  scope: string;
  total: number;
  done: number;
  /** JSON: an import's created/updated/unchanged/rejected; a re-judging's changed. */
  counts: string;
  error: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface RejudgeStagingTable {
  job_id: string;
  interaction_id: string;
  seq: number;
  verdicts: string;
}

export interface ImportRejectionsTable {
  job_id: string;
  n: number;
  line: number | null;
  record_id: string | null;
  field: string;
  reason: string;
}

export interface ImportMappingsTable {
  id: string;
  name: string;
  format: string;
  /** JSON: `{ our field: their column }`. */
  mapping: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MonitoringStateTable {
  id: number;
  seq: number;
}

/** An audit template (issue 7); its latest version's titles and pass mark copied for lists. */
export interface AuditTemplatesTable {
  id: string;
  code: string;
  title_ru: string | null;
  title_en: string | null;
  pass_mark: number;
  /** The latest version. */
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One immutable version of an audit template: `definition` is JSON with the standards' measures snapshotted. */
export interface AuditTemplateVersionsTable {
  template_id: string;
  version: number;
  definition: string;
  created_at: string;
  created_by: string | null;
  created_by_label: string;
}

/** An audit: a draft, or submitted (then changed only by amendments). */
export interface AuditsTable {
  id: string;
  template_id: string;
  template_version: number;
  unit_id: string;
  employee_id: string | null;
  auditor_kind: 'user' | 'token' | 'system';
  auditor_id: string;
  auditor_label: string;
  interaction_id: string | null;
  status: 'draft' | 'submitted';
  /** JSON: item id → answer. */
  answers: string;
  /** JSON: item id → comment. */
  comments: string;
  observed_at: string;
  submitted_at: string | null;
  score: number | null;
  outcome: 'passed' | 'failed' | 'not_scored' | null;
  /** Counts changes; each change is conditional on the revision it read. */
  revision: number;
  /** What a submitted audit counts in the monitoring results (migration 0010); null for drafts. */
  counted: string | null;
  created_at: string;
  updated_at: string;
  /** The schedule round it was started from (0007-audit-schedules); one audit per round. */
  round_id: string | null;
}

/** A correction of a submitted audit, numbered from 1 per audit. */
export interface AuditAmendmentsTable {
  audit_id: string;
  n: number;
  answers_before: string;
  answers_after: string;
  reason: string;
  by_kind: 'user' | 'token' | 'system';
  by_id: string;
  by_label: string;
  at: string;
}

// --- Calibration sessions (issue 7, part C: migration 0008-calibration) ---

/** A calibration session: auditors judge the same subjects blind, then the answers are revealed. */
export interface CalibrationSessionsTable {
  id: string;
  title: string;
  template_id: string;
  template_version: number;
  /** JSON: `[{id, label, description, interaction_id}]`. */
  subjects: string;
  status: 'open' | 'revealed';
  created_by_kind: 'user' | 'token' | 'system';
  created_by: string;
  created_by_label: string;
  created_at: string;
  revealed_at: string | null;
}

export interface CalibrationParticipantsTable {
  session_id: string;
  user_id: string;
  submitted_at: string | null;
}

/** One participant's answer to one item on one subject: `'1'`…`'5'`, `'yes'`, `'no'`, `'na'`, or null (comment only). */
export interface CalibrationJudgementsTable {
  session_id: string;
  user_id: string;
  subject_id: string;
  item_id: string;
  answer: string | null;
  comment: string | null;
}

// Audit schedules and rounds (issue 7, part S: 0007-audit-schedules).
/** A recurring audit of a unit with a template; `spec` is JSON as core's schedule rule reads it. */
export interface AuditSchedulesTable {
  id: string;
  template_id: string;
  unit_id: string;
  kind: 'weekly' | 'monthly' | 'n_per_month';
  /** JSON: `{weekday, time}` | `{day, time}` | `{n, seed}`. */
  spec: string;
  timezone: string;
  due_after_ms: number;
  grace_ms: number;
  starts_on: string;
  ends_on: string | null;
  /** Rounds are stored from this instant on (starts_on's start, or the last edit). */
  rounds_from: string;
  /** JSON: user ids of the assigned auditors. */
  auditor_ids: string;
  created_by: string | null;
  created_by_label: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One occurrence of a schedule, stored once (unique schedule + key); its state is derived. */
export interface AuditRoundsTable {
  id: string;
  schedule_id: string;
  key: string;
  starts_at: string;
  due_at: string;
  closes_at: string;
  audit_id: string | null;
  /** A user id, or null: any of the schedule's auditors. */
  assignee: string | null;
  reminded_due_at: string | null;
  reminded_overdue_at: string | null;
  created_at: string;
}

// --- Photos on audits and follow-ups (issue 7, part P: 0009-audit-photos-follow-ups) ---

/** A photo of an audit (or of one of its items); the bytes are in `<dataDir>/photos/<audit id>/<id>`. */
export interface AuditPhotosTable {
  id: string;
  audit_id: string;
  item_id: string | null;
  content_type: 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: number;
  sha256: string;
  width: number | null;
  height: number | null;
  /** The uploader's actor id (a person or a token) and label. */
  created_by: string;
  created_by_label: string;
  created_at: string;
}

/** A follow-up raised from a failed item of a submitted audit; overdue is derived, never stored. */
export interface FollowUpsTable {
  id: string;
  audit_id: string;
  item_id: string;
  standard_code: string;
  title: string;
  note: string | null;
  owner_user_id: string;
  /** A local date (YYYY-MM-DD) in the unit's zone. */
  due_on: string;
  status: 'open' | 'done' | 'cancelled';
  created_by: string;
  created_by_label: string;
  created_at: string;
  updated_at: string;
  done_at: string | null;
  done_note: string | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invites: InvitesTable;
  audit_log: AuditLogTable;
  login_failures: LoginFailuresTable;
  settings: SettingsTable;
  units: UnitsTable;
  employees: EmployeesTable;
  unit_heads: UnitHeadsTable;
  support_types: SupportTypesTable;
  grid_cells: GridCellsTable;
  grid_cell_types: GridCellTypesTable;
  catalog_entries: CatalogEntriesTable;
  catalog_versions: CatalogVersionsTable;
  proposals: ProposalsTable;
  proposal_approvals: ProposalApprovalsTable;
  proposal_comments: ProposalCommentsTable;
  notifications: NotificationsTable;
  acknowledgements: AcknowledgementsTable;
  interactions: InteractionsTable;
  findings: FindingsTable;
  rollups_unit: RollupsUnitTable;
  rollups_employee: RollupsEmployeeTable;
  exclusion_windows: ExclusionWindowsTable;
  monitoring_jobs: MonitoringJobsTable;
  rejudge_staging: RejudgeStagingTable;
  import_rejections: ImportRejectionsTable;
  import_mappings: ImportMappingsTable;
  monitoring_state: MonitoringStateTable;
  audit_templates: AuditTemplatesTable;
  audit_template_versions: AuditTemplateVersionsTable;
  audits: AuditsTable;
  audit_amendments: AuditAmendmentsTable;
  // Photos and follow-ups (issue 7, part P).
  audit_photos: AuditPhotosTable;
  follow_ups: FollowUpsTable;
  audit_schedules: AuditSchedulesTable;
  audit_rounds: AuditRoundsTable;
  // Calibration sessions (issue 7, part C).
  calibration_sessions: CalibrationSessionsTable;
  calibration_participants: CalibrationParticipantsTable;
  calibration_judgements: CalibrationJudgementsTable;
}

/** A connection or a transaction: repositories accept either. */
export type Db = Kysely<Database> | Transaction<Database>;
