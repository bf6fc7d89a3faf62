// Database reads of the 00:00 offline job: sites whose temporary / emergency offline ends by `today`, and approved
// temporary offlines whose start day has come.
import { sql } from 'kysely';
import type { Db } from '../../context.ts';

export async function sitesDueForRestore(db: Db, today: string): Promise<number[]> {
  const rows = await db
    .selectFrom('sites')
    .select('id')
    .where('run_status', 'in', ['TEMP_OFFLINE', 'EMERGENCY_OFFLINE'])
    .where(sql<boolean>`run_status_until <= ${today}::date`)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function tempOfflinesDueToStart(db: Db, today: string): Promise<{ requestId: number; siteId: number }[]> {
  const rows = await db
    .selectFrom('offline_requests as d')
    .innerJoin('requests as r', 'r.id', 'd.request_id')
    .select(['d.request_id', 'd.site_id'])
    .where('d.kind', '=', 'TEMP')
    .where('d.started_at', 'is', null)
    .where('d.ended_at', 'is', null)
    .where('r.state', '=', 'DONE')
    .where(sql<boolean>`d.planned_date <= ${today}::date`)
    .orderBy('d.request_id')
    .execute();
  return rows.map((r) => ({ requestId: r.request_id, siteId: r.site_id }));
}
