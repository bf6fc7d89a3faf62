// Small xlsx exports of on-screen tables (statistics, org-unit query): Chinese headers, one sheet per table.
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { compactDateTimeCN } from '../domain/dates.ts';
import { contentDisposition, XLSX_TYPE } from './download.ts';

let excel: Promise<typeof ExcelJS> | undefined;
/** exceljs takes ~0.7 s and ~30 MB to load: the first export loads it, not the server's start-up. */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((m) => m.default);
  return excel;
}

/** A spreadsheet would run a cell starting with = + - @ (or a tab / CR) as a formula: keep it text. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type Cell = string | number | null;

export interface XlsxColumn {
  header: string;
  width?: number;
}

export interface XlsxSheet {
  /** ≤ 31 characters, no []:*?/\ (Excel's rule). */
  name: string;
  columns: readonly XlsxColumn[];
  rows: readonly (readonly Cell[])[];
}

export async function buildWorkbook(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政府网站信息报送系统';
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    sheet.columns = s.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of s.rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? neutraliseCell(v) : v)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `<prefix>_<orgCode>_<YYYYMMDDHHmmss>.xlsx` in Beijing time. */
export function xlsxFileName(prefix: string, orgCode: string, at: Date): string {
  return `${prefix}_${orgCode}_${compactDateTimeCN(at)}.xlsx`;
}

export function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer | Readable) {
  return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(fileName)).send(body);
}
