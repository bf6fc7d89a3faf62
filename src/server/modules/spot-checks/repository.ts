// The only database access of 上报抽查情况: reports, their non-compliant sites, subtree-scoped site look-ups and the
// national roll-up.
import { sql } from 'kysely';
import type { SpotCheckSampleEntry, SpotCheckStatus } from '../../../db/schema.ts';
import { SWEPT_RUN_STATUSES } from '../../../domain/link-health.ts';
import type { Db, Trx } from '../../context.ts';
import { healthRowIs } from '../link-checks/health-sql.ts';
import { inSubtree, likePattern, prefixPattern } from '../org-units/repository.ts';
import type { FindingInput } from './schema.ts';

export function findReport(db: Db | Trx, orgCode: string, year: number, quarter: number) {
  return db
    .selectFrom('spot_check_reports')
    .selectAll()
    .where('org_code', '=', orgCode)
    .where('year', '=', year)
    .where('quarter', '=', quarter)
    .executeTakeFirst();
}

export function findReportById(db: Db | Trx, id: number) {
  return db.selectFrom('spot_check_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findingsOf(db: Db | Trx, reportId: number) {
  return db
    .selectFrom('spot_check_findings as f')
    .innerJoin('sites as s', 's.id', 'f.site_id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select([
      'f.site_id',
      'f.problem_type',
      'f.description',
      'f.rectification',
      'f.accountability_count',
      's.site_code',
      's.name as site_name',
      'o.display_name as org_name',
    ])
    .where('f.report_id', '=', reportId)
    .orderBy('f.id')
    .execute();
}

export interface ReportFields {
  status: SpotCheckStatus;
  runningTotal: number;
  newSites: number;
  closedSites: number;
  checkedCount: number;
  passedCount: number;
  errorReports: number | null;
  summary: string;
  reporterName: string;
  reporterPhone: string;
  sample: SpotCheckSampleEntry[];
}

const columns = (f: ReportFields) => ({
  status: f.status,
  running_total: f.runningTotal,
  new_sites: f.newSites,
  closed_sites: f.closedSites,
  checked_count: f.checkedCount,
  passed_count: f.passedCount,
  error_reports: f.errorReports,
  summary: f.summary,
  reporter_name: f.reporterName,
  reporter_phone: f.reporterPhone,
  sample: JSON.stringify(f.sample),
});

export async function insertReport(
  trx: Trx,
  key: { orgCode: string; year: number; quarter: number },
  f: ReportFields,
  now: Date,
): Promise<number | null> {
  const row = await trx
    .insertInto('spot_check_reports')
    .values({
      org_code: key.orgCode,
      year: key.year,
      quarter: key.quarter,
      ...columns(f),
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['org_code', 'year', 'quarter']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Compare-and-set on (id, version, editable status); false when someone saved or submitted meanwhile. */
export async function updateReport(
  trx: Trx,
  id: number,
  version: number,
  f: Partial<ReportFields> & { late?: boolean; submittedAt?: Date; returnReason?: string | null; returnedAt?: Date },
  fromStatuses: SpotCheckStatus[],
  now: Date,
): Promise<boolean> {
  const full = f as ReportFields;
  const result = await trx
    .updateTable('spot_check_reports')
    .set({
      ...(f.runningTotal !== undefined ? columns(full) : { status: f.status }),
      ...(f.late !== undefined ? { late: f.late } : {}),
      ...(f.submittedAt ? { submitted_at: f.submittedAt } : {}),
      ...(f.returnReason !== undefined ? { return_reason: f.returnReason } : {}),
      ...(f.returnedAt ? { returned_at: f.returnedAt } : {}),
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', 'in', fromStatuses)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceFindings(trx: Trx, reportId: number, findings: FindingInput[]): Promise<void> {
  await trx.deleteFrom('spot_check_findings').where('report_id', '=', reportId).execute();
  if (findings.length === 0) return;
  await trx
    .insertInto('spot_check_findings')
    .values(
      findings.map((f) => ({
        report_id: reportId,
        site_id: f.siteId,
        problem_type: f.problemType,
        description: f.description,
        rectification: f.rectification,
        accountability_count: f.accountabilityCount,
      })),
    )
    .execute();
}

export function countFindings(trx: Trx, reportId: number) {
  return trx
    .selectFrom('spot_check_findings')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow()
    .then((r) => r.n);
}

/** The sites among `ids` registered in the subtree (with a 标识码), for validating pickers on the server. */
export function subtreeSites(db: Db | Trx, path: string, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select(['s.id', 's.site_code', 's.name', 'o.level', 's.is_portal'])
    .where(inSubtree('o.path', path))
    .where('s.site_code', 'is not', null)
    .where('s.id', 'in', ids)
    .execute();
}

export function pickerSites(db: Db, path: string, q: string) {
  let query = db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select(['s.id', 's.site_code', 's.name', 'o.display_name as org_name'])
    .where(inSubtree('o.path', path))
    .where('s.site_code', 'is not', null)
    .where('s.run_status', 'not in', ['DELETED', 'PERM_OFFLINE']);
  if (q) {
    query = query.where((eb) =>
      eb.or([eb('s.name', 'ilike', likePattern(q)), eb('s.site_code', 'like', prefixPattern(q))]),
    );
  }
  return query.orderBy('s.site_code').limit(20).execute();
}

/** The sampling frame: sites of the subtree running normally (exceptions excluded, SPEC §7.7). */
export function sampleFrame(db: Db, path: string) {
  return db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select(['s.id', 's.site_code', 's.name', 'o.level', 's.is_portal'])
    .where(inSubtree('o.path', path))
    .where('s.site_code', 'is not', null)
    .where('s.run_status', '=', 'NORMAL')
    .orderBy('s.id')
    .execute();
}

/**
 * Registered sites of the subtree with an unreachable address on their latest nightly check (链接异常), flagged ones
 * first, each with its first failure (the home page before other addresses).
 */
export function linkProblemSites(db: Db, path: string, limit: number) {
  const firstFailure = db
    .selectFrom('link_checks as c')
    .select(['c.kind', 'c.url', 'c.message'])
    .where(sql<boolean>`c.sweep_id = h.last_sweep_id AND c.site_id = s.id`)
    .where('c.ok', '=', false)
    .where((eb) => eb.or([eb('c.error', 'is', null), eb('c.error', '<>', 'ROBOTS')]))
    .orderBy(sql`CASE c.kind WHEN 'HOME' THEN 0 WHEN 'DOMAIN' THEN 1 ELSE 2 END`)
    .orderBy('c.id')
    .limit(1)
    .as('f');
  return db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .innerJoin('link_health as h', 'h.site_id', 's.id')
    .leftJoinLateral(firstFailure, (join) => join.onTrue())
    .select([
      's.id',
      's.site_code',
      's.name',
      'o.display_name as org_name',
      'h.last_checked_at',
      'h.home_ok',
      'h.home_consecutive_failures',
      'h.flagged',
      'h.urls_failed',
      'f.url as failed_url',
      'f.message as failed_message',
      sql<number>`(count(*) OVER ())::int`.as('total'),
    ])
    .where(inSubtree('o.path', path))
    .where('s.site_code', 'is not', null)
    .where('s.run_status', 'in', SWEPT_RUN_STATUSES)
    .where(healthRowIs('FAILING'))
    .orderBy('h.flagged', 'desc')
    .orderBy('h.home_ok')
    .orderBy('h.home_consecutive_failures', 'desc')
    .orderBy('s.site_code')
    .limit(limit)
    .execute();
}

export function ownReports(db: Db, orgCode: string) {
  return db
    .selectFrom('spot_check_reports')
    .select(['id', 'year', 'quarter', 'status', 'checked_count', 'passed_count', 'late', 'submitted_at'])
    .where('org_code', '=', orgCode)
    .orderBy('year', 'desc')
    .orderBy('quarter', 'desc')
    .limit(40)
    .execute();
}

/** Every enabled level-1 unit with its report of the quarter, if any. */
export function rollupRows(db: Db, year: number, quarter: number) {
  return db
    .selectFrom('org_units as o')
    .leftJoin('spot_check_reports as r', (j) =>
      j.onRef('r.org_code', '=', 'o.code').on('r.year', '=', year).on('r.quarter', '=', quarter),
    )
    .select([
      'o.code',
      'o.display_name',
      'r.id',
      'r.status',
      'r.running_total',
      'r.new_sites',
      'r.closed_sites',
      'r.checked_count',
      'r.passed_count',
      'r.late',
      'r.submitted_at',
    ])
    .where('o.level', '=', 1)
    .where('o.enabled', '=', true)
    .orderBy('o.code')
    .execute();
}
