// Database access of the site workspace: the operator's site, its requests and the reviewer units' contacts.
// (The live-record writes and 其他域名 are in live-record-repository.ts, the 栏目 dictionary in categories-repository.ts.)
import { sql } from 'kysely';
import type { PersonContact, RequestState, RequestType, RunStatus } from '../../../db/schema.ts';
import { blockingRequest } from '../../../domain/open-requests.ts';
import { OPEN_STATE_LIST } from '../../../domain/requests.ts';
import type { Db, Trx } from '../../context.ts';
import { sitesWithOrgUnit } from '../org-units/repository.ts';
import { REQUEST_COLUMNS, type RequestCore, toRequestCore } from '../requests/repository.ts';

/** Modification-like requests with one reviewer, which this module files and applies (SPEC §7.2–§7.5). */
export const CHANGE_TYPES = ['MODIFY', 'PORTAL_ON', 'PORTAL_OFF', 'SERVICE_ON', 'SERVICE_OFF', 'DOMAINS'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];
export const isChangeType = (type: string): type is ChangeType => (CHANGE_TYPES as readonly string[]).includes(type);

/** Open as the unique index `requests_one_open_idx` counts it (SPEC §7.0). */
export const OPEN_STATES: RequestState[] = [...OPEN_STATE_LIST];

export interface OperatorSite {
  id: number;
  siteCode: string;
  orgCode: string;
  orgName: string;
  orgPath: string;
  name: string;
  homeUrl: string;
  /** ASCII host of the home URL. */
  homeHost: string;
  sponsorName: string;
  isPortal: boolean;
  isServicePlatform: boolean;
  info: Record<string, unknown>;
  columns: unknown[];
  runStatus: RunStatus;
  runStatusUntil: string | null;
  version: number;
  codeIssuedAt: Date | null;
}

function siteQuery(db: Db | Trx) {
  return sitesWithOrgUnit(db).select([
    's.id',
    's.site_code',
    's.org_code',
    'o.name as org_name',
    'o.path as org_path',
    's.name',
    's.home_url',
    's.home_host',
    's.sponsor_name',
    's.is_portal',
    's.is_service_platform',
    's.info',
    's.columns',
    's.run_status',
    sql<string | null>`to_char(s.run_status_until, 'YYYY-MM-DD')`.as('run_status_until'),
    's.version',
    's.code_issued_at',
  ]);
}

type SiteRow = Awaited<ReturnType<ReturnType<typeof siteQuery>['executeTakeFirstOrThrow']>>;

function toSite(r: SiteRow): OperatorSite | null {
  if (r.site_code === null) return null;
  return {
    id: r.id,
    siteCode: r.site_code,
    orgCode: r.org_code,
    orgName: r.org_name,
    orgPath: r.org_path,
    name: r.name,
    homeUrl: r.home_url,
    homeHost: r.home_host,
    sponsorName: r.sponsor_name,
    isPortal: r.is_portal,
    isServicePlatform: r.is_service_platform,
    info: r.info ?? {},
    columns: Array.isArray(r.columns) ? r.columns : [],
    runStatus: r.run_status,
    runStatusUntil: r.run_status_until,
    version: r.version,
    codeIssuedAt: r.code_issued_at ? new Date(r.code_issued_at) : null,
  };
}

/** The signed-in operator's site by its 标识码; applications and deleted entries are not workspaces. */
export async function findOperatorSite(db: Db | Trx, siteCode: string): Promise<OperatorSite | null> {
  const row = await siteQuery(db)
    .where('s.site_code', '=', siteCode)
    .where('s.run_status', 'not in', ['APPLYING', 'WITHDRAWN', 'DELETED'])
    .executeTakeFirst();
  return row ? toSite(row) : null;
}

/** A site by id, without locking (the reviewer's change-set view). */
export async function findSiteById(db: Db | Trx, siteId: number): Promise<OperatorSite | null> {
  const row = await siteQuery(db).where('s.id', '=', siteId).executeTakeFirst();
  return row ? toSite(row) : null;
}

/** The operator's site row, locked until the transaction ends: the operator's own calls run one at a time. */
export async function lockOperatorSite(trx: Trx, siteCode: string): Promise<OperatorSite | null> {
  const row = await siteQuery(trx)
    .where('s.site_code', '=', siteCode)
    .where('s.run_status', 'not in', ['APPLYING', 'WITHDRAWN', 'DELETED'])
    .forUpdate('s')
    .executeTakeFirst();
  return row ? toSite(row) : null;
}

/** A site row by id, locked until the transaction ends (applying an approved change set). */
export async function lockSite(trx: Trx, siteId: number): Promise<OperatorSite | null> {
  const row = await siteQuery(trx).where('s.id', '=', siteId).forUpdate('s').executeTakeFirst();
  return row ? toSite(row) : null;
}

export interface RequestRow extends RequestCore {
  payload: Record<string, unknown>;
  returnReason: string | null;
  updatedAt: Date;
  submittedAt: Date;
}

function requestQuery(db: Db | Trx, siteId: number) {
  return db
    .selectFrom('requests as r')
    .select([...REQUEST_COLUMNS, 'r.payload', 'r.return_reason', 'r.updated_at', 'r.submitted_at'])
    .where('site_id', '=', siteId)
    .orderBy('id', 'desc');
}

function toRequest(r: Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirstOrThrow']>>): RequestRow {
  return {
    ...toRequestCore(r),
    payload: r.payload ?? {},
    returnReason: r.return_reason,
    updatedAt: new Date(r.updated_at),
    submittedAt: new Date(r.submitted_at),
  };
}

/**
 * The open request of the site that a change request may not be open beside (SPEC §7.0, §16 item 20: an emergency
 * offline may coexist with one), if any. Every change type coexists alike, so MODIFY stands for them.
 */
export async function findOpenRequest(db: Db | Trx, siteId: number): Promise<RequestRow | null> {
  const rows = await requestQuery(db, siteId).where('state', 'in', OPEN_STATES).execute();
  return blockingRequest(rows.map(toRequest), 'MODIFY');
}

/** The latest request of the given types, whatever its state. */
export async function findLatestRequest(
  db: Db | Trx,
  siteId: number,
  types: readonly RequestType[],
): Promise<RequestRow | null> {
  const row = await requestQuery(db, siteId).where('type', 'in', types).executeTakeFirst();
  return row ? toRequest(row) : null;
}

export async function findSiteRequest(db: Db | Trx, siteId: number, id: number): Promise<RequestRow | null> {
  const row = await requestQuery(db, siteId).where('id', '=', id).executeTakeFirst();
  return row ? toRequest(row) : null;
}

export interface NewRequest {
  type: ChangeType;
  state: 'DRAFT' | 'SUBMITTED';
  siteId: number;
  orgCode: string;
  isPortal: boolean;
  reviewer: string;
  payload: Record<string, unknown>;
  at: Date;
}

export async function insertRequest(trx: Trx, r: NewRequest): Promise<{ id: number; version: number }> {
  return trx
    .insertInto('requests')
    .values({
      type: r.type,
      state: r.state,
      site_id: r.siteId,
      org_code: r.orgCode,
      is_portal: r.isPortal,
      chain: [r.reviewer],
      step_index: 0,
      current_org: r.state === 'SUBMITTED' ? r.reviewer : null,
      payload: JSON.stringify(r.payload),
      submitted_at: r.at,
      updated_at: r.at,
      step_entered_at: r.at,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/**
 * Saves a draft's (or a returned 基本信息修改's) edited payload without moving its state; compare-and-set on
 * (id, state, version). State changes go through the lifecycle writer (src/server/lifecycle/request-transition.ts).
 */
export async function saveRequestPayload(
  trx: Trx,
  from: { id: number; state: RequestState; version: number },
  payload: Record<string, unknown>,
  at: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('requests')
    .set((eb) => ({ payload: JSON.stringify(payload), version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', from.id)
    .where('state', '=', from.state)
    .where('version', '=', from.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface OrgContactRow {
  code: string;
  name: string;
  principal: PersonContact | null;
  contacts: PersonContact[];
}

export async function orgContacts(db: Db | Trx, codes: readonly string[]): Promise<Map<string, OrgContactRow>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_units')
    .select(['code', 'name', 'principal', 'contacts'])
    .where('code', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.code, { ...r, contacts: r.contacts ?? [] }]));
}

/** Short names (河北省 / 秦皇岛市 / 海港区) of the level 1–3 units on a materialised path, level 1 first. */
export async function orgLineNames(db: Db | Trx, path: string): Promise<string[]> {
  const codes = path.split('/').filter(Boolean);
  const rows = await db
    .selectFrom('org_units')
    .select(['display_name', 'level'])
    .where('code', 'in', codes)
    .where('level', '>=', 1)
    .orderBy('level')
    .execute();
  return rows.map((r) => r.display_name);
}
