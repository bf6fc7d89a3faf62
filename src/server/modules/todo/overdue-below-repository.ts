// Database reads of 下级超期: what waits past its deadline at units strictly below the caller's — request steps,
// submitted 工作年度报表 not yet reviewed, and, after the 填报截止, sites that have not submitted their report — merged
// in SQL (UNION ALL over the 待办 shape), scoped by the caller's subtree in the query, ordered and paginated there.
import { type RawBuilder, sql } from 'kysely';
import { mustReportIssuedBefore, REPORTING_RUN_STATUSES } from '../../../domain/annual-report/work-report-window.ts';
import type { Db } from '../../context.ts';
import { inSubtree, prefixPattern } from '../org-units/repository.ts';
import { HELD_STEP_ROW_COLUMNS, type InboxRow, type RawRow, toRow } from './inbox-repository.ts';
import { heldSteps, type WaitingRow } from './repository.ts';
import type { BelowKind } from './schema.ts';

export interface BelowScope {
  viewer: { orgPath: string; orgCode: string };
  /** Steps and submitted reports waiting since before this instant are listed. */
  before: Date;
  /** Sites of this year that have not submitted, when the year's 填报截止 has passed (else null). */
  unsubmitted: { year: number; since: Date } | null;
}

/** A site that must report and has not submitted after the 填报截止: no report yet (NONE), or a draft. */
export interface UnsubmittedRow extends Pick<WaitingRow, 'siteId' | 'siteName' | 'siteCode' | 'siteOrgName'> {
  kind: 'WORK_REPORT_UNSUBMITTED';
  /** The site. */
  id: number;
  /** The draft, if the site has one. */
  reportId: number | null;
  state: 'NONE' | 'DRAFT';
  year: number;
  waitingSince: Date;
  /** The site's 本级组织单位: it must get the site to submit. */
  holderCode: string;
  holderName: string;
}

export type BelowRow = InboxRow | UnsubmittedRow;

interface BelowRawRow extends Omit<RawRow, 'kind'> {
  kind: BelowKind;
  report_id: number | string | null;
}

function unionBelow(db: Db, scope: BelowScope): RawBuilder<BelowRawRow> {
  const { orgPath, orgCode } = scope.viewer;
  const requests = heldSteps(db)
    .where(inSubtree('h.path', orgPath))
    .where('h.code', '<>', orgCode)
    .where('r.step_entered_at', '<', scope.before)
    .select([...HELD_STEP_ROW_COLUMNS, sql<number | null>`NULL::bigint`.as('report_id')]);
  const subtree = prefixPattern(orgPath);
  const unsubmitted = scope.unsubmitted
    ? sql`
    UNION ALL
    SELECT 'WORK_REPORT_UNSUBMITTED', s.id, NULL::text, COALESCE(w.state, 'NONE'), NULL::text[], NULL::integer,
      ${scope.unsubmitted.year}::integer, ${scope.unsubmitted.since}::timestamptz, ${scope.unsubmitted.since}::timestamptz,
      s.id, s.name, s.site_code, o.display_name, o.code, o.display_name, w.id
    FROM sites s
    JOIN org_units o ON o.code = s.org_code
    LEFT JOIN work_reports w ON w.site_id = s.id AND w.year = ${scope.unsubmitted.year}
    WHERE o.path LIKE ${subtree} AND o.code <> ${orgCode}
      AND s.run_status IN (${sql.join(REPORTING_RUN_STATUSES.map((v) => sql`${v}`))})
      AND (s.code_issued_at IS NULL OR s.code_issued_at < ${mustReportIssuedBefore(scope.unsubmitted.year)})
      AND (w.id IS NULL OR w.state = 'DRAFT')`
    : sql``;
  return sql<BelowRawRow>`
    ${requests}
    UNION ALL
    SELECT 'WORK_REPORT', w.id, NULL::text, w.state, NULL::text[], NULL::integer, w.year, w.submitted_at,
      w.submitted_at, s.id, s.name, s.site_code, o.display_name, h.code, h.display_name, w.id
    FROM work_reports w
    JOIN sites s ON s.id = w.site_id
    JOIN org_units o ON o.code = s.org_code
    JOIN org_units h ON h.code = w.reviewer_org
    WHERE w.state = 'SUBMITTED' AND w.submitted_at < ${scope.before}
      AND h.path LIKE ${subtree} AND h.code <> ${orgCode}
    ${unsubmitted}`;
}

function toBelowRow(r: BelowRawRow): BelowRow {
  if (r.kind !== 'WORK_REPORT_UNSUBMITTED') return toRow({ ...r, kind: r.kind });
  return {
    kind: r.kind,
    id: Number(r.id),
    reportId: r.report_id === null ? null : Number(r.report_id),
    state: r.state === 'DRAFT' ? 'DRAFT' : 'NONE',
    year: Number(r.year),
    waitingSince: new Date(r.waiting_since),
    siteId: Number(r.site_id),
    siteName: r.site_name,
    siteCode: r.site_code,
    siteOrgName: r.site_org_name,
    holderCode: r.holder_code,
    holderName: r.holder_name,
  };
}

/** 下级超期: one page of every source, longest waiting first. */
export async function listBelowRows(db: Db, scope: BelowScope, limit: number, offset: number): Promise<BelowRow[]> {
  const result = await sql<BelowRawRow>`
    SELECT * FROM (${unionBelow(db, scope)}) AS items
    ORDER BY waiting_since, kind, id
    LIMIT ${limit} OFFSET ${offset}`.execute(db);
  return result.rows.map(toBelowRow);
}

export async function countBelowRows(db: Db, scope: BelowScope): Promise<number> {
  const result = await sql<{ total: number }>`
    SELECT count(*)::int AS total FROM (${unionBelow(db, scope)}) AS items`.execute(db);
  return result.rows[0]?.total ?? 0;
}
