// The only database access of the applications module: duplicate look-ups, the application row pair
// (sites + requests), the org row lock, and the failed-临时码 counter.
import { sql } from 'kysely';
import type { PersonContact, RequestState, RunStatus } from '../../../db/schema.ts';
import { AUDIT_ACTION_TEXT } from '../../../domain/audit-events.ts';
import { OPEN_STATE_LIST } from '../../../domain/requests.ts';
import { RUN_STATUS_TRANSITIONS } from '../../../domain/run-status.ts';
import type { SiteInfo } from '../../../domain/site-info.ts';
import { normalizeName } from '../../../domain/text.ts';
import { hostOf, normalizeUrlForCompare } from '../../../domain/validation/index.ts';
import type { Db, Trx } from '../../context.ts';
import { REQUEST_COLUMNS } from '../requests/repository.ts';

const { WITHDRAW_APPLICATION } = RUN_STATUS_TRANSITIONS;

/** Sites in these run states free their name, URL and portal slot (SPEC §5.5). */
export const FREED_RUN_STATUSES: RunStatus[] = ['DELETED', 'PERM_OFFLINE', 'WITHDRAWN'];
const OPEN_REQUEST_STATES: RequestState[] = [...OPEN_STATE_LIST];

export interface SiteRef {
  id: number;
  name: string;
  site_code: string | null;
}

const liveSites = (db: Db | Trx, excludeSiteId: number | undefined) => {
  let q = db
    .selectFrom('sites')
    .select(['sites.id', 'sites.name', 'sites.site_code'])
    .where('sites.run_status', 'not in', FREED_RUN_STATUSES);
  if (excludeSiteId !== undefined) q = q.where('sites.id', '<>', excludeSiteId);
  return q;
};

export function findNameCollisions(db: Db | Trx, nameKey: string, excludeSiteId?: number): Promise<SiteRef[]> {
  return liveSites(db, excludeSiteId).where('sites.name_key', '=', nameKey).orderBy('sites.id').execute();
}

export function findUrlCollisions(db: Db | Trx, urlKeys: string[], excludeSiteId?: number) {
  return liveSites(db, excludeSiteId)
    .select('sites.home_url_key')
    .where('sites.home_url_key', 'in', urlKeys)
    .orderBy('sites.id')
    .execute();
}

/** Live sites that list one of `hosts` among their 其他域名. */
export function findDomainCollisions(db: Db | Trx, hosts: string[], excludeSiteId?: number) {
  return liveSites(db, excludeSiteId)
    .innerJoin('site_domains as d', 'd.site_id', 'sites.id')
    .select('d.host')
    .where('d.host', 'in', hosts)
    .orderBy('sites.id')
    .execute();
}

/** Takes the org row lock that serialises applications under one org (portal rule), and returns the org. */
export function lockOrgUnit(trx: Trx, code: string) {
  return trx
    .selectFrom('org_units')
    .select(['code', 'name', 'enabled'])
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
}

/** A live portal of `orgCode`, or a site under it with an open 申请门户网站 request; excluding one site. */
export async function findPortalHolder(db: Db | Trx, orgCode: string, excludeSiteId?: number) {
  const portal = await liveSites(db, excludeSiteId)
    .select('sites.run_status')
    .where('sites.org_code', '=', orgCode)
    .where('sites.is_portal', '=', true)
    .executeTakeFirst();
  if (portal) return { ...portal, pendingPortalRequest: false };
  const pending = await liveSites(db, excludeSiteId)
    .select('sites.run_status')
    .innerJoin('requests as r', 'r.site_id', 'sites.id')
    .where('sites.org_code', '=', orgCode)
    .where('r.type', '=', 'PORTAL_ON')
    .where('r.state', 'in', OPEN_REQUEST_STATES)
    .executeTakeFirst();
  return pending ? { ...pending, pendingPortalRequest: true } : undefined;
}

/** The columns of `sites` extracted from the basic information (filters and unique indexes). */
export function siteColumns(info: SiteInfo) {
  return {
    org_code: info.orgCode,
    name: info.name,
    name_key: normalizeName(info.name),
    home_url: info.homeUrl,
    home_url_key: normalizeUrlForCompare(info.homeUrl),
    home_host: hostOf(info.homeUrl) ?? '',
    sponsor_name: info.sponsorName,
    is_portal: info.isPortal,
    is_service_platform: info.isServicePlatform,
    info: JSON.stringify(info),
  };
}

export interface NewApplication {
  info: SiteInfo;
  chain: string[];
  payload: Record<string, unknown>;
  tempCodeDigest: string;
  idempotencyKey: string;
  at: Date;
}

export async function insertApplication(trx: Trx, a: NewApplication) {
  const site = await trx
    .insertInto('sites')
    .values({ ...siteColumns(a.info), site_code: null, run_status: 'APPLYING', created_at: a.at, updated_at: a.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const request = await trx
    .insertInto('requests')
    .values({
      type: 'NEW_SITE',
      state: 'SUBMITTED',
      site_id: site.id,
      org_code: a.info.orgCode,
      is_portal: a.info.isPortal,
      chain: a.chain,
      step_index: 0,
      current_org: a.chain[0] ?? null,
      payload: JSON.stringify(a.payload),
      temp_code_digest: a.tempCodeDigest,
      idempotency_key: a.idempotencyKey,
      submitted_at: a.at,
      updated_at: a.at,
      step_entered_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { siteId: site.id, requestId: request.id };
}

const applicationColumns = [
  ...REQUEST_COLUMNS,
  'r.payload',
  'r.return_reason',
  'r.submitted_at',
  'r.step_entered_at',
  'r.final_approved_at',
  'r.org_code',
  'r.is_portal',
  's.id as site_id',
  's.name as site_name',
  's.home_url',
  's.site_code',
  's.info',
] as const;

function applications(db: Db | Trx) {
  return db
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .select(applicationColumns)
    .where('r.type', '=', 'NEW_SITE');
}

export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplicationByDigest>>>;

export function findApplicationByDigest(db: Db | Trx, tempCodeDigest: string) {
  return applications(db).where('r.temp_code_digest', '=', tempCodeDigest).executeTakeFirst();
}

export function findApplicationByIdempotencyKey(db: Db | Trx, idempotencyKey: string) {
  return applications(db).where('r.idempotency_key', '=', idempotencyKey).executeTakeFirst();
}

export interface OrgContactRow {
  code: string;
  name: string;
  contacts: PersonContact[];
}

export async function orgsByCode(db: Db | Trx, codes: string[]): Promise<Map<string, OrgContactRow>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_units')
    .select(['code', 'name', 'contacts'])
    .where('code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, { code: r.code, name: r.name, contacts: r.contacts ?? [] }]));
}

/** Approvals of a request by unit (latest per unit) since its latest (re)submission, from the 审核流水. */
export interface ReviewHistory {
  /** Approval time per unit since the applicant last submitted. */
  approvals: Map<string, Date>;
  /** The latest 重新提交 after a return, if any (the first submission is requests.submitted_at). */
  resubmittedAt: Date | null;
  /** The latest 退回 since the applicant last submitted, if any. */
  returnedAt: Date | null;
}

/** What the 审核流水 says about the current round of an application: approvals, its return, its resubmission. */
export async function reviewHistory(db: Db | Trx, requestId: number): Promise<ReviewHistory> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['actor_org_code', 'at', 'action', 'to_state', 'actor_type'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
  const history: ReviewHistory = { approvals: new Map(), resubmittedAt: null, returnedAt: null };
  for (const row of rows) {
    if (row.actor_type === 'APPLICANT') {
      history.approvals.clear();
      history.returnedAt = null;
      if (row.action === AUDIT_ACTION_TEXT.REQUEST_RESUBMITTED) history.resubmittedAt = new Date(row.at);
    } else if (row.actor_org_code !== null && row.to_state === 'RETURNED') {
      history.returnedAt = new Date(row.at);
    } else if (
      row.actor_org_code !== null &&
      row.action.includes('审核') &&
      (row.to_state === 'IN_REVIEW' || row.to_state === 'CODE_PENDING' || row.to_state === 'DONE')
    ) {
      history.approvals.set(row.actor_org_code, new Date(row.at));
    }
  }
  return history;
}

export async function updateApplicationSite(trx: Trx, siteId: number, info: SiteInfo, at: Date): Promise<void> {
  await trx
    .updateTable('sites')
    .set({ ...siteColumns(info), updated_at: at, version: sql`version + 1` })
    .where('id', '=', siteId)
    .where('run_status', '=', 'APPLYING')
    .execute();
}

export async function markSiteWithdrawn(trx: Trx, siteId: number, at: Date): Promise<void> {
  await trx
    .updateTable('sites')
    .set({ run_status: WITHDRAW_APPLICATION.to, updated_at: at, version: sql`version + 1` })
    .where('id', '=', siteId)
    .where('run_status', 'in', WITHDRAW_APPLICATION.from)
    .execute();
}

/** The PostgreSQL unique-violation constraint name of a failed statement (both drivers), or null. */
export function uniqueViolation(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code !== '23505') return null;
  if (typeof e.constraint === 'string') return e.constraint;
  const m = typeof e.message === 'string' ? /"([^"]+)"/.exec(e.message) : null;
  return m?.[1] ?? '';
}
