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

export interface DB {
  org_units: OrgUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_log: LoginLogTable;
  audit_log: AuditLogTable;
  app_secrets: AppSecretsTable;
}

export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type NewOrgUnit = Insertable<OrgUnitsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
