// Database access of 下线: the site row under lock, open requests, the yearly count, inserting a request with its
// details, the compare-and-set on a site's run status and the offline details' start/end markers.
import { sql } from 'kysely';
import type { OfflineEndKind, OfflineKindColumn, RequestState, RequestType, RunStatus } from '../../../db/schema.ts';
import { OPEN_STATE_LIST } from '../../../domain/requests.ts';
import type { Db, Trx } from '../../context.ts';
import { inSubtree, sitesWithOrgUnit } from '../org-units/repository.ts';

export interface SiteState {
  id: number;
  siteCode: string;
  name: string;
  orgCode: string;
  orgPath: string;
  isPortal: boolean;
  runStatus: RunStatus;
  /** `YYYY-MM-DD` or null. */
  until: string | null;
}

function siteQuery(db: Db | Trx) {
  return sitesWithOrgUnit(db).select([
    's.id',
    's.site_code',
    's.name',
    's.org_code',
    'o.path as org_path',
    's.is_portal',
    's.run_status',
    sql<string | null>`to_char(s.run_status_until, 'YYYY-MM-DD')`.as('until'),
  ]);
}

type SiteRaw = Awaited<ReturnType<ReturnType<typeof siteQuery>['executeTakeFirst']>>;

function toSiteState(row: SiteRaw): SiteState | null {
  if (!row?.site_code) return null;
  return {
    id: row.id,
    siteCode: row.site_code,
    name: row.name,
    orgCode: row.org_code,
    orgPath: row.org_path,
    isPortal: row.is_portal,
    runStatus: row.run_status,
    until: row.until,
  };
}

/** The 填报单位's site by its 标识码; with `lock`, the row stays locked until the transaction ends. */
export async function findSiteByCode(db: Db | Trx, siteCode: string, lock = false): Promise<SiteState | null> {
  let q = siteQuery(db).where('s.site_code', '=', siteCode);
  if (lock) q = q.forUpdate('s');
  return toSiteState(await q.executeTakeFirst());
}

/** A site by id, locked until the transaction ends (the caller has checked visibility). */
export async function lockSite(trx: Trx, siteId: number): Promise<SiteState | null> {
  return toSiteState(await siteQuery(trx).where('s.id', '=', siteId).forUpdate('s').executeTakeFirst());
}

/** A site of the viewer's subtree (404 otherwise), locked for a status change. */
export async function lockSiteInSubtree(trx: Trx, rootPath: string, siteId: number): Promise<SiteState | null> {
  const row = await siteQuery(trx)
    .where('s.id', '=', siteId)
    .where(inSubtree('o.path', rootPath))
    .forUpdate('s')
    .executeTakeFirst();
  return toSiteState(row);
}

export async function findSiteInSubtree(db: Db, rootPath: string, siteId: number): Promise<SiteState | null> {
  return toSiteState(
    await siteQuery(db).where('s.id', '=', siteId).where(inSubtree('o.path', rootPath)).executeTakeFirst(),
  );
}

const OPEN_STATES: RequestState[] = [...OPEN_STATE_LIST];

/** The site's open request other than an emergency offline (the unique index allows at most one). */
export async function openRequestType(trx: Db | Trx, siteId: number): Promise<RequestType | null> {
  const row = await trx
    .selectFrom('requests')
    .select('type')
    .where('site_id', '=', siteId)
    .where('state', 'in', OPEN_STATES)
    .where('type', '<>', 'OFFLINE_EMERGENCY')
    .executeTakeFirst();
  return row?.type ?? null;
}

/** Calendar years in which the site has an approved (办结) 临时下线, by its planned start (SPEC §16 item 7). */
export async function approvedTempYears(db: Db | Trx, siteId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('offline_requests as d')
    .innerJoin('requests as r', 'r.id', 'd.request_id')
    .select(sql<number>`extract(year FROM d.planned_date)::int`.as('year'))
    .where('d.site_id', '=', siteId)
    .where('d.kind', '=', 'TEMP')
    .where('r.state', '=', 'DONE')
    .execute();
  return [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
}

export interface NewOfflineRequest {
  site: SiteState;
  type: RequestType;
  kind: OfflineKindColumn;
  chain: string[];
  now: Date;
  reason: string;
  description: string;
  plannedDate: string;
  endDate: string | null;
  migrationUrl: string | null;
  attachmentId: number | null;
}

/** Inserts the request (SUBMITTED at chain[0]) and its details; returns the request id. */
export async function insertOfflineRequest(trx: Trx, r: NewOfflineRequest): Promise<number> {
  const payload = {
    kind: r.kind,
    reason: r.reason,
    description: r.description,
    plannedDate: r.plannedDate,
    endDate: r.endDate,
    migrationUrl: r.migrationUrl,
    attachmentId: r.attachmentId,
  };
  const request = await trx
    .insertInto('requests')
    .values({
      type: r.type,
      state: 'SUBMITTED',
      site_id: r.site.id,
      org_code: r.site.orgCode,
      is_portal: r.site.isPortal,
      chain: r.chain,
      step_index: 0,
      current_org: r.chain[0] ?? null,
      payload: JSON.stringify(payload),
      submitted_at: r.now,
      updated_at: r.now,
      step_entered_at: r.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('offline_requests')
    .values({
      request_id: request.id,
      site_id: r.site.id,
      kind: r.kind,
      reason: r.reason,
      description: r.description,
      planned_date: r.plannedDate,
      end_date: r.endDate,
      migration_url: r.migrationUrl,
      attachment_id: r.attachmentId,
    })
    .execute();
  return request.id;
}

export interface StatusCas {
  siteId: number;
  from: RunStatus;
  to: RunStatus;
  until: string | null;
  now: Date;
}

/** Moves the site's run status only if it is still `from`; false when someone else changed it first. */
export async function setRunStatus(trx: Trx, c: StatusCas): Promise<boolean> {
  const result = await trx
    .updateTable('sites')
    .set((eb) => ({
      run_status: c.to,
      run_status_until: c.until,
      updated_at: c.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', c.siteId)
    .where('run_status', '=', c.from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markStarted(trx: Trx, requestId: number, now: Date): Promise<void> {
  await trx.updateTable('offline_requests').set({ started_at: now }).where('request_id', '=', requestId).execute();
}

/** Ends the offline details of the site that are in effect (or, with `includePending`, also those not started yet). */
export async function endOffline(
  trx: Trx,
  o: { siteId: number; now: Date; endKind: OfflineEndKind; includePending?: boolean; requestId?: number },
): Promise<number[]> {
  let q = trx
    .updateTable('offline_requests')
    .set({ ended_at: o.now, end_kind: o.endKind })
    .where('site_id', '=', o.siteId)
    .where('ended_at', 'is', null);
  if (!o.includePending) q = q.where('started_at', 'is not', null);
  if (o.requestId !== undefined) q = q.where('request_id', '=', o.requestId);
  const rows = await q.returning('request_id').execute();
  return rows.map((r) => r.request_id);
}

export interface OfflineDetail {
  requestId: number;
  kind: OfflineKindColumn;
  plannedDate: string;
  endDate: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
}

/** The details of one offline request. */
export async function findDetail(db: Db | Trx, requestId: number): Promise<OfflineDetail | null> {
  const row = await db
    .selectFrom('offline_requests')
    .select([
      'request_id',
      'kind',
      sql<string>`planned_date::text`.as('planned'),
      sql<string | null>`end_date::text`.as('end'),
      'started_at',
      'ended_at',
    ])
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    requestId: row.request_id,
    kind: row.kind,
    plannedDate: row.planned,
    endDate: row.end,
    startedAt: row.started_at ? new Date(row.started_at) : null,
    endedAt: row.ended_at ? new Date(row.ended_at) : null,
  };
}

/** The offline in effect on the site (started, not ended) of one of `kinds`, latest first. */
export async function activeDetail(
  db: Db | Trx,
  siteId: number,
  kinds: OfflineKindColumn[],
): Promise<OfflineDetail | null> {
  const row = await db
    .selectFrom('offline_requests')
    .select('request_id')
    .where('site_id', '=', siteId)
    .where('kind', 'in', kinds)
    .where('started_at', 'is not', null)
    .where('ended_at', 'is', null)
    .orderBy('request_id', 'desc')
    .executeTakeFirst();
  return row ? findDetail(db, row.request_id) : null;
}

export async function setRejected(trx: Trx, requestId: number): Promise<void> {
  await trx.updateTable('offline_requests').set({ rejected: true }).where('request_id', '=', requestId).execute();
}

export async function recordCompletion(
  trx: Trx,
  requestId: number,
  completion: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('offline_requests')
    .set({ completion: JSON.stringify(completion), completed_at: now, ended_at: now, end_kind: 'COMPLETED' })
    .where('request_id', '=', requestId)
    .execute();
}
