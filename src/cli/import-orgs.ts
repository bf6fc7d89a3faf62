// `govsite import-orgs FILE`: reads an xlsx or csv sheet, imports it, and prints a report of the bad rows.
import { extname } from 'node:path';
import { SingleBar } from 'cli-progress';
import ExcelJS from 'exceljs';
import type { AppConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { type ImportRow, importOrgUnits } from '../server/modules/org-units/import-orgs.ts';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return String(value.result ?? '');
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if (value instanceof Date) return value.toISOString();
  }
  return String(value);
}

export async function readSheetRows(file: string): Promise<ImportRow[]> {
  const workbook = new ExcelJS.Workbook();
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') await workbook.csv.readFile(file);
  else if (ext === '.xlsx') await workbook.xlsx.readFile(file);
  else throw new Error(`不支持的文件类型 ${ext || '（无扩展名）'}：请使用 .xlsx 或 .csv`);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('文件中没有工作表');
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col] = cellText(cell.value)
      .replace(/^\uFEFF/, '')
      .trim();
  });
  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const header = headers[col];
      if (header) cells[header] = cellText(cell.value).trim();
    });
    if (Object.values(cells).some((v) => v !== '')) rows.push({ rowNumber, cells });
  });
  return rows;
}

export async function importOrgsCommand(config: AppConfig, file: string): Promise<number> {
  const rows = await readSheetRows(file);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const bar = new SingleBar({
      format: '导入组织单位 [{bar}] {value}/{total}',
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 2000,
    });
    bar.start(rows.length, 0);
    const result = await importOrgUnits(database.db, rows, new Date(), (done) => bar.update(done));
    bar.stop();
    console.log(`新增 ${result.created} 个，更新 ${result.updated} 个，错误 ${result.errors.length} 行`);
    for (const e of result.errors) console.log(`  第 ${e.rowNumber} 行（${e.code || '无代码'}）：${e.reason}`);
    return result.errors.length > 0 ? 3 : 0;
  } finally {
    await database.close();
  }
}
