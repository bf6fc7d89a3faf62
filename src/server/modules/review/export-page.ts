// 导出当页数据 (SPEC §13): exactly the rows of the requested page, as the caller's unit sees them; one 「导出」 entry.
import { writeAudit } from '../../audit.ts';
import type { AppContext, OrgActor } from '../../context.ts';
import { loadExcelJS } from '../../xlsx-table.ts';
import { exportCells, exportFileName, loadExportExtras, SHEET_NAME, SHEET_OPTIONS, setUpSheet } from './export-xlsx.ts';
import { presentRow } from './present.ts';
import { listSiteRows } from './repository.ts';
import type { ListSitesQuery } from './schema.ts';

export interface ExportFile {
  fileName: string;
  body: Buffer;
}

export async function exportPage(
  ctx: AppContext,
  actor: OrgActor,
  query: ListSitesQuery,
  ip: string | null,
): Promise<ExportFile> {
  const { page, pageSize, ...filters } = query;
  const viewer = { orgCode: actor.orgCode, orgPath: actor.orgPath };
  const { rows } = await listSiteRows(ctx.db, viewer, filters, page, pageSize);
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政府网站信息报送系统';
  const sheet = workbook.addWorksheet(SHEET_NAME, SHEET_OPTIONS);
  setUpSheet(sheet);
  const extras = await loadExportExtras(ctx.db, rows);
  for (const row of rows) sheet.addRow(exportCells(presentRow(row, actor.orgCode), extras(row.id)));
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  const now = ctx.clock.now();
  await writeAudit(
    ctx.db,
    now,
    actor,
    {
      kind: 'REGISTER_EXPORTED',
      entityType: 'EXPORT',
      entityId: actor.orgCode,
      data: { scope: 'page', page, pageSize, rows: rows.length, filters },
    },
    ip,
  );
  return { fileName: exportFileName(actor.orgCode, now, `p${page}`), body };
}
