// 导出当页数据 (SPEC §13): exactly the rows of the requested page, as the caller's unit sees them; one 「导出」 entry.
import type { AppContext, OrgActor } from '../../context.ts';
import { loadExcelJS } from '../../xlsx-table.ts';
import { addListSheet, exportCells, exportFileName, loadExportExtras, writeExportAudit } from './export-xlsx.ts';
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
  const sheet = addListSheet(workbook);
  const extras = await loadExportExtras(ctx.db, rows);
  for (const row of rows) sheet.addRow(exportCells(presentRow(row, actor.orgCode), extras(row.id)));
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  const now = ctx.clock.now();
  await writeExportAudit(ctx.db, now, actor, { scope: 'page', page, pageSize, rows: rows.length, filters }, ip);
  return { fileName: exportFileName(actor.orgCode, now, `p${page}`), body };
}
