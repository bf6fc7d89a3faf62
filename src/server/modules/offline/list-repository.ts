// Database reads of 下线审核: offline requests the viewer may see (its subtree, or its unit in the chain), filtered
// and paged in SQL, waiting-for-me rows first; one visible request for a decision.
import { type Expression, type SqlBool, sql } from 'kysely';
import type { OfflineEndKind, OfflineKindColumn, RunStatus } from '../../../db/schema.ts';
import type { Db, Trx } from '../../context.ts';
import { likePattern, prefixPattern } from '../org-units/repository.ts';
import {
  REQUEST_COLUMNS,
  type RequestCore,
  toRequestCore,
  type Viewer,
  visibleToViewer,
} from '../requests/repository.ts';
import type { ListQuery } from './schema.ts';

export interface OfflineListRow extends RequestCore {
  returnReason: string | null;
  submittedAt: Date;
  updatedAt: Date;
  kind: OfflineKindColumn;
  reason: string;
  description: string;
  plannedDate: string;
  endDate: string | null;
  migrationUrl: string | null;
  rejected: boolean;
  endKind: OfflineEndKind | null;
  attachment: { id: number; fileName: string; sizeBytes: number } | null;
  siteId: number;
  siteCode: string | null;
  siteName: string;
  homeUrl: string;
  runStatus: RunStatus;
  until: string | null;
  orgName: string;
}

function baseQuery(db: Db | Trx, viewer: Viewer) {
  return db
    .selectFrom('requests as r')
    .innerJoin('offline_requests as d', 'd.request_id', 'r.id')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .where('r.state', 'not in', ['DRAFT', 'WITHDRAWN'])
    .where(visibleToViewer(viewer));
}

function selectRow(db: Db | Trx, viewer: Viewer) {
  return baseQuery(db, viewer)
    .leftJoin('offline_attachments as a', 'a.id', 'd.attachment_id')
    .select([
      ...REQUEST_COLUMNS,
      'r.return_reason',
      'r.submitted_at',
      'r.updated_at',
      'd.kind',
      'd.reason',
      'd.description',
      sql<string>`d.planned_date::text`.as('planned_date'),
      sql<string | null>`d.end_date::text`.as('end_date'),
      'd.migration_url',
      'd.rejected',
      'd.end_kind',
      'a.id as attachment_id',
      'a.file_name',
      'a.size_bytes',
      's.id as site_id',
      's.site_code',
      's.name as site_name',
      's.home_url',
      's.run_status',
      sql<string | null>`to_char(s.run_status_until, 'YYYY-MM-DD')`.as('until'),
      'o.display_name as org_name',
    ]);
}

type RawRow = Awaited<ReturnType<ReturnType<typeof selectRow>['execute']>>[number];

function toRow(r: RawRow): OfflineListRow {
  return {
    ...toRequestCore(r),
    returnReason: r.return_reason,
    submittedAt: new Date(r.submitted_at),
    updatedAt: new Date(r.updated_at),
    kind: r.kind,
    reason: r.reason,
    description: r.description,
    plannedDate: r.planned_date,
    endDate: r.end_date,
    migrationUrl: r.migration_url,
    rejected: r.rejected,
    endKind: r.end_kind,
    attachment:
      r.attachment_id === null
        ? null
        : { id: r.attachment_id, fileName: r.file_name ?? '', sizeBytes: r.size_bytes ?? 0 },
    siteId: r.site_id,
    siteCode: r.site_code,
    siteName: r.site_name,
    homeUrl: r.home_url,
    runStatus: r.run_status,
    until: r.until,
    orgName: r.org_name,
  };
}

function filters(viewer: Viewer, q: Omit<ListQuery, 'page' | 'pageSize'>): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [];
  if (q.kind) c.push(sql`d.kind = ${q.kind}`);
  if (q.name) c.push(sql`s.name ILIKE ${likePattern(q.name)}`);
  if (q.siteCode) c.push(sql`s.site_code ILIKE ${prefixPattern(q.siteCode)}`);
  if (!q.includeDeleted) c.push(sql`s.run_status <> 'DELETED'`);
  switch (q.status) {
    case 'WAITING':
      c.push(sql`r.current_org = ${viewer.orgCode}`);
      break;
    case 'IN_REVIEW':
      c.push(sql`r.state IN ('SUBMITTED', 'IN_REVIEW')`);
      break;
    case 'DONE':
      c.push(sql`r.state = 'DONE'`);
      break;
    case 'RETURNED':
      c.push(sql`r.state = 'RETURNED'`);
      break;
  }
  return c;
}

export async function listOfflineRows(
  db: Db,
  viewer: Viewer,
  query: ListQuery,
): Promise<{ rows: OfflineListRow[]; total: number; waitingCount: number }> {
  const { page, pageSize, ...f } = query;
  const conditions = filters(viewer, f);
  const mine = sql<boolean>`(r.current_org IS NOT DISTINCT FROM ${viewer.orgCode})`;
  const [rows, total, waiting] = await Promise.all([
    selectRow(db, viewer)
      .where((eb) => eb.and(conditions))
      .orderBy(mine, 'desc')
      .orderBy('r.updated_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    baseQuery(db, viewer)
      .where((eb) => eb.and(conditions))
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
    baseQuery(db, viewer)
      .where('r.current_org', '=', viewer.orgCode)
      .where('s.run_status', '<>', 'DELETED')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRow), total: total.n, waitingCount: waiting.n };
}

/** One offline request the viewer may see, or null (→ 404). */
export async function findVisibleOffline(db: Db | Trx, viewer: Viewer, id: number): Promise<OfflineListRow | null> {
  const row = await selectRow(db, viewer).where('r.id', '=', id).executeTakeFirst();
  return row ? toRow(row) : null;
}

export async function orgNameMap(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('org_units').select(['code', 'display_name']).where('code', 'in', unique).execute();
  return new Map(rows.map((r) => [r.code, r.display_name]));
}
