// 已办 as one list: the unit's 审核流水 entries about requests and its decisions on 年度报表 (a 工作年度报表 approved
// or returned, a 监管年度报表 submitted, approved or returned), merged in SQL and newest first.
import { sql } from 'kysely';
import type { RequestType } from '../../../db/schema.ts';
import type { Db } from '../../context.ts';
import type { InboxKind } from './schema.ts';

export interface DoneEntryRow {
  kind: InboxKind;
  auditId: number;
  at: Date;
  action: string;
  actorName: string | null;
  comment: string | null;
  /** The request (REQUEST) or the report. */
  subjectId: number;
  /** The request's type; null for a report. */
  type: RequestType | null;
  year: number | null;
  siteId: number | null;
  siteName: string;
  siteCode: string | null;
}

function entriesOf(orgCode: string) {
  return sql`
    SELECT 'REQUEST' AS kind, a.id, a.at, a.action, a.actor_name, a.comment, r.id AS subject_id, r.type,
      NULL::integer AS year, s.id AS site_id, s.name AS site_name, s.site_code
    FROM audit_log a JOIN requests r ON r.id = a.request_id JOIN sites s ON s.id = r.site_id
    WHERE a.actor_org_code = ${orgCode} AND a.request_id IS NOT NULL
    UNION ALL
    SELECT 'WORK_REPORT', a.id, a.at, a.action, a.actor_name, a.comment, w.id, NULL, w.year, s.id, s.name, s.site_code
    FROM audit_log a JOIN work_reports w ON a.entity_id = w.id::text JOIN sites s ON s.id = w.site_id
    WHERE a.actor_org_code = ${orgCode} AND a.entity_type = 'WORK_REPORT' AND a.to_state IN ('APPROVED', 'RETURNED')
    UNION ALL
    SELECT 'SUPERVISION_REPORT', a.id, a.at, a.action, a.actor_name, a.comment, p.id, NULL, p.year, NULL::bigint,
      u.display_name, NULL
    FROM audit_log a JOIN supervision_reports p ON a.entity_id = p.id::text JOIN org_units u ON u.code = p.org_code
    WHERE a.actor_org_code = ${orgCode} AND a.entity_type = 'SUPERVISION_REPORT'
      AND a.to_state IN ('SUBMITTED', 'APPROVED', 'RETURNED')`;
}

/** 已办 of `orgCode`: every kind, newest first. */
export async function listDoneEntries(
  db: Db,
  orgCode: string,
  limit: number,
  offset: number,
): Promise<{ rows: DoneEntryRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    sql<{
      kind: InboxKind;
      id: number | string;
      at: Date | string;
      action: string;
      actor_name: string | null;
      comment: string | null;
      subject_id: number | string;
      type: RequestType | null;
      year: number | null;
      site_id: number | string | null;
      site_name: string;
      site_code: string | null;
    }>`SELECT * FROM (${entriesOf(orgCode)}) AS done ORDER BY id DESC LIMIT ${limit} OFFSET ${offset}`.execute(db),
    sql<{ n: number }>`SELECT count(*)::int AS n FROM (${entriesOf(orgCode)}) AS done`.execute(db),
  ]);
  return {
    total: count.rows[0]?.n ?? 0,
    rows: rows.rows.map((r) => ({
      kind: r.kind,
      auditId: Number(r.id),
      at: new Date(r.at),
      action: r.action,
      actorName: r.actor_name,
      comment: r.comment,
      subjectId: Number(r.subject_id),
      type: r.type,
      year: r.year,
      siteId: r.site_id === null ? null : Number(r.site_id),
      siteName: r.site_name,
      siteCode: r.site_code,
    })),
  };
}
