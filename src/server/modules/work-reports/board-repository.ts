// Database reads of the 工作年度报表 专栏 (public, per level-1 unit) and progress board (units): the sites that must
// report for a year (mustReport, applied in SQL) with their report of that year, always within one unit's subtree.
import { sql } from 'kysely';
import {
  APPROVED_OR_LATER,
  PUBLISHED_ONLY,
  SUBMITTED_OR_LATER,
} from '../../../domain/annual-report/work-report-progress.ts';
import type { WorkReportState } from '../../../domain/annual-report/work-report-states.ts';
import { mustReportIssuedBefore, REPORTING_RUN_STATUSES } from '../../../domain/annual-report/work-report-window.ts';
import type { Db } from '../../context.ts';
import { inSubtree } from '../org-units/repository.ts';

export function findUnit(db: Db, code: string) {
  return db
    .selectFrom('org_units')
    .select(['code', 'display_name', 'level', 'path', 'enabled'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** A unit only when it lies in the subtree at `rootPath` (else undefined → 404). */
export function findUnitInSubtree(db: Db, code: string, rootPath: string) {
  return db
    .selectFrom('org_units')
    .select(['code', 'display_name', 'level', 'path', 'enabled'])
    .where('code', '=', code)
    .where(inSubtree('path', rootPath))
    .executeTakeFirst();
}

/** Names of the units whose codes are given (the drill-down trail). */
export function unitNames(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_units').select(['code', 'display_name']).where('code', 'in', codes).execute();
}

/** The sites of the subtree at `orgPath` that must report for `year`, each with its report of that year (if any). */
function dueSites(db: Db, orgPath: string, year: number) {
  return db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .leftJoin('work_reports as r', (join) => join.onRef('r.site_id', '=', 's.id').on('r.year', '=', year))
    .where(inSubtree('o.path', orgPath))
    .where('s.run_status', 'in', [...REPORTING_RUN_STATUSES])
    .where((eb) =>
      eb.or([eb('s.code_issued_at', 'is', null), eb('s.code_issued_at', '<', mustReportIssuedBefore(year))]),
    );
}

/** The 专栏's page: every site that must report, by 标识码, with only what the public may see. */
export async function listColumn(db: Db, f: { orgPath: string; year: number; page: number; pageSize: number }) {
  const base = dueSites(db, f.orgPath, f.year);
  const [items, total] = await Promise.all([
    base
      .select(['s.site_code', 's.name', 's.home_url', 'r.state', 'r.published_url'])
      .orderBy('s.site_code')
      .orderBy('s.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

function countIn(states: readonly WorkReportState[]) {
  return sql<number>`(count(*) filter (where r.state in (${sql.join([...states])})))::int`;
}

/**
 * Counts for the progress board of the unit at `unitPath`, grouped by the direct subordinate unit whose subtree holds
 * the site ('' for the unit's own sites): the first path segment below the unit's path.
 */
export async function progressCounts(db: Db, unitPath: string, year: number) {
  // A literal offset (a number we computed), so the select and the GROUP BY are the same expression to PostgreSQL.
  const bucket = sql<string>`split_part(substr(o.path, ${sql.lit(unitPath.length + 1)}), '/', 1)`;
  const rows = await dueSites(db, unitPath, year)
    .select([
      bucket.as('bucket'),
      sql<number>`count(*)::int`.as('due'),
      countIn(SUBMITTED_OR_LATER).as('submitted'),
      countIn(APPROVED_OR_LATER).as('approved'),
      countIn(PUBLISHED_ONLY).as('published'),
    ])
    .groupBy(bucket)
    .execute();
  return rows.map((r) => ({
    bucket: r.bucket,
    due: Number(r.due),
    submitted: Number(r.submitted),
    approved: Number(r.approved),
    published: Number(r.published),
  }));
}

/** The direct subordinate units of `code`, by code, with whether they have units below them. */
export function childUnits(db: Db, code: string) {
  return db
    .selectFrom('org_units as c')
    .select([
      'c.code',
      'c.display_name',
      'c.enabled',
      (eb) =>
        eb
          .exists(eb.selectFrom('org_units as g').select('g.code').whereRef('g.parent_code', '=', 'c.code'))
          .as('has_children'),
    ])
    .where('c.parent_code', '=', code)
    .orderBy('c.code')
    .execute();
}
