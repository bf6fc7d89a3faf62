// The xlsx of every report of the caller's subtree for a year, one row per report, columns in the template's order
// (from the domain's field list); cells neutralised against formula injection.
import { workReportCells, workReportColumns } from '../../../domain/annual-report/work-report-render.ts';
import { WORK_REPORT_STATE_LABELS } from '../../../domain/annual-report/work-report-states.ts';
import { reportPeriod } from '../../../domain/annual-report/work-report-window.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { loadExcelJS, neutraliseCell } from '../../xlsx-table.ts';
import { headOf } from './present.ts';
import { reportsForExport } from './repository.ts';

export const EXPORT_SHEET = '政府网站工作年度报表';

export async function exportReports(
  ctx: AppContext,
  actor: OrgActor,
  year: number,
): Promise<{ fileName: string; body: Buffer }> {
  const rows = await reportsForExport(ctx.db, actor.orgPath, year);
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(EXPORT_SHEET);
  const columns = workReportColumns();
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.min(40, Math.max(12, c.header.length * 2)),
  }));
  for (const r of rows) {
    const cells = workReportCells({
      head: r.head ?? headOf(r),
      data: r.data,
      period: reportPeriod(year, r.code_issued_at),
      filledOn: r.filled_on,
      stateLabel: WORK_REPORT_STATE_LABELS[r.state],
      publishedUrl: r.published_url,
      linkCheckMessage: r.link_check?.message ?? null,
    });
    sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, neutraliseCell(cells[c.key] ?? '')])));
  }
  sheet.getRow(1).font = { bold: true };
  const body = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `${year}年度政府网站工作年度报表.xlsx`, body };
}
