// The 工作年度报表 window of a year: the root's saved dates, else the default (填报 1–20 January, 发布 by 31 January).
// One read for the report pages, 待办's 下级超期 and the reminder job.
import { defaultWindow, type WorkReportWindow } from '../domain/annual-report/work-report-window.ts';
import type { Db, Trx } from './context.ts';

export async function reportWindowOf(db: Db | Trx, year: number): Promise<WorkReportWindow & { saved: boolean }> {
  const row = await db
    .selectFrom('work_report_windows')
    .select(['fill_from', 'fill_to', 'publish_by'])
    .where('year', '=', year)
    .executeTakeFirst();
  if (!row) return { ...defaultWindow(year), saved: false };
  return { fillFrom: row.fill_from, fillTo: row.fill_to, publishBy: row.publish_by, saved: true };
}
