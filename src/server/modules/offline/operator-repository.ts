// Database reads of the 填报单位's offline page: its offline requests with their details, and their 审核流水.
import { sql } from 'kysely';
import type { OfflineKindColumn, RequestState } from '../../../db/schema.ts';
import type { Db } from '../../context.ts';
import { type AuditRow, auditEntries } from '../requests/repository.ts';

export interface OperatorRequestRow {
  id: number;
  kind: OfflineKindColumn;
  state: RequestState;
  plannedDate: string;
  endDate: string | null;
  reason: string;
  description: string;
  migrationUrl: string | null;
  attachment: { id: number; fileName: string; mimeType: string; sizeBytes: number } | null;
  submittedAt: Date;
  returnReason: string | null;
  rejected: boolean;
  startedAt: Date | null;
  endedAt: Date | null;
  completedAt: Date | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v));

/** The site's offline requests, newest first (drafts and withdrawn ones included: they are its own). */
export async function siteOfflineRequests(db: Db, siteId: number, limit = 50): Promise<OperatorRequestRow[]> {
  const rows = await db
    .selectFrom('offline_requests as d')
    .innerJoin('requests as r', 'r.id', 'd.request_id')
    .leftJoin('offline_attachments as a', 'a.id', 'd.attachment_id')
    .select([
      'r.id',
      'd.kind',
      'r.state',
      sql<string>`d.planned_date::text`.as('planned_date'),
      sql<string | null>`d.end_date::text`.as('end_date'),
      'd.reason',
      'd.description',
      'd.migration_url',
      'a.id as attachment_id',
      'a.file_name',
      'a.mime_type',
      'a.size_bytes',
      'r.submitted_at',
      'r.return_reason',
      'd.rejected',
      'd.started_at',
      'd.ended_at',
      'd.completed_at',
    ])
    .where('d.site_id', '=', siteId)
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    plannedDate: r.planned_date,
    endDate: r.end_date,
    reason: r.reason,
    description: r.description,
    migrationUrl: r.migration_url,
    attachment:
      r.attachment_id === null
        ? null
        : {
            id: r.attachment_id,
            fileName: r.file_name ?? '',
            mimeType: r.mime_type ?? '',
            sizeBytes: r.size_bytes ?? 0,
          },
    submittedAt: new Date(r.submitted_at),
    returnReason: r.state === 'RETURNED' ? r.return_reason : null,
    rejected: r.rejected,
    startedAt: iso(r.started_at),
    endedAt: iso(r.ended_at),
    completedAt: iso(r.completed_at),
  }));
}

/** 审核流水 of the site's offline requests and of its run-status changes, oldest first. */
export function siteOfflineTrail(db: Db, siteId: number, siteCode: string): Promise<AuditRow[]> {
  return auditEntries(db, (eb) =>
    eb.or([
      eb('a.request_id', 'in', eb.selectFrom('offline_requests').select('request_id').where('site_id', '=', siteId)),
      eb.and([eb('a.site_code', '=', siteCode), eb('a.entity_type', '=', 'SITE')]),
    ]),
  );
}
