// 导出全部筛选结果: every filtered row in list order, streamed as xlsx while keyset batches of 1000 are read;
// at most EXPORT_ALL_CAP rows, with a closing note when the result was cut.
import { PassThrough, type Readable } from 'node:stream';
import type { AppContext, OrgActor } from '../../context.ts';
import { loadExcelJS } from '../../xlsx-table.ts';
import { addListSheet, exportCells, exportFileName, loadExportExtras, writeExportAudit } from './export-xlsx.ts';
import { presentRow } from './present.ts';
import { iterateSiteRows, listSiteRows } from './repository.ts';
import type { SiteFilters } from './schema.ts';

export const EXPORT_ALL_CAP = 100_000;
export const EXPORT_BATCH = 1000;

export interface ExportStream {
  fileName: string;
  stream: Readable;
  total: number;
  truncated: boolean;
}

export async function exportAll(
  ctx: AppContext,
  actor: OrgActor,
  filters: SiteFilters,
  ip: string | null,
  onError: (error: unknown) => void,
): Promise<ExportStream> {
  const viewer = { orgCode: actor.orgCode, orgPath: actor.orgPath };
  // Counted exactly: the 审核流水 entry and the download's header give the total.
  const { total } = await listSiteRows(ctx.db, viewer, filters, 1, 1, { countUpTo: Number.POSITIVE_INFINITY });
  const truncated = total > EXPORT_ALL_CAP;
  const now = ctx.clock.now();
  await writeExportAudit(
    ctx.db,
    now,
    actor,
    { scope: 'all', total, rows: Math.min(total, EXPORT_ALL_CAP), filters },
    ip,
  );
  const stream = new PassThrough();
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = addListSheet(workbook);
  sheet.getRow(1).commit();
  const write = async () => {
    for await (const batch of iterateSiteRows(ctx.db, viewer, filters, EXPORT_BATCH, EXPORT_ALL_CAP)) {
      const extras = await loadExportExtras(ctx.db, batch);
      for (const row of batch) sheet.addRow(exportCells(presentRow(row, actor.orgCode), extras(row.id))).commit();
    }
    if (truncated) {
      sheet.addRow([`共 ${total} 条，仅导出前 ${EXPORT_ALL_CAP} 条，请缩小筛选范围后分批导出`]).commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => {
    onError(error);
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return { fileName: exportFileName(actor.orgCode, now, 'all'), stream, total, truncated };
}
