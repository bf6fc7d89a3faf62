// Database access of the 年度报表 alerts: reports waiting for review, sites that have not submitted, the window of
// a year, and the report_alerts rows that make each alert happen once.
import { sql } from 'kysely';
import { mustReportIssuedBefore, REPORTING_RUN_STATUSES } from '../../../domain/annual-report/work-report-window.ts';
import type { Trx } from '../../context.ts';

export interface WaitingReportRow {
  kind: 'WORK_REPORT' | 'SUPERVISION_REPORT';
  id: number;
  year: number;
  submittedAt: Date;
  name: string;
  siteCode: string | null;
  /** The unit that reviews: the site's 本级组织单位, or the root for a 监管年度报表. */
  reviewerCode: string;
}

/** Submitted reports waiting since before `before`, with the unit that must review them. */
export async function listReportsWaitingSince(trx: Trx, before: Date): Promise<WaitingReportRow[]> {
  const result = await sql<{
    kind: 'WORK_REPORT' | 'SUPERVISION_REPORT';
    id: number | string;
    year: number;
    submitted_at: Date | string;
    name: string;
    site_code: string | null;
    reviewer_code: string;
  }>`
    SELECT 'WORK_REPORT' AS kind, w.id, w.year, w.submitted_at, s.name, s.site_code, w.reviewer_org AS reviewer_code
    FROM work_reports w JOIN sites s ON s.id = w.site_id
    WHERE w.state = 'SUBMITTED' AND w.submitted_at < ${before}
    UNION ALL
    SELECT 'SUPERVISION_REPORT', p.id, p.year, p.submitted_at, u.display_name, NULL, root.code
    FROM supervision_reports p
    JOIN org_units u ON u.code = p.org_code
    JOIN org_units root ON root.level = 0
    WHERE p.state = 'SUBMITTED' AND p.submitted_at < ${before}
    ORDER BY submitted_at, kind, id`.execute(trx);
  return result.rows.map((r) => ({
    kind: r.kind,
    id: Number(r.id),
    year: r.year,
    submittedAt: new Date(r.submitted_at),
    name: r.name,
    siteCode: r.site_code,
    reviewerCode: r.reviewer_code,
  }));
}

export interface UnsubmittedSiteRow {
  siteId: number;
  name: string;
  siteCode: string | null;
  orgCode: string;
  info: Record<string, unknown>;
  state: 'NONE' | 'DRAFT';
}

/**
 * Sites that must report for `year` (mustReport() in SQL, as the progress board) and have not submitted a first
 * time: no report yet, or a draft. A returned report was submitted once; its correction has its own deadline.
 */
export async function listUnsubmittedSites(trx: Trx, year: number): Promise<UnsubmittedSiteRow[]> {
  const rows = await trx
    .selectFrom('sites as s')
    .leftJoin('work_reports as r', (join) => join.onRef('r.site_id', '=', 's.id').on('r.year', '=', year))
    .where('s.run_status', 'in', [...REPORTING_RUN_STATUSES])
    .where((eb) =>
      eb.or([eb('s.code_issued_at', 'is', null), eb('s.code_issued_at', '<', mustReportIssuedBefore(year))]),
    )
    .where((eb) => eb.or([eb('r.id', 'is', null), eb('r.state', '=', 'DRAFT')]))
    .select(['s.id', 's.name', 's.site_code', 's.org_code', 's.info', 'r.state'])
    .orderBy('s.org_code')
    .orderBy('s.site_code')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    siteId: r.id,
    name: r.name,
    siteCode: r.site_code,
    orgCode: r.org_code,
    info: (r.info ?? {}) as Record<string, unknown>,
    state: r.state === 'DRAFT' ? 'DRAFT' : 'NONE',
  }));
}

/**
 * Claims an alert: true when this call recorded it (the caller then queues its mails in the same transaction),
 * false when it was recorded before — or by another instance, whose insert this one waits for.
 */
export async function claimReportAlert(
  trx: Trx,
  alert: { key: string; kind: 'REMINDER' | 'ESCALATION'; orgCode: string | null; at: Date },
): Promise<boolean> {
  const result = await trx
    .insertInto('report_alerts')
    .values({ alert_key: alert.key, kind: alert.kind, org_code: alert.orgCode, created_at: alert.at })
    .onConflict((oc) => oc.column('alert_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Alert keys among `keys` already recorded (to skip them without a write). */
export async function recordedAlertKeys(trx: Trx, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await trx
    .selectFrom('report_alerts')
    .select('alert_key')
    .where('alert_key', 'in', [...keys])
    .execute();
  return new Set(rows.map((r) => r.alert_key));
}
