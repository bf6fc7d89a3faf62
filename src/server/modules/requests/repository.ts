// Database access to requests (申请) for every module that reviews or shows them: visible requests, a site's full
// record and its 审核流水. The transition itself is the lifecycle writer's (src/server/lifecycle/request-transition.ts).
import { type Expression, type ExpressionBuilder, type RawBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { DB, RequestState, RequestsTable, RequestType } from '../../../db/schema.ts';
import type { Db, Trx } from '../../context.ts';
import { inSubtree } from '../org-units/repository.ts';

/** The unit looking: its code and its subtree path. */
export interface Viewer {
  orgCode: string;
  orgPath: string;
}

/**
 * The requests a viewer may see, on `requests as r` joined to its site's `org_units as o`: the site's org is in the
 * viewer's subtree, or the viewer's unit is on the request's chain (a reviewer above a vertical branch).
 */
export function visibleToViewer(viewer: Viewer): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${inSubtree('o.path', viewer.orgPath)} OR ${viewer.orgCode} = ANY(r.chain))`;
}

/**
 * `visibleToViewer` on `requests as r` joined to `sites as s` alone: the site's unit is looked up inside the condition.
 * Under the OR the EXISTS stays a subplan (one primary-key probe), and PostgreSQL plans a two-table join in about
 * two thirds of the time of the three-table one — which, for the one-row reads of a decision, costs more than running
 * it (issue 22).
 */
export function siteVisibleToViewer(viewer: Viewer): RawBuilder<SqlBool> {
  return sql<SqlBool>`(EXISTS (SELECT 1 FROM org_units o WHERE o.code = s.org_code AND ${inSubtree('o.path', viewer.orgPath)}) OR ${viewer.orgCode} = ANY(r.chain))`;
}

/** The columns of a request that its lifecycle reads (state, chain, step, version), on `requests as r`. */
export const REQUEST_COLUMNS = [
  'r.id',
  'r.type',
  'r.state',
  'r.chain',
  'r.step_index',
  'r.current_org',
  'r.version',
] as const;

/** A request as read by REQUEST_COLUMNS: what decide() and the lifecycle writer take, and the unit holding it now. */
export interface RequestCore {
  id: number;
  type: RequestType;
  state: RequestState;
  chain: string[];
  stepIndex: number;
  currentOrg: string | null;
  version: number;
}

/** The row REQUEST_COLUMNS selects. */
export type RequestCoreRow = Pick<
  Selectable<RequestsTable>,
  'id' | 'type' | 'state' | 'chain' | 'step_index' | 'current_org' | 'version'
>;

export function toRequestCore(row: RequestCoreRow): RequestCore {
  return {
    id: row.id,
    type: row.type,
    state: row.state,
    chain: row.chain,
    stepIndex: row.step_index,
    currentOrg: row.current_org,
    version: row.version,
  };
}

export interface VisibleRequest extends RequestCore {
  siteId: number;
  siteCode: string | null;
  siteName: string;
}

/**
 * A request the viewer may see: its site's org is in the viewer's subtree, or the viewer's unit is in its chain.
 * Withdrawn applications are gone for the organizing units.
 */
export async function findVisibleRequest(trx: Db | Trx, viewer: Viewer, id: number): Promise<VisibleRequest | null> {
  const row = await trx
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select([...REQUEST_COLUMNS, 's.id as site_id', 's.site_code', 's.name as site_name'])
    .where('r.id', '=', id)
    .where('r.state', 'not in', ['DRAFT', 'WITHDRAWN'])
    .where(visibleToViewer(viewer))
    .executeTakeFirst();
  if (!row) return null;
  return { ...toRequestCore(row), siteId: row.site_id, siteCode: row.site_code, siteName: row.site_name };
}

export async function orgNames(trx: Db | Trx, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)].filter(Boolean);
  if (unique.length === 0) return new Map();
  const rows = await trx.selectFrom('org_units').select(['code', 'display_name']).where('code', 'in', unique).execute();
  return new Map(rows.map((r) => [r.code, r.display_name]));
}

export interface SiteRecord {
  info: Record<string, unknown>;
  columns: unknown[];
  /** The shown request, if any: its type, whether it is open, its payload and return reason. */
  request: { type: RequestType; open: boolean; payload: Record<string, unknown>; returnReason: string | null } | null;
}

/** The stored basic information and 栏目 of a site, with the shown request's payload and return reason. */
export async function loadSiteRecord(db: Db, siteId: number, requestId: number | null): Promise<SiteRecord | null> {
  const site = await db.selectFrom('sites').select(['info', 'columns']).where('id', '=', siteId).executeTakeFirst();
  if (!site) return null;
  const request =
    requestId === null
      ? undefined
      : await db
          .selectFrom('requests')
          .select(['type', 'payload', 'state', 'return_reason'])
          .where('id', '=', requestId)
          .executeTakeFirst();
  return {
    info: site.info,
    columns: Array.isArray(site.columns) ? site.columns : [],
    request: request
      ? {
          type: request.type,
          open: ['SUBMITTED', 'IN_REVIEW', 'CODE_PENDING'].includes(request.state),
          payload: request.payload ?? {},
          returnReason: request.state === 'RETURNED' ? request.return_reason : null,
        }
      : null,
  };
}

export interface AuditRow {
  id: number;
  at: Date;
  actorType: string;
  actorName: string | null;
  unitName: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  comment: string | null;
  data: Record<string, unknown> | null;
}

/** 审核流水 entries chosen by `where` (on `audit_log as a`), with the acting unit's name, oldest first. */
export async function auditEntries(
  db: Db,
  where: (eb: ExpressionBuilder<DB & { a: DB['audit_log'] }, 'a'>) => Expression<SqlBool>,
): Promise<AuditRow[]> {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('org_units as o', 'o.code', 'a.actor_org_code')
    .select([
      'a.id',
      'a.at',
      'a.actor_type',
      'a.actor_name',
      'o.display_name as unit_name',
      'a.action',
      'a.from_state',
      'a.to_state',
      'a.comment',
      'a.data',
    ])
    .where((eb) => where(eb))
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at),
    actorType: r.actor_type,
    actorName: r.actor_name,
    unitName: r.unit_name,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    comment: r.comment,
    data: r.data,
  }));
}

/** Every 审核流水 entry of a site: by its requests or by its 标识码, oldest first. */
export function listSiteAudit(db: Db, siteId: number, siteCode: string | null): Promise<AuditRow[]> {
  return auditEntries(db, (eb) => {
    const byRequest = eb('a.request_id', 'in', eb.selectFrom('requests').select('id').where('site_id', '=', siteId));
    return siteCode ? eb.or([byRequest, eb('a.site_code', '=', siteCode)]) : byRequest;
  });
}
