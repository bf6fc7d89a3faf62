// Kysely table types: the TypeScript view of src/db/migrations (the schema's single source).
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: read as the parsed value, written as a JSON string. */
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;

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

export type ActorType = 'ORG_USER' | 'SITE' | 'APPLICANT' | 'SYSTEM';

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
}

export interface AppSecretsTable {
  name: string;
  value: string;
  created_at: GeneratedTimestamp;
}

export type RunStatus =
  | 'APPLYING'
  | 'WITHDRAWN'
  | 'NORMAL'
  | 'TEMP_OFFLINE'
  | 'EMERGENCY_OFFLINE'
  | 'PERM_OFFLINE_PENDING'
  | 'PERM_OFFLINE'
  | 'EXCEPTION'
  | 'DELETED';

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
}

export interface SiteSequencesTable {
  org_code: string;
  last_seq: number;
}

export interface SiteDomainsTable {
  host: string;
  site_id: number;
}

export type RequestType =
  | 'NEW_SITE'
  | 'MODIFY'
  | 'PORTAL_ON'
  | 'PORTAL_OFF'
  | 'SERVICE_ON'
  | 'SERVICE_OFF'
  | 'DOMAINS'
  | 'OFFLINE_TEMP'
  | 'OFFLINE_PERM'
  | 'OFFLINE_EMERGENCY';

export type RequestState =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'IN_REVIEW'
  | 'RETURNED'
  | 'CODE_PENDING'
  | 'APPROVED'
  | 'DONE'
  | 'WITHDRAWN';

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
}

export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type NewOrgUnit = Insertable<OrgUnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type SiteRow = Selectable<SitesTable>;
export type RequestRow = Selectable<RequestsTable>;
