// Kysely table types: the TypeScript view of src/db/migrations (the schema's single source).
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { EnteredValues } from '../domain/annual-report/supervision-report-checks.ts';
import type { SupervisionPrefill } from '../domain/annual-report/supervision-report-prefill.ts';
import type { SupervisionReportState } from '../domain/annual-report/supervision-report-states.ts';
import type { WorkReportData, WorkReportHead } from '../domain/annual-report/work-report-fields.ts';
import type { WorkReportState } from '../domain/annual-report/work-report-states.ts';
import type { ActorType } from '../domain/audit-events.ts';
import type { FooterReport } from '../domain/footer-check.ts';
import type { IssuanceRunStatus, IssuanceTrigger } from '../domain/issuance.ts';
import type { RequestState, RequestType } from '../domain/requests.ts';
import type { RegisterRunStatus } from '../domain/run-status.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: read as the parsed value, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

// The column types of the enum columns are the domain's lists (src/domain), re-exported for the repositories.
export type { ActorType, RequestState, RequestType };
export type RunStatus = RegisterRunStatus;

export interface PersonContact {
  name: string;
  officePhone: string;
  mobile: string;
  email: string;
}

export type OrgBranch = 'LOCAL' | 'VERTICAL';

export interface OrgUnitsTable {
  code: string;
  name: string;
  display_name: string;
  level: number;
  branch: OrgBranch;
  parent_code: string | null;
  /** Materialised path of codes, '/bm0100/130000/130300/'; subtree = path LIKE prefix. */
  path: string;
  principal: NullableJson<PersonContact>;
  contacts: Json<PersonContact[]>;
  enabled: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type UserRole = 'REVIEWER' | 'ADMIN';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  org_code: string;
  role: UserRole;
  enabled: Generated<boolean>;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  /** 每日待办汇总 by e-mail to `email` (migration 0012). */
  digest_enabled: Generated<boolean>;
  email: ColumnType<string | null, string | null | undefined, string | null>;
}

export type SessionKind = 'ORG_USER' | 'SITE';

export interface SessionsTable {
  id_digest: string;
  kind: SessionKind;
  user_id: number | null;
  site_code: string | null;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string;
  user_agent: string;
}

export type LoginResult = 'SUCCESS' | 'BAD_PASSWORD' | 'UNKNOWN_USER' | 'LOCKED' | 'DISABLED' | 'RATE_LIMITED';

export interface LoginLogTable {
  id: Generated<number>;
  at: Timestamp;
  kind: SessionKind;
  login: string;
  user_id: number | null;
  org_code: string | null;
  ip: string;
  result: LoginResult;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_type: ActorType;
  actor_user_id: number | null;
  actor_name: string | null;
  actor_org_code: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  site_code: string | null;
  request_id: number | null;
  from_state: string | null;
  to_state: string | null;
  comment: string | null;
  data: NullableJson<Record<string, unknown>>;
  ip: string | null;
  /** Hash chain (migration 0008): position in seal order, the previous entry's hash, this entry's hash. */
  seal_seq: ColumnType<number | null, never, number>;
  prev_hash: ColumnType<string | null, never, string>;
  hash: ColumnType<string | null, never, string>;
}

export interface AppSecretsTable {
  name: string;
  value: string;
  created_at: GeneratedTimestamp;
}

/** One register entry: a new-site application (site_code null, APPLYING) that becomes the site at issuance. */
export interface SitesTable {
  id: Generated<number>;
  site_code: string | null;
  org_code: string;
  name: string;
  /** normalizeName(name), compared for duplicates. */
  name_key: string;
  home_url: string;
  /** normalizeUrlForCompare(home_url), compared for duplicates. */
  home_url_key: string;
  /** ASCII host of home_url, compared with other sites' other domains. */
  home_host: string;
  sponsor_name: Generated<string>;
  is_portal: boolean;
  is_service_platform: boolean;
  /** The full basic information (SPEC §5.1), validated by src/domain/site-info.ts. */
  info: Json<Record<string, unknown>>;
  /** 栏目（系统）信息 rows (SPEC §5.2). */
  columns: ColumnType<unknown[], string | undefined, string>;
  run_status: RunStatus;
  /** Restore date (临时下线) or expected online date (紧急下线), YYYY-MM-DD. */
  run_status_until: ColumnType<string | null, string | null | undefined, string | null>;
  check_code_hash: string | null;
  check_code_enc: string | null;
  first_login_at: Timestamp | null;
  code_issued_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 填报单位 login lockout (migration 0004). */
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
}

export interface SiteSequencesTable {
  org_code: string;
  last_seq: number;
}

export interface SiteDomainsTable {
  host: string;
  site_id: number;
}

export interface RequestsTable {
  id: Generated<number>;
  type: RequestType;
  state: RequestState;
  site_id: number;
  /** The site's 本级组织单位 at submission. */
  org_code: string;
  /** Routing snapshot: was the site (or the applied-for site) a portal. */
  is_portal: boolean;
  /** Review chain snapshot, computed from the tree at submission (SPEC §3.6). */
  chain: string[];
  step_index: Generated<number>;
  /** chain[step_index] while SUBMITTED/IN_REVIEW, else null: the unit that must act now. */
  current_org: string | null;
  payload: Json<Record<string, unknown>>;
  temp_code_digest: string | null;
  idempotency_key: string | null;
  return_reason: string | null;
  version: Generated<number>;
  submitted_at: Timestamp;
  updated_at: Timestamp;
  step_entered_at: Timestamp;
  final_approved_at: Timestamp | null;
  decided_at: Timestamp | null;
}

export interface ColumnCategoriesTable {
  code: string;
  group_name: string;
  name: string;
  sort_order: number;
  active: Generated<boolean>;
}

/** A failed 临时码 look-up, counted per IP for the progress-query rate limit (migration 0003). */
/** One limited key (an IP's logins, an IP's 临时码 queries, an unknown login name) and its attempts in the window. */
export interface AttemptCountersTable {
  key: string;
  window_start: Timestamp;
  count: number;
  blocked_until: Timestamp | null;
}

/** One application the batch could not issue, kept in the run's ledger row. */
export interface IssuanceRunError {
  requestId: number | null;
  siteId: number | null;
  orgCode: string | null;
  name: string | null;
  message: string;
}

/** The ledger of 网站标识码 batch runs (migration 0004). */
export interface IssuanceRunsTable {
  id: Generated<number>;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  /** The run's 16:00:00 Asia/Shanghai instant: applications finally approved before it are issued. */
  cutoff: Timestamp;
  trigger: IssuanceTrigger;
  status: IssuanceRunStatus;
  issued_count: Generated<number>;
  codes: ColumnType<string[], string[] | undefined, string[]>;
  errors: ColumnType<IssuanceRunError[], string | undefined, string>;
  dry_run: Generated<boolean>;
  /** Who started a MANUAL run (display name and account). */
  triggered_by: string | null;
  message: string | null;
}

// ── Organizing-unit tools (migration 0007): 重要通知 and 上报抽查情况 ──

export type NoticeAudience = 'ALL' | 'SUBTREE';

export interface NoticesTable {
  id: Generated<number>;
  title: string;
  /** Sanitized HTML (sanitize-html allow-list), safe to render as is. */
  body_html: string;
  publisher_org: string;
  audience: NoticeAudience;
  pinned: Generated<boolean>;
  published_at: Timestamp;
  published_by: number;
  publisher_name: string;
  withdrawn_at: Timestamp | null;
}

export interface NoticeAttachmentsTable {
  id: Generated<number>;
  /** Null until the notice it was uploaded for is published. */
  notice_id: number | null;
  uploaded_by: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_at: Timestamp;
}

export interface NoticeReadsTable {
  notice_id: number;
  user_id: number;
  org_code: string;
  read_at: Timestamp;
}

export type SpotCheckStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED';

export interface SpotCheckSampleEntry {
  siteId: number;
  siteCode: string | null;
  name: string;
  stratum: string;
}

export interface SpotCheckReportsTable {
  id: Generated<number>;
  org_code: string;
  year: number;
  quarter: number;
  status: SpotCheckStatus;
  running_total: Generated<number>;
  new_sites: Generated<number>;
  closed_sites: Generated<number>;
  checked_count: Generated<number>;
  passed_count: Generated<number>;
  error_reports: number | null;
  summary: Generated<string>;
  reporter_name: Generated<string>;
  reporter_phone: Generated<string>;
  sample: ColumnType<SpotCheckSampleEntry[], string | undefined, string>;
  late: Generated<boolean>;
  return_reason: string | null;
  submitted_at: Timestamp | null;
  returned_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type SpotCheckProblemType =
  | 'VETO_1'
  | 'VETO_2'
  | 'VETO_3'
  | 'VETO_4'
  | 'VETO_5'
  | 'VETO_6'
  | 'LOW_SCORE'
  | 'OTHER';

export interface SpotCheckFindingsTable {
  id: Generated<number>;
  report_id: number;
  site_id: number;
  problem_type: SpotCheckProblemType;
  description: string;
  rectification: Generated<string>;
  accountability_count: Generated<number>;
}

/** One run-to-completion of the nightly link sweep, resumable through its cursor (migration 0006). */
export interface LinkSweepsTable {
  id: Generated<number>;
  /** The Asia/Shanghai date the sweep belongs to; select it as `night::text` (YYYY-MM-DD). */
  night: ColumnType<string, string, string>;
  status: 'RUNNING' | 'DONE';
  started_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
  /** Every site with id ≤ cursor has been checked in this sweep. */
  cursor_site_id: Generated<number>;
  runs: Generated<number>;
  sites_checked: Generated<number>;
  urls_checked: Generated<number>;
  urls_failed: Generated<number>;
}

export type LinkKindColumn = 'HOME' | 'DOMAIN' | 'COLUMN';
export type LinkCheckErrorColumn =
  | 'TIMEOUT'
  | 'DNS'
  | 'REFUSED_TARGET'
  | 'TLS'
  | 'CONNECTION'
  | 'TOO_MANY_REDIRECTS'
  | 'REDIRECT_LOOP'
  | 'HTTP_ERROR'
  | 'ROBOTS';

/** The history of every URL checked by a sweep. */
export interface LinkChecksTable {
  id: Generated<number>;
  sweep_id: number;
  site_id: number;
  kind: LinkKindColumn;
  url: string;
  checked_at: Timestamp;
  ok: boolean;
  status: number | null;
  elapsed_ms: number;
  error: LinkCheckErrorColumn | null;
  message: string;
  final_url: string | null;
  redirects: Json<{ status: number; location: string }[]>;
}

/** Per-site summary after the latest sweep that reached the site. */
export interface LinkHealthTable {
  site_id: number;
  last_sweep_id: number;
  last_checked_at: Timestamp;
  home_ok: boolean;
  home_consecutive_failures: number;
  /** Home page unreachable on three consecutive sweeps. */
  flagged: boolean;
  flagged_since: Timestamp | null;
  urls_total: number;
  urls_failed: number;
  footer: NullableJson<FooterReport>;
  footer_problems: number;
  updated_at: Timestamp;
}

// ── 下线 (migration 0010) ──

export type OfflineKindColumn = 'TEMP' | 'PERM' | 'EMERGENCY';
export type OfflineEndKind =
  | 'AUTO_RESTORE'
  | 'EARLY_RESTORE'
  | 'REJECTED'
  | 'ORG_RESTORE'
  | 'COMPLETED'
  | 'EXPIRED'
  | 'SUPERSEDED';
/** A `date` column: read as `YYYY-MM-DD` when selected with `::text`, written as `YYYY-MM-DD`. */
type DateColumn = ColumnType<string, string, string>;

/** An uploaded closure document (关停批复 …), bound to the site that uploaded it. */
export interface OfflineAttachmentsTable {
  id: Generated<number>;
  site_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  created_at: Timestamp;
}

/** The typed details of an OFFLINE_* request (one row per request). */
export interface OfflineRequestsTable {
  request_id: number;
  site_id: number;
  kind: OfflineKindColumn;
  reason: string;
  description: Generated<string>;
  planned_date: DateColumn;
  /** 恢复开通时间 (TEMP) or 预计上线日期 (EMERGENCY); null for PERM. */
  end_date: ColumnType<string | null, string | null, string | null>;
  migration_url: string | null;
  attachment_id: number | null;
  /** When the run status changed for this request (TEMP: at its start; EMERGENCY: at submission; PERM: approval). */
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  end_kind: OfflineEndKind | null;
  /** An emergency offline the chain refused (驳回): the site was put back to NORMAL and is flagged. */
  rejected: Generated<boolean>;
  completion: NullableJson<Record<string, unknown>>;
  completed_at: Timestamp | null;
}

// ── Notifications (migration 0012) ──

export type MailKind =
  | 'ARRIVED'
  | 'STEP_APPROVED'
  | 'FINAL_APPROVED'
  | 'RETURNED'
  | 'ISSUED'
  | 'OFFLINE_STARTED'
  | 'OFFLINE_ENDED'
  /** The day before a temporary or emergency offline ends (migration 0014). */
  | 'OFFLINE_ENDING'
  | 'REMINDER'
  | 'ESCALATION'
  | 'DIGEST';
export type MailStatus = 'PENDING' | 'SENT' | 'FAILED' | 'SKIPPED';

/** A mail queued in the transaction of the change it reports, sent later by the mail worker. */
export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body: string;
  kind: MailKind;
  request_id: number | null;
  /** Makes a mail idempotent (the daily digest: one per user and day). */
  dedupe_key: string | null;
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** An in-app notice for the 填报单位 of a site: a decision on one of its requests. */
export interface SiteNoticesTable {
  id: Generated<number>;
  site_id: number;
  request_id: number | null;
  kind: MailKind;
  title: string;
  body: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** One reminder / escalation per review step, recorded so the deadline job never sends it twice. */
export interface StepAlertsTable {
  request_id: number;
  step_index: number;
  step_entered_at: Timestamp;
  kind: 'REMINDER' | 'ESCALATION';
  org_code: string;
  created_at: Timestamp;
}

/** One reminder / escalation of a 年度报表 (migration 0019), keyed by what it is about; never sent twice. */
export interface ReportAlertsTable {
  alert_key: string;
  kind: 'REMINDER' | 'ESCALATION';
  org_code: string | null;
  created_at: Timestamp;
}

/** 《政府网站监管年度报表》 of a level-1 unit for a year (migration 0018). */
export interface SupervisionReportsTable {
  id: Generated<number>;
  org_code: string;
  year: number;
  state: SupervisionReportState;
  /** The unit's entries (EnteredValues). */
  data: ColumnType<EnteredValues, string | undefined, string>;
  /** Values computed from the register and the spot-check reports at `prefilled_at`. */
  prefill: Json<SupervisionPrefill>;
  prefilled_at: Timestamp;
  version: Generated<number>;
  return_reason: string | null;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** 政府网站工作年度报表 (migration 0017); states from src/domain/annual-report/work-report-states.ts. */
export interface WorkReportsTable {
  id: Generated<number>;
  site_id: number;
  year: number;
  state: WorkReportState;
  data: ColumnType<WorkReportData, string | undefined, string>;
  /** The register's head (网站名称 … 公安机关备案号) as it was at submission; null before. */
  head: ColumnType<WorkReportHead | null, string | null | undefined, string | null>;
  /** The site's 本级组织单位, who reviews. */
  reviewer_org: string;
  return_reason: string | null;
  /** 填报日期 (YYYY-MM-DD), set at submission. */
  filled_on: string | null;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  published_url: string | null;
  published_at: Timestamp | null;
  published_late: Generated<boolean>;
  /** The link checker's verdict on the published address. */
  link_check: ColumnType<WorkReportLinkCheck | null, string | null | undefined, string | null>;
  link_checked_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkReportLinkCheck {
  reachable: boolean;
  titleFound: boolean;
  message: string;
  status: number | null;
}

export interface WorkReportWindowsTable {
  year: number;
  fill_from: string;
  fill_to: string;
  publish_by: string;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface DB {
  org_units: OrgUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_log: LoginLogTable;
  audit_log: AuditLogTable;
  app_secrets: AppSecretsTable;
  sites: SitesTable;
  site_sequences: SiteSequencesTable;
  site_domains: SiteDomainsTable;
  requests: RequestsTable;
  column_categories: ColumnCategoriesTable;
  attempt_counters: AttemptCountersTable;
  issuance_runs: IssuanceRunsTable;
  notices: NoticesTable;
  notice_attachments: NoticeAttachmentsTable;
  notice_reads: NoticeReadsTable;
  spot_check_reports: SpotCheckReportsTable;
  spot_check_findings: SpotCheckFindingsTable;
  link_sweeps: LinkSweepsTable;
  link_checks: LinkChecksTable;
  link_health: LinkHealthTable;
  offline_attachments: OfflineAttachmentsTable;
  offline_requests: OfflineRequestsTable;
  mail_outbox: MailOutboxTable;
  site_notices: SiteNoticesTable;
  report_alerts: ReportAlertsTable;
  step_alerts: StepAlertsTable;
  supervision_reports: SupervisionReportsTable;
  work_reports: WorkReportsTable;
  work_report_windows: WorkReportWindowsTable;
}

export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type SiteRow = Selectable<SitesTable>;
export type RequestRow = Selectable<RequestsTable>;
