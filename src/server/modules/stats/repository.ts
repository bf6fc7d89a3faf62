// The only database access of 基本信息统计 (and the quarter counts 上报抽查情况 reuses): every query is scoped to a
// subtree path in SQL.
import { type RawBuilder, sql } from 'kysely';
import type { RunStatus } from '../../../db/schema.ts';
import { SWEPT_RUN_STATUSES } from '../../../domain/link-health.ts';
import { DEPARTMENT_SYSTEM_CODE_RE } from '../../../domain/site-categories.ts';
import type { Db, Trx } from '../../context.ts';
import { healthRowIs } from '../link-checks/health-sql.ts';
import { inSubtree } from '../org-units/repository.ts';

/**
 * 在册网站: issued a 标识码 and neither deleted nor permanently closed. The basis of the category, platform, level,
 * drill-down and data-quality figures.
 */
export const REGISTERED = sql<boolean>`(s.site_code IS NOT NULL AND s.run_status NOT IN ('DELETED', 'PERM_OFFLINE'))`;

function sitesIn(db: Db | Trx, path: string) {
  return db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .where(inSubtree('o.path', path));
}

const n = sql<number>`count(*)::int`;

export function categoryGroups(db: Db, path: string) {
  // Literals, not parameters: the grouped expression must be the very same text in SELECT and GROUP BY.
  const departmentSystem = sql<boolean>`o.code ~* ${sql.lit(DEPARTMENT_SYSTEM_CODE_RE.source)}`;
  return sitesIn(db, path)
    .where(REGISTERED)
    .select([departmentSystem.as('department_system'), 'o.level', 's.is_portal', n.as('count')])
    .groupBy([departmentSystem, 'o.level', 's.is_portal'])
    .execute();
}

/** Every entry that has a 标识码, by run status (closed and deleted included). */
export function runStatusGroups(db: Db, path: string) {
  return sitesIn(db, path)
    .where('s.site_code', 'is not', null)
    .select(['s.run_status', n.as('count')])
    .groupBy('s.run_status')
    .execute() as Promise<{ run_status: RunStatus; count: number }[]>;
}

export function platformAndLevelGroups(db: Db, path: string) {
  return sitesIn(db, path)
    .where(REGISTERED)
    .select(['o.level', 's.is_service_platform', 's.is_portal', n.as('count')])
    .groupBy(['o.level', 's.is_service_platform', 's.is_portal'])
    .execute();
}

/**
 * Drill-down: registered sites grouped by the child of the scope unit they fall under ('' = the unit's own sites).
 * The child is the path component right after the scope's own.
 */
export function childTotals(db: Db, path: string) {
  const depth = path.split('/').filter(Boolean).length;
  const child = sql<string>`split_part(o.path, '/', ${sql.lit(depth + 2)})`;
  return sitesIn(db, path)
    .where(REGISTERED)
    .select([
      child.as('child'),
      n.as('total'),
      sql<number>`count(*) FILTER (WHERE s.run_status = 'NORMAL')::int`.as('normal'),
      sql<number>`count(*) FILTER (WHERE s.is_portal)::int`.as('portals'),
      sql<number>`count(*) FILTER (WHERE s.is_service_platform)::int`.as('platforms'),
    ])
    .groupBy(child)
    .execute();
}

/**
 * 链接健康 of the registered sites the nightly sweep checks (正常 and 例外), by the child of the scope unit they fall
 * under (as in childTotals), one count per class; `flagged`: home page unreachable on three consecutive sweeps.
 */
export function linkHealthGroups(db: Db, path: string) {
  const depth = path.split('/').filter(Boolean).length;
  const child = sql<string>`split_part(o.path, '/', ${sql.lit(depth + 2)})`;
  const count = (condition: RawBuilder<unknown>) => sql<number>`count(*) FILTER (WHERE ${condition})::int`;
  return sitesIn(db, path)
    .leftJoin('link_health as h', 'h.site_id', 's.id')
    .where(REGISTERED)
    .where('s.run_status', 'in', SWEPT_RUN_STATUSES)
    .select([
      child.as('child'),
      count(healthRowIs('FAILING')).as('failing'),
      count(healthRowIs('FOOTER')).as('footer'),
      count(healthRowIs('OK')).as('ok'),
      count(sql`h.site_id IS NULL`).as('unchecked'),
      count(sql`h.flagged`).as('flagged'),
    ])
    .groupBy(child)
    .execute();
}

export function childUnits(db: Db, code: string) {
  return db
    .selectFrom('org_units as o')
    .select([
      'o.code',
      'o.display_name',
      'o.level',
      'o.enabled',
      sql<boolean>`EXISTS (SELECT 1 FROM org_units c WHERE c.parent_code = o.code)`.as('has_children'),
    ])
    .where('o.parent_code', '=', code)
    .orderBy('o.code')
    .execute();
}

const waitDays = (now: Date) => sql<number>`extract(epoch from (${now}::timestamptz - r.step_entered_at)) / 86400.0`;
const median = (expr: RawBuilder<number>) => sql<number | null>`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr})`;

function openRequestsIn(db: Db, path: string) {
  return db
    .selectFrom('requests as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .where(inSubtree('o.path', path))
    .where('r.state', 'in', ['SUBMITTED', 'IN_REVIEW']);
}

/** Open requests of the subtree's sites by type, with the median days waited at the current step. */
export function openRequestsByType(db: Db, path: string, now: Date) {
  return openRequestsIn(db, path)
    .select(['r.type', n.as('count'), median(waitDays(now)).as('median_days')])
    .groupBy('r.type')
    .orderBy('r.type')
    .execute();
}

/** The same requests by the unit holding them now (requests.current_org), which may sit above the subtree. */
export function openRequestsByHolder(db: Db, path: string, now: Date) {
  return openRequestsIn(db, path)
    .innerJoin('org_units as h', 'h.code', 'r.current_org')
    .select(['h.code', 'h.display_name', 'h.level', n.as('count'), median(waitDays(now)).as('median_days')])
    .groupBy(['h.code', 'h.display_name', 'h.level'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('h.code')
    .limit(500)
    .execute();
}

/**
 * Quarter figures of SPEC §9.3 for a subtree: sites running at `end` (NORMAL, exceptions excluded, issued before
 * the end), issued within [start, end), and permanently closed within it — by the site's run-status audit entry
 * reaching PERM_OFFLINE (its `data.toRunStatus`; `to_state` holds the Chinese label), or, for records without one
 * (imported as closed), a PERM_OFFLINE row last changed in the quarter.
 */
export async function quarterCounts(db: Db | Trx, path: string, range: { start: Date; end: Date }) {
  const issuedAt = sql<Date>`coalesce(s.code_issued_at, s.created_at)`;
  const closedEntry = sql`SELECT 1 FROM audit_log a
        WHERE a.entity_type = 'SITE' AND a.entity_id = s.id::text AND a.data->>'toRunStatus' = 'PERM_OFFLINE'`;
  const row = await sitesIn(db, path)
    .where('s.site_code', 'is not', null)
    .select([
      sql<number>`count(*) FILTER (WHERE s.run_status = 'NORMAL' AND ${issuedAt} < ${range.end})::int`.as('running'),
      sql<number>`count(*) FILTER (WHERE ${issuedAt} >= ${range.start} AND ${issuedAt} < ${range.end})::int`.as(
        'issued',
      ),
      sql<number>`count(*) FILTER (WHERE
        EXISTS (${closedEntry} AND a.at >= ${range.start} AND a.at < ${range.end})
        OR (s.run_status = 'PERM_OFFLINE' AND s.updated_at >= ${range.start} AND s.updated_at < ${range.end}
            AND NOT EXISTS (${closedEntry}))
      )::int`.as('closed'),
    ])
    .executeTakeFirstOrThrow();
  return { runningTotal: row.running, newSites: row.issued, closedSites: row.closed };
}
