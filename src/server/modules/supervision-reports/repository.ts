// The only database access of 《政府网站监管年度报表》: the rows the prefill is computed from (the unit's register
// and spot-check reports), the reports themselves (scoped by the caller's subtree) and their compare-and-set.
import { type Selectable, sql } from 'kysely';
import type { SupervisionReportsTable } from '../../../db/schema.ts';
import type { EnteredValues } from '../../../domain/annual-report/supervision-report-checks.ts';
import type {
  PrefillSiteRow,
  PrefillSpotCheckRow,
  SupervisionPrefill,
} from '../../../domain/annual-report/supervision-report-prefill.ts';
import type { SupervisionReportState } from '../../../domain/annual-report/supervision-report-states.ts';
import type { Db, Trx } from '../../context.ts';
import { inSubtree } from '../org-units/repository.ts';

export type SupervisionReportRow = Selectable<SupervisionReportsTable> & { org_name: string };

const asDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/** Registered sites of the subtree, with their last 永久下线 and restore before `end` (from the 审核流水). */
export async function prefillSites(db: Db | Trx, path: string, end: Date): Promise<PrefillSiteRow[]> {
  const siteEvent = (runStatusField: 'toRunStatus' | 'fromRunStatus', before: Date | null) =>
    sql<Date | null>`(SELECT max(a.at) FROM audit_log a
        WHERE a.entity_type = 'SITE' AND a.entity_id = s.id::text
          AND a.data->>${runStatusField} = 'PERM_OFFLINE'
          ${before ? sql`AND a.at < ${before}` : sql``})`;
  const rows = await db
    .selectFrom('sites as s')
    .innerJoin('org_units as o', 'o.code', 's.org_code')
    .select([
      's.is_portal',
      's.run_status',
      's.updated_at',
      sql<Date>`coalesce(s.code_issued_at, s.created_at)`.as('opened_at'),
      siteEvent('toRunStatus', end).as('closed_at'),
      siteEvent('fromRunStatus', end).as('reopened_at'),
      siteEvent('toRunStatus', null).as('ever_closed_at'),
    ])
    .where(inSubtree('o.path', path))
    .where('s.site_code', 'is not', null)
    .execute();
  return rows.map((r) => ({
    isPortal: r.is_portal,
    runStatus: r.run_status,
    openedAt: new Date(r.opened_at),
    // A site closed without a 审核流水 entry (imported as closed): its last update stands for the closing day.
    closedAt:
      asDate(r.closed_at) ??
      (r.run_status === 'PERM_OFFLINE' && r.ever_closed_at === null ? new Date(r.updated_at) : null),
    reopenedAt: asDate(r.reopened_at),
  }));
}

/** The unit's spot-check reports of the year, with the 问责人次 of their 不合格网站清单. */
export async function prefillSpotChecks(db: Db | Trx, orgCode: string, year: number): Promise<PrefillSpotCheckRow[]> {
  const rows = await db
    .selectFrom('spot_check_reports as r')
    .select([
      'r.quarter',
      'r.status',
      'r.running_total',
      'r.checked_count',
      'r.passed_count',
      sql<number>`(SELECT coalesce(sum(f.accountability_count), 0)::int FROM spot_check_findings f
                   WHERE f.report_id = r.id)`.as('accountability'),
    ])
    .where('r.org_code', '=', orgCode)
    .where('r.year', '=', year)
    .orderBy('r.quarter')
    .execute();
  return rows.map((r) => ({
    quarter: r.quarter as PrefillSpotCheckRow['quarter'],
    status: r.status,
    runningTotal: r.running_total,
    checkedCount: r.checked_count,
    passedCount: r.passed_count,
    accountability: Number(r.accountability),
  }));
}

function reports(db: Db | Trx) {
  return db
    .selectFrom('supervision_reports as r')
    .innerJoin('org_units as o', 'o.code', 'r.org_code')
    .selectAll('r')
    .select('o.display_name as org_name');
}

/** A report inside the caller's subtree, or undefined (answered 404). */
export function findReportInSubtree(db: Db | Trx, id: number, callerPath: string) {
  return reports(db).where('r.id', '=', id).where(inSubtree('o.path', callerPath)).executeTakeFirst();
}

export function findReportOf(db: Db | Trx, orgCode: string, year: number) {
  return reports(db).where('r.org_code', '=', orgCode).where('r.year', '=', year).executeTakeFirst();
}

/** Creates the unit's report of the year unless one exists; the id of the new row, or null. */
export async function insertReport(
  trx: Trx,
  r: { orgCode: string; year: number; prefill: SupervisionPrefill; now: Date },
): Promise<number | null> {
  const row = await trx
    .insertInto('supervision_reports')
    .values({
      org_code: r.orgCode,
      year: r.year,
      state: 'DRAFT',
      data: JSON.stringify({}),
      prefill: JSON.stringify(r.prefill),
      prefilled_at: r.now,
      created_at: r.now,
      updated_at: r.now,
    })
    .onConflict((oc) => oc.columns(['org_code', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface ReportChange {
  state?: SupervisionReportState;
  data?: EnteredValues;
  prefill?: SupervisionPrefill;
  returnReason?: string | null;
  submittedAt?: Date;
  decidedAt?: Date | null;
}

/** Compare-and-set on (id, version, state ∈ from); false when someone else changed the report first. */
export async function updateReport(
  trx: Trx,
  id: number,
  version: number,
  from: readonly SupervisionReportState[],
  change: ReportChange,
  now: Date,
): Promise<boolean> {
  const row = await trx
    .updateTable('supervision_reports')
    .set({
      ...(change.state !== undefined && { state: change.state }),
      ...(change.data !== undefined && { data: JSON.stringify(change.data) }),
      ...(change.prefill !== undefined && { prefill: JSON.stringify(change.prefill), prefilled_at: now }),
      ...(change.returnReason !== undefined && { return_reason: change.returnReason }),
      ...(change.submittedAt !== undefined && { submitted_at: change.submittedAt }),
      ...(change.decidedAt !== undefined && { decided_at: change.decidedAt }),
      version: sql`version + 1`,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', 'in', [...from])
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Every enabled level-1 unit with its report of the year, if any (the root's review list). */
export function reportsOfYear(db: Db, year: number) {
  return db
    .selectFrom('org_units as o')
    .leftJoin('supervision_reports as r', (j) => j.onRef('r.org_code', '=', 'o.code').on('r.year', '=', year))
    .select([
      'o.code',
      'o.display_name',
      'r.id',
      'r.state',
      'r.version',
      'r.submitted_at',
      'r.decided_at',
      'r.updated_at',
    ])
    .where('o.level', '=', 1)
    .where('o.enabled', '=', true)
    .orderBy('o.code')
    .execute();
}
