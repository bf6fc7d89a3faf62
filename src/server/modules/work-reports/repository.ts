// The only database access of 工作年度报表: reports, the site they belong to (scoped by the caller's subtree), the
// per-year window.
import { type Selectable, sql } from 'kysely';
import type { WorkReportLinkCheck, WorkReportsTable } from '../../../db/schema.ts';
import type { WorkReportData } from '../../../domain/annual-report/work-report-fields.ts';
import type { WorkReportState } from '../../../domain/annual-report/work-report-states.ts';
import type { Db, Trx } from '../../context.ts';
import { inSubtree, likePattern, prefixPattern } from '../org-units/repository.ts';

export type WorkReportRow = Selectable<WorkReportsTable>;

/** The register columns a report's head and routing need. */
const SITE_COLUMNS = [
  's.id as site_id',
  's.site_code',
  's.org_code',
  's.name',
  's.home_url',
  's.sponsor_name',
  's.is_portal',
  's.info',
  's.run_status',
  's.code_issued_at',
  'o.display_name as org_name',
] as const;

export function findSiteByCode(db: Db | Trx, siteCode: string) {
  return db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select(SITE_COLUMNS)
    .where('s.site_code', '=', siteCode)
    .executeTakeFirst();
}
export type ReportSite = NonNullable<Awaited<ReturnType<typeof findSiteByCode>>>;

export function findReport(db: Db | Trx, siteId: number, year: number) {
  return db
    .selectFrom('work_reports')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** A report with its site, only when the site is in the caller's subtree (else undefined → 404). */
export async function findVisibleReport(db: Db | Trx, id: number, orgPath: string) {
  const row = await db
    .selectFrom('work_reports as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .selectAll('r')
    .select(SITE_COLUMNS)
    .where('r.id', '=', id)
    .where(inSubtree('o.path', orgPath))
    .executeTakeFirst();
  return row;
}

export function orgName(db: Db | Trx, code: string) {
  return db.selectFrom('org_units').select('display_name').where('code', '=', code).executeTakeFirst();
}

export async function insertDraft(
  trx: Trx,
  o: { siteId: number; year: number; reviewerOrg: string; data: WorkReportData; now: Date },
): Promise<number | null> {
  const row = await trx
    .insertInto('work_reports')
    .values({
      site_id: o.siteId,
      year: o.year,
      state: 'DRAFT',
      data: JSON.stringify(o.data),
      reviewer_org: o.reviewerOrg,
      created_at: o.now,
      updated_at: o.now,
    })
    .onConflict((oc) => oc.columns(['site_id', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface ReportChange {
  state?: WorkReportState;
  data?: WorkReportData;
  head?: unknown;
  reviewerOrg?: string;
  returnReason?: string | null;
  filledOn?: string;
  submittedAt?: Date;
  decidedAt?: Date | null;
  publishedUrl?: string;
  publishedAt?: Date;
  publishedLate?: boolean;
  linkCheck?: WorkReportLinkCheck;
  linkCheckedAt?: Date;
}

/**
 * Compare-and-set on (id, version, state ∈ from): false when someone else saved or decided first. The caller
 * passes the states the domain's table allows for the action.
 */
export async function updateReport(
  trx: Trx,
  id: number,
  version: number,
  from: readonly WorkReportState[],
  c: ReportChange,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('work_reports')
    .set({
      ...(c.state !== undefined ? { state: c.state } : {}),
      ...(c.data !== undefined ? { data: JSON.stringify(c.data) } : {}),
      ...(c.head !== undefined ? { head: JSON.stringify(c.head) } : {}),
      ...(c.reviewerOrg !== undefined ? { reviewer_org: c.reviewerOrg } : {}),
      ...(c.returnReason !== undefined ? { return_reason: c.returnReason } : {}),
      ...(c.filledOn !== undefined ? { filled_on: c.filledOn } : {}),
      ...(c.submittedAt !== undefined ? { submitted_at: c.submittedAt } : {}),
      ...(c.decidedAt !== undefined ? { decided_at: c.decidedAt } : {}),
      ...(c.publishedUrl !== undefined ? { published_url: c.publishedUrl } : {}),
      ...(c.publishedAt !== undefined ? { published_at: c.publishedAt } : {}),
      ...(c.publishedLate !== undefined ? { published_late: c.publishedLate } : {}),
      ...(c.linkCheck !== undefined ? { link_check: JSON.stringify(c.linkCheck) } : {}),
      ...(c.linkCheckedAt !== undefined ? { link_checked_at: c.linkCheckedAt } : {}),
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface ListFilter {
  orgPath: string;
  orgCode: string;
  year: number;
  state?: WorkReportState;
  q?: string;
  mine: boolean;
  page: number;
  pageSize: number;
}

export async function listReports(db: Db, f: ListFilter) {
  let base = db
    .selectFrom('work_reports as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .where('r.year', '=', f.year)
    .where(inSubtree('o.path', f.orgPath));
  if (f.state) base = base.where('r.state', '=', f.state);
  if (f.mine) base = base.where('r.reviewer_org', '=', f.orgCode);
  if (f.q) {
    const q = f.q;
    base = base.where((eb) =>
      eb.or([eb('s.name', 'ilike', likePattern(q)), eb('s.site_code', 'like', prefixPattern(q))]),
    );
  }
  const [items, total] = await Promise.all([
    base
      .select([
        'r.id',
        'r.version',
        'r.state',
        'r.submitted_at',
        'r.published_url',
        'r.link_check',
        'r.reviewer_org',
        's.site_code',
        's.name as site_name',
        'o.display_name as org_name',
      ])
      .orderBy('r.submitted_at', (ob) => ob.desc().nullsLast())
      .orderBy('r.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Every report of the subtree for a year with its site, for the xlsx (ordered by 标识码). */
export function reportsForExport(db: Db, orgPath: string, year: number) {
  return db
    .selectFrom('work_reports as r')
    .innerJoin('sites as s', 's.id', 'r.site_id')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .selectAll('r')
    .select(SITE_COLUMNS)
    .where('r.year', '=', year)
    .where(inSubtree('o.path', orgPath))
    .orderBy('s.site_code')
    .limit(100_000)
    .execute();
}

/** Reports submitted and waiting for this unit's decision (its 待办 for 工作年度报表), any year. */
export async function countWaiting(db: Db, orgCode: string): Promise<number> {
  const row = await db
    .selectFrom('work_reports')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('reviewer_org', '=', orgCode)
    .where('state', '=', 'SUBMITTED')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function upsertWindow(
  trx: Trx,
  w: { year: number; fillFrom: string; fillTo: string; publishBy: string },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('work_report_windows')
    .values({ year: w.year, fill_from: w.fillFrom, fill_to: w.fillTo, publish_by: w.publishBy, updated_at: now })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({
        fill_from: w.fillFrom,
        fill_to: w.fillTo,
        publish_by: w.publishBy,
        version: sql<number>`work_report_windows.version + 1`,
        updated_at: now,
      }),
    )
    .execute();
}
